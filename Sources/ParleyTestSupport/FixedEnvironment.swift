import Foundation
import ParleyDesk
import Synchronization

extension DeskEnvironment {
    /// A clock that starts at `start` and advances one second per reading, and ids counted from 1, so
    /// that tests and replays give the same events every time.
    public static func fixed(start: Date = Date(timeIntervalSince1970: 1_561_766_400)) -> DeskEnvironment {
        let ticks = Mutex(0)
        let ids = Mutex(0)
        return DeskEnvironment(
            now: {
                start.addingTimeInterval(
                    Double(
                        ticks.withLock {
                            $0 += 1
                            return $0 - 1
                        }))
            },
            newID: {
                let next = ids.withLock {
                    $0 += 1
                    return $0
                }
                return UUID(uuidString: String(format: "00000000-0000-0000-0000-%012x", next))!
            })
    }
}
