import ArgumentParser
import Foundation
import ParleyDesk
import ParleyStore
import ParleyStoreSQLite

/// `parley assess`: the probability that each engagement is held, with every indicator's contribution.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Estimate how likely an engagement is to be held, and say why (see docs/assessment.md).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var deskOption: DeskOption

    @Argument(help: "One engagement's id (default: every open engagement).")
    var engagement: String?

    @Option(name: .customLong("as-of"), help: "Assess the desk as it stood at this time.")
    var asOf: String?

    @Flag(
        help: "With --as-of, assess with everything that had happened by then, including what was learned only later.")
    var asHappened = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        try await store.withLedger { ledger in
            var reports: [AssessmentReport] = []
            for desk in try await deskOption.resolveAll(in: ledger.store) {
                let events = try await ledger.store.read(desk: desk, from: 1).map { try $0.decoded() }
                let full = DeskState.folding(events)
                let instant =
                    try asOf.map { try ZonedTime.parse($0, field: "--as-of", defaultZone: full.zone).instant } ?? Date()
                // An assessment at a past moment uses only what the desk knew by then, unless asked otherwise.
                let state = DeskState.folding(events, asOf: instant, asHappened ? .asHappened : .asKnown)
                let ids = engagement.map { [Engagement.ID($0)] } ?? state.engagements.keys.sorted()
                if let engagement, full.engagements[Engagement.ID(engagement)] == nil, deskOption.desk != nil {
                    throw CommandLineError("no engagement with id '\(engagement)' on desk '\(desk)'")
                }
                for id in ids where state.engagements[id] != nil {
                    let assessment = try Assessment(engagement: id, in: state, asOf: instant)
                    reports.append(
                        AssessmentReport(
                            desk: desk, assessment: assessment, title: state.engagements[id]!.title, zone: state.zone))
                }
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(reports), as: UTF8.self))
                return
            }
            for report in reports {
                print(
                    "\(report.desk) · \(report.engagement) — \(report.title): \(String(format: "%.0f%%", report.probability * 100)) as of \(report.asOf)"
                )
                print(
                    String(format: "  base rate %.0f%% (log-odds %+.2f)", Assessment.baseRate * 100, report.baseLogOdds)
                )
                for part in report.contributions {
                    print(String(format: "  %+6.2f  ", part.logOdds) + "\(part.indicator): \(part.reason)")
                }
            }
        }
    }
}

/// One engagement's assessment, for text or JSON.
private struct AssessmentReport: Encodable {
    let desk: String
    let engagement: String
    let title: String
    let asOf: String
    let probability: Double
    let baseLogOdds: Double
    let contributions: [Part]

    struct Part: Encodable {
        let indicator: String
        let logOdds: Double
        let reason: String
    }

    init(desk: String, assessment: Assessment, title: String, zone: TimeZoneID) {
        self.desk = desk
        engagement = assessment.engagement.rawValue
        self.title = title
        asOf = ZonedTime.display(assessment.asOf, in: zone)
        probability = assessment.probability
        baseLogOdds = assessment.baseLogOdds
        contributions = assessment.contributions.map {
            Part(
                indicator: $0.indicator, logOdds: $0.logOdds.isFinite ? $0.logOdds : ($0.logOdds > 0 ? 99 : -99),
                reason: $0.reason)
        }
    }
}
