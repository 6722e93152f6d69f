import Foundation
import ParleyDesk

/// The itinerary as an SVG chart, one row per day from 07:00 to 23:00 in that day's own zone, and the
/// same as a list of days for narrow screens.
///
/// Fixed commitments are dark, agreed or confirmed meetings solid, meetings only planned (optional)
/// outlined and dashed; journeys are thin bars with their length. Labels sit in lanes under the bars,
/// a new lane whenever one would run into the last, so none overlaps another.
struct GanttChart {
    let problem: TripProblem
    let itinerary: Itinerary?
    let state: DeskState

    private let width = 960.0
    private let left = 150.0
    /// Height of the bars' band in a row.
    private let band = 30.0
    private let laneHeight = 13.0
    /// Width of one character of a label, for placing them (the chart's font is 11 px).
    private let characterWidth = 6.2

    /// One thing drawn on a day.
    private struct Piece {
        enum Kind { case fixed, agreed, planned, journey }
        let kind: Kind
        let start: Date
        let end: Date
        let label: String
        let detail: String
    }

    /// The chart and the list (the stylesheet shows the list instead at phone width).
    var svg: HTML {
        let days = pieces()
        var parts: [String] = []
        let span = width - left - 10
        var y = 34.0
        parts.append(legend())
        for hour in stride(from: 7, through: 23, by: 2) {
            let x = left + Double(hour - 7) / 16 * span
            // The last hour ends at the chart's edge: its label is written leftward from there.
            let anchor = hour == 23 ? " text-anchor=\"end\"" : ""
            parts.append(
                "<text x=\"\(hour == 23 ? x : x + 2)\" y=\"30\"\(anchor)>\(String(format: "%02d:00", hour))</text>")
        }
        var rows: [String] = []
        for (index, day) in problem.days.enumerated() {
            let zone = day.span.from.zone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone.timeZone
            let midnight = calendar.startOfDay(for: day.span.from.instant)
            let seven = calendar.date(byAdding: .hour, value: 7, to: midnight) ?? midnight.addingTimeInterval(25_200)
            func x(_ instant: Date) -> Double {
                left + min(max(instant.timeIntervalSince(seven) / 57_600, 0), 1) * span
            }
            // Labels in lanes: each goes in the first lane whose last label ends before it starts.
            var laneEnds: [Double] = []
            var labels: [String] = []
            var bars: [String] = []
            for piece in days[index] ?? [] {
                let start = x(piece.start)
                let barWidth = max(x(piece.end) - start, 3)
                let title = "<title>\(HTML.escape(piece.detail))</title>"
                switch piece.kind {
                case .journey:
                    bars.append(
                        "<g>\(title)<rect x=\"\(start)\" y=\"\(y + band / 2 - 3)\" width=\"\(barWidth)\" height=\"6\" fill=\"#8a96a3\"/></g>"
                    )
                default:
                    let style =
                        switch piece.kind {
                        case .fixed: "fill=\"#22303c\""
                        case .agreed: "fill=\"#1f5f99\""
                        default: "fill=\"#ffffff\" stroke=\"#1f5f99\" stroke-width=\"2\" stroke-dasharray=\"5 3\""
                        }
                    bars.append(
                        "<g>\(title)<rect x=\"\(start)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"\(band - 8)\" rx=\"3\" \(style)/></g>"
                    )
                }
                let text = String(piece.label.prefix(48))
                let textWidth = Double(text.count) * characterWidth + 8
                let lane = laneEnds.firstIndex { $0 <= start } ?? laneEnds.count
                if lane == laneEnds.count { laneEnds.append(0) }
                laneEnds[lane] = start + textWidth
                labels.append(
                    "<text x=\"\(start)\" y=\"\(y + band + 10 + Double(lane) * laneHeight)\">\(HTML.escape(text))</text>"
                )
            }
            let height = band + Double(laneEnds.count) * laneHeight + 8
            let label = HTML.escape(day.label.components(separatedBy: ", ").first ?? day.label)
            let abbreviation = HTML.escape("\(zone.abbreviation(at: day.span.from.instant)) · \(zone)")
            rows.append(
                "<text x=\"0\" y=\"\(y + 14)\">\(label)</text><text x=\"0\" y=\"\(y + 27)\" fill=\"#5b6570\">\(abbreviation)</text>"
                    + "<rect x=\"\(x(day.span.from.instant))\" y=\"\(y + 2)\" width=\"\(max(x(day.span.to.instant) - x(day.span.from.instant), 1))\" height=\"\(band - 4)\" fill=\"#eef1f4\"/>"
                    + "<line x1=\"0\" y1=\"\(y + height)\" x2=\"\(width)\" y2=\"\(y + height)\" stroke=\"#d5dbe1\"/>"
                    + bars.joined() + labels.joined())
            y += height + 4
        }
        let grid = stride(from: 7, through: 23, by: 2).map { hour -> String in
            let x = left + Double(hour - 7) / 16 * span
            return "<line x1=\"\(x)\" y1=\"34\" x2=\"\(x)\" y2=\"\(y)\" stroke=\"#e4e8ec\"/>"
        }
        let chart =
            "<div class=\"trip-chart\"><svg role=\"img\" aria-label=\"Itinerary by day, each day in its own zone\" viewBox=\"0 0 \(width) \(y + 4)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">"
            + grid.joined() + parts.joined() + rows.joined() + "</svg></div>"
        return HTML.trusted(chart + list(days))
    }

