import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley timeline`: the desk's events in the order they happened, and the desk as it stood at a time.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List a desk's events by when they happened, optionally for one engagement or up to a past time.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Option(help: "Only events concerning this engagement id.")
    var engagement: String?

    @Option(
        name: .customLong("as-of"),
        help: "Show the desk as it was known at this time (e.g. '2019-06-29 20:00 Asia/Seoul')."
    )
    var asOf: String?

    @Flag(help: "With --as-of, show everything that had happened by then, including what was learned only later.")
    var asHappened = false

    func run() async throws {
        try await store.withLedger { ledger in
            let desk = try await deskOption.resolve(in: ledger.store)
            let stored = try await ledger.store.read(desk: desk, from: 1)
            let decoded = try stored.map { (sequence: $0.sequence, event: try $0.decoded()) }
            let full = DeskState.folding(decoded.map(\.event))
            let hindsight: Hindsight = asHappened ? .asHappened : .asKnown
            let cutoff = try asOf.map { try ZonedTime.parse($0, field: "--as-of", defaultZone: full.zone).instant }
            let engagementID = engagement.map { Engagement.ID($0) }
            if let engagementID, full.engagements[engagementID] == nil {
                throw CommandLineError("no engagement with id '\(engagementID)' on desk '\(desk)'")
            }

            // The log keeps the order things were recorded in; a timeline reads by when they happened.
            let kept = decoded.filter { entry in
                (cutoff.map { entry.event.isPast($0, hindsight) } ?? true)
                    && (engagementID.map { entry.event.concerns($0, in: full) } ?? true)
            }.sorted { ($0.event.at, $0.sequence) < ($1.event.at, $1.sequence) }

            let past = cutoff.map { DeskState.folding(decoded.map(\.event), asOf: $0, hindsight) }
            // Struck entries as the desk stood at the cut: a retraction made later had not happened yet.
            let retracted = (past ?? full).log.retracted
            for entry in kept {
                let when = ZonedTime.display(entry.event.at, in: full.zone)
                let learned = entry.event.known.map { " (learned \(ZonedTime.display($0, in: full.zone)))" } ?? ""
                let struck = retracted[entry.sequence].map { " [RETRACTED by #\($0.by): \($0.reason)]" } ?? ""
                print(
                    "#\(entry.sequence)\t\(when)\t\(entry.event.type)\t\(entry.event.summary)\(learned)\(struck)")
            }
            if kept.isEmpty { print("no events") }
            if let cutoff, let past {
                print("")
                print(StatusReport(desk: desk, state: past, now: cutoff).text)
            }
        }
    }
}
