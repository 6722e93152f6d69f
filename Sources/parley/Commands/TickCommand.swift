import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley tick`: one pass of the desk's timers (what `serve` does every second), for cron or drills.
struct TickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Record what has come due: playbook tries, stops, deadline alarms, missed deadlines.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Option(help: "Pretend it is this time (e.g. '2019-06-29 20:00 Asia/Seoul').")
    var now: String?

    func run() async throws {
        try await store.withLedger { ledger in
            let instant = try now.map { try ZonedTime.parse($0, field: "--now", defaultZone: .utc).instant } ?? Date()
            // Fault drill: die after deciding what is due and before recording it.
            let crash = ProcessInfo.processInfo.environment["PARLEY_DRILL_KILL_BEFORE_APPEND"] == "1"
            for desk in try await deskOption.resolveAll(in: ledger.store) {
                // With --now (a drill or a backfill), everything due up to then counts, history included.
                let since: Date? = now == nil ? nil : .distantPast
                let stored = try await ledger.fireTimers(on: desk, now: instant, since: since, actor: "scheduler") {
                    if crash { kill(getpid(), SIGKILL) }
                }
                for event in stored {
                    print("\(desk) #\(event.sequence) \((try? event.decoded().summary) ?? event.type)")
                }
            }
        }
    }
}
