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
            var known = false
            for desk in try await deskOption.resolveAll(in: ledger.store) {
                let events = try await ledger.store.read(desk: desk, from: 1).map { try $0.decoded() }
                let full = DeskState.folding(events)
                let instant =
                    try asOf.map { try ZonedTime.parse($0, field: "--as-of", defaultZone: full.zone).instant } ?? Date()
                // An assessment at a past moment uses only what the desk knew by then, unless asked otherwise.
                let state = DeskState.folding(events, asOf: instant, asHappened ? .asHappened : .asKnown)
                let ids = engagement.map { [Engagement.ID($0)] } ?? state.engagements.keys.sorted()
                if let engagement, full.engagements[Engagement.ID(engagement)] != nil {
                    known = true
                    // Known to the desk, but not yet opened (or not yet learned of) at that moment.
                    guard state.engagements[Engagement.ID(engagement)] != nil else {
                        throw CommandLineError(
                            "engagement '\(engagement)' on desk '\(desk)' was not open as of "
                                + ZonedTime.display(instant, in: full.zone)
                                + (full.engagements[Engagement.ID(engagement)].map {
                                    " (opened \($0.opened.display))"
                                } ?? ""))
                    }
                }
                for id in ids where state.engagements[id] != nil {
                    let assessment = try Assessment(engagement: id, in: state, asOf: instant)
                    // What the latest news about it did: the estimate just before its last entry, against now.
                    let last = events.filter {
                        $0.isPast(instant, asHappened ? .asHappened : .asKnown) && $0.concerns(id, in: state)
                    }.map { asHappened ? $0.at : $0.learned }.max()
                    let previous = last.flatMap { moment -> Assessment? in
                        let before = moment.addingTimeInterval(-1)
                        let earlier = DeskState.folding(events, asOf: before, asHappened ? .asHappened : .asKnown)
                        return try? Assessment(engagement: id, in: earlier, asOf: before)
                    }
                    reports.append(
                        AssessmentReport(
                            desk: desk, assessment: assessment, title: state.engagements[id]!.title, zone: state.zone,
                            previous: previous))
                }
            }
            if let engagement, !known {
                let place = deskOption.desk.map { "on desk '\($0)'" } ?? "on any desk"
                throw CommandLineError("no engagement with id '\(engagement)' \(place)")
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(reports), as: UTF8.self))
                return
            }
            for report in reports {
                let interval = report.interval.map {
                    String(format: " (90%% interval %.0f–%.0f%%)", $0[0] * 100, $0[1] * 100)
                }
                print(
                    "\(report.desk) · \(report.engagement) — \(report.title): "
                        + (report.held
                            ? "held" : String(format: "%.0f%%", report.probability * 100) + (interval ?? ""))
                        + " as of \(report.asOf)")
                if report.held { continue }
                print(
                    String(
                        format: "  base rate %.0f%% (log-odds %+.2f)", 100 / (1 + exp(-report.baseLogOdds)),
                        report.baseLogOdds)
                )
                for part in report.contributions {
                    print(String(format: "  %+6.2f  ", part.logOdds) + "\(part.indicator): \(part.reason)")
                }
                if let since = report.movedSince, !report.movers.isEmpty {
                    print(
                        "  moved most since \(since) (was \(String(format: "%.0f%%", (report.previousProbability ?? 0) * 100))): "
                            + report.movers.map { String(format: "%+.2f ", $0.logOdds) + $0.indicator }.joined(
                                separator: ", "))
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
    let held: Bool
    let interval: [Double]?
    let baseLogOdds: Double
    let contributions: [Part]
    let movedSince: String?
    let previousProbability: Double?
    let movers: [Part]

    struct Part: Encodable {
        let indicator: String
        let logOdds: Double
        let reason: String
    }

    init(desk: String, assessment: Assessment, title: String, zone: TimeZoneID, previous: Assessment?) {
        movedSince = previous.map { ZonedTime.display($0.asOf.addingTimeInterval(1), in: zone) }
        previousProbability = previous?.probability
        movers = (previous.map { assessment.movers(since: $0) } ?? []).map {
            Part(indicator: $0.indicator, logOdds: $0.logOdds, reason: $0.reason)
        }
        self.desk = desk
        engagement = assessment.engagement.rawValue
        self.title = title
        asOf = ZonedTime.display(assessment.asOf, in: zone)
        probability = assessment.probability
        held = assessment.features == nil
        interval = assessment.interval.map { [$0.lowerBound, $0.upperBound] }
        baseLogOdds = assessment.baseLogOdds
        contributions = assessment.contributions.map {
            Part(
                indicator: $0.indicator, logOdds: $0.logOdds.isFinite ? $0.logOdds : ($0.logOdds > 0 ? 99 : -99),
                reason: $0.reason)
        }
    }
}