    /// What each day holds, in order: visits and the journeys between them.
    private func pieces() -> [Int: [Piece]] {
        guard let itinerary else { return [:] }
        var byDay: [Int: [Piece]] = [:]
        for visit in itinerary.visits where problem.days.indices.contains(visit.day) {
            let title = problem.items.first { $0.kind == visit.kind && $0.ref == visit.ref }?.title ?? visit.ref
            let venue = state.venues[visit.venue]?.name ?? visit.venue.rawValue
            let kind: Piece.Kind
            switch visit.kind {
            case .commitment: kind = .fixed
            case .engagement:
                let engagement = state.engagements[Engagement.ID(visit.ref)]
                let settled = engagement.map { $0.state == .confirmed || $0.state == .held } ?? false
                kind = engagement?.agreedSlot != nil || settled ? .agreed : .planned
            }
            let word = kind == .fixed ? "fixed" : kind == .agreed ? "agreed" : "planned, optional"
            let times = "\(visit.start.display.dropFirst(11))–\(visit.end.display.dropFirst(11))"
            byDay[visit.day, default: []].append(
                Piece(
                    kind: kind, start: visit.start.instant, end: visit.end.instant, label: title,
                    detail: "\(title), \(venue), \(times) (\(word))"))
        }
        if state.trips[problem.trip.id] != nil {
            for journey in Journey.of(itinerary, days: problem.days, in: state)
            where problem.days.indices.contains(journey.day) {
                let from = state.venues[journey.from]?.name ?? journey.from.rawValue
                let to = state.venues[journey.to]?.name ?? journey.to.rawValue
                let length = "\(Minutes(journey.minutes))"
                byDay[journey.day, default: []].append(
                    Piece(
                        kind: .journey, start: journey.leaving.instant, end: journey.arriving.instant,
                        label: "→ \(to) \(length)",
                        detail:
                            "Travel from \(from) to \(to), leaving \(journey.leaving.display.dropFirst(11)): \(length)")
                )
            }
        }
        return byDay.mapValues { $0.sorted { ($0.start, $0.label) < ($1.start, $1.label) } }
    }

    private func legend() -> String {
        let items: [(String, String)] = [
            ("fill=\"#22303c\"", "fixed"), ("fill=\"#1f5f99\"", "agreed or confirmed"),
            ("fill=\"#ffffff\" stroke=\"#1f5f99\" stroke-width=\"2\" stroke-dasharray=\"5 3\"", "planned, optional"),
        ]
        var x = left
        var parts: [String] = []
        for (style, text) in items {
            parts.append(
                "<rect x=\"\(x)\" y=\"4\" width=\"18\" height=\"10\" rx=\"2\" \(style)/><text x=\"\(x + 24)\" y=\"13\">\(text)</text>"
            )
            x += 24 + Double(text.count) * characterWidth + 18
        }
        parts.append(
            "<rect x=\"\(x)\" y=\"7\" width=\"18\" height=\"5\" fill=\"#8a96a3\"/><text x=\"\(x + 24)\" y=\"13\">travel</text>"
        )
        return parts.joined()
    }

    /// The days as a list: what a phone shows instead of the chart.
    private func list(_ days: [Int: [Piece]]) -> String {
        let items = problem.days.enumerated().map { index, day -> String in
            let pieces = (days[index] ?? []).map { "<li>\(HTML.escape($0.detail))</li>" }
            return "<li><strong>\(HTML.escape(day.label))</strong><ul>"
                + (pieces.isEmpty ? "<li class=\"muted\">nothing planned</li>" : pieces.joined()) + "</ul></li>"
        }
        return "<ol class=\"trip-days plain\">" + items.joined() + "</ol>"
    }
}
