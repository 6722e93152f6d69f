import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley status`: one screen per desk.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show engagements by state, open deadlines with the time left, and each channel's last attempt.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Option(help: "Count time left from this instant instead of now (e.g. '2019-06-29 20:00 Asia/Seoul').")
    var now: String?

    func run() async throws {
        try await store.withLedger { ledger in
            let instant = try now.map { try ZonedTime.parse($0, field: "--now", defaultZone: .utc).instant } ?? Date()
            let desks = try await deskOption.resolveAll(in: ledger.store)
            if desks.isEmpty { print("no desks; import a scenario or pass --demo") }
            for (index, desk) in desks.enumerated() {
                if index > 0 { print("") }
                print(StatusReport(desk: desk, state: try await ledger.load(desk).state, now: instant).text)
            }
        }
    }
}
