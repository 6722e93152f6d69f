import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley stress-append`: appends signals one at a time and prints each acknowledged sequence number,
/// for crash drills (the test suite kills it with SIGKILL and checks every acknowledged event survived).
struct StressAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-append",
        abstract: "Append events in a loop, printing 'acked N' after each durable commit (crash drills).",
        shouldDisplay: false)

    @OptionGroup var store: StoreOptions

    @Option(help: "The desk to append to; opened if it does not exist.")
    var desk: String = "stress"

    @Option(help: "How many events to append (0: until killed).")
    var count: Int = 0

    func run() async throws {
        try await store.withLedger { ledger in
            let zone = try TimeZoneID.validated("UTC", field: "zone")
            if try await ledger.store.version(of: desk) == 0 {
                let profile = DeskProfile(
                    name: desk, title: "Crash drill", zone: zone, opened: ZonedTime(Date(), zone: zone))
                _ = try await ledger.execute(.openDesk(profile), on: desk, actor: "stress")
                _ = try await ledger.execute(
                    .registerParty(Party(id: "drill", name: "Drill")), on: desk, actor: "stress")
            }
            var written = 0
            while count == 0 || written < count {
                let version = try await ledger.store.version(of: desk)
                let signal = Signal(
                    id: Signal.ID("s\(version + 1)"), engagement: nil, at: ZonedTime(Date(), zone: zone),
                    summary: "drill \(version + 1)", quote: nil, attribution: ["stress-append"], stance: .neutral,
                    grade: try AdmiraltyGrade(parsing: "F6"))
                let stored = try await ledger.execute(.recordSignal(signal), on: desk, actor: "stress")
                // Unbuffered, so that every line printed was acknowledged before a kill can strike.
                for event in stored { FileHandle.standardOutput.write(Data("acked \(event.sequence)\n".utf8)) }
                written += 1
            }
        }
    }
}
