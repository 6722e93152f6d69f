import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite
import ParleyTestSupport
import Testing

/// A pending signal event with a fresh id.
private func signalEvent(_ index: Int) throws -> PendingEvent {
    try PendingEvent(
        DeskEvent(at: Fixtures.opened.instant, .signalRecorded(Fixtures.signal("s\(index)"))), id: UUID(),
        actor: "officer", recordedAt: Date(timeIntervalSince1970: 1_561_766_400 + Double(index)))
}

/// A subscription read one event at a time, each wait bounded.
private final class Following: Sendable {
    private let events: AsyncThrowingStream<StoredEvent, any Error>

    init(_ events: AsyncThrowingStream<StoredEvent, any Error>) { self.events = events }

    /// The next event's sequence number, or nil when none arrives within `seconds`.
    func next(within seconds: Double = 10) async throws -> Int64? {
        let events = self.events
        return try await withThrowingTaskGroup(of: Int64?.self) { group in
            group.addTask {
                var iterator = events.makeAsyncIterator()
                return try await iterator.next()?.sequence
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

@Suite("SQLite: several processes on one file")
struct SQLiteFollowTests {
    @Test("a subscriber on one store sees what another store on the same file appends, in order and once")
    func followsTheFile() async throws {
        let path = try temporaryDatabasePath()
        let writer = try SQLiteEventStore(path: path)
        let reader = try SQLiteEventStore(path: path, followInterval: .milliseconds(20))
        _ = try await writer.append([try signalEvent(1)], to: "dmz-2019", expectedVersion: 0)
        let following = Following(reader.subscribe(desk: "dmz-2019", from: 1))
        #expect(try await following.next() == 1)
        _ = try await writer.append([try signalEvent(2), try signalEvent(3)], to: "dmz-2019", expectedVersion: 1)
        _ = try await writer.append([try signalEvent(9)], to: "asia-trip", expectedVersion: 0)
        #expect(try await following.next() == 2)
        #expect(try await following.next() == 3)
        _ = try await writer.append([try signalEvent(4)], to: "dmz-2019", expectedVersion: 3)
        #expect(try await following.next() == 4)
        // Its own appends still arrive once, with no repeat from the watch on the file.
        _ = try await reader.append([try signalEvent(5)], to: "dmz-2019", expectedVersion: 4)
        #expect(try await following.next() == 5)
        _ = try await writer.append([try signalEvent(6)], to: "dmz-2019", expectedVersion: 5)
        #expect(try await following.next() == 6)
    }
}
