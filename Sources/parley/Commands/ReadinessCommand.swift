import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley readiness ENGAGEMENT`: the advance-task schedule for a meeting time, with slack, the critical
/// path and the latest moment the meeting can still be confirmed.
struct ReadinessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Show how ready the venue is for a meeting time: critical path, slack, latest confirmation.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Argument(help: "The engagement's id.")
    var engagement: String

    @Option(
        help: "The proposed meeting time (default: the agreed slot, else the planned slot, else the end of the window)."
    )
    var at: String?

    @Option(help: "Count from this instant instead of now.")
    var now: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await store.withLedger { ledger in
            let desk = try await deskOption.resolve(in: ledger.store)
            let state = try await ledger.load(desk).state
            let id = Engagement.ID(engagement)
            guard let found = state.engagements[id] else {
                throw CommandLineError("no engagement with id '\(engagement)' on desk '\(desk)'")
            }
            let zone = state.zone
            let from = try now.map { try ZonedTime.parse($0, field: "--now", defaultZone: zone).instant } ?? Date()
            let given = try at.map { try ZonedTime.parse($0, field: "--at", defaultZone: zone).instant }
            let known = MeetingTime(of: found, in: state, asOf: from)
            guard let meeting = given ?? known?.start else {
                throw CommandLineError(
                    "engagement '\(engagement)' has no agreed slot, planned slot or window; give the meeting time with --at"
                )
            }
            let source = given == nil ? known?.source.rawValue ?? "" : "--at"
            let readiness = try Readiness(
                engagement: id, venue: given == nil ? known?.venue : nil, meeting: meeting, now: from, in: state)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .custom { date, encoder in
                    var container = encoder.singleValueContainer()
                    try container.encode(InstantText.format(date))
                }
                print(String(decoding: try encoder.encode(ReadinessJSON(readiness)), as: UTF8.self))
                return
            }
            print(
                "\(found.title) — meeting \(ZonedTime.display(meeting, in: zone)) (\(source)), counted from \(ZonedTime.display(from, in: zone))"
            )
            print(String(format: "  readiness %.0f%% of advance work done", readiness.fraction * 100))
            if let latest = readiness.latestConfirmation {
                print(
                    "  latest confirmation: \(ZonedTime.display(latest, in: zone))"
                        + (latest < from ? " (already passed)" : ""))
            } else {
                print("  nothing left to do")
            }
            for task in readiness.tasks {
                let name = state.tasks[task.task]?.title ?? task.task.rawValue
                let mark = task.critical ? "*" : " "
                print(
                    "  \(mark) \(task.task): \(name) — \(Minutes(task.remaining)) left, start "
                        + "\(ZonedTime.display(task.earliestStart, in: zone))…\(ZonedTime.display(task.latestStart, in: zone)), slack "
                        + (task.slack >= 0 ? TimeLeft.describe(task.slack) : "−" + TimeLeft.describe(task.slack)))
            }
            print("  * critical path: " + readiness.criticalPath.map(\.rawValue).joined(separator: " → "))
            // Tasks a log holds with values no schedule can use (written before limits, or in a cycle).
            for ignored in readiness.ignored { print("  ! \(ignored.task): left out — \(ignored.reason)") }
        }
    }
}

/// The readiness as JSON.
private struct ReadinessJSON: Encodable {
    let meeting: Date
    let fraction: Double
    let latestConfirmation: Date?
    let criticalPath: [String]
    let tasks: [Task]
    let ignored: [Ignored]

    struct Ignored: Encodable {
        let id: String
        let reason: String
    }

    struct Task: Encodable {
        let id: String
        let remainingMinutes: Int
        let earliestStart: Date
        let latestStart: Date
        let slackMinutes: Int
        let critical: Bool
    }

    init(_ readiness: Readiness) {
        meeting = readiness.meeting
        fraction = readiness.fraction
        latestConfirmation = readiness.latestConfirmation
        criticalPath = readiness.criticalPath.map(\.rawValue)
        tasks = readiness.tasks.map {
            Task(
                id: $0.task.rawValue, remainingMinutes: $0.remaining, earliestStart: $0.earliestStart,
                latestStart: $0.latestStart, slackMinutes: Int(saturating: ($0.slack / 60).rounded()),
                critical: $0.critical)
        }
        ignored = readiness.ignored.map { Ignored(id: $0.task.rawValue, reason: $0.reason) }
    }
}
