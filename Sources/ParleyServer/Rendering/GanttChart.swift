import Foundation
import ParleyDesk

/// The itinerary as an SVG Gantt chart: one row per day, 07:00–23:00 in the day's zone, with a bar per visit.
struct GanttChart {
    let problem: TripProblem
    let itinerary: Itinerary?
    let state: DeskState

    private let width = 960.0
    private let left = 150.0
    private let rowHeight = 34.0

    var svg: HTML {
        let rows = Double(max(problem.days.count, 1))
        let height = 24 + rows * rowHeight
        var parts: [String] = []
        let span = width - left - 10
        for hour in stride(from: 7, through: 23, by: 2) {
            let x = left + Double(hour - 7) / 16 * span
            parts.append("<line x1=\"\(x)\" y1=\"18\" x2=\"\(x)\" y2=\"\(height)\" stroke=\"#d5dbe1\"/>")
            parts.append("<text x=\"\(x + 2)\" y=\"12\">\(String(format: "%02d:00", hour))</text>")
        }
        // Visits by day once, not a scan of every visit for every day; a stored day no tour has is not drawn.
        var visitsByDay: [Int: [PlannedVisit]] = [:]
        for visit in itinerary?.visits ?? [] where problem.days.indices.contains(visit.day) {
            visitsByDay[visit.day, default: []].append(visit)
        }
        for (index, day) in problem.days.enumerated() {
            let y = 20 + Double(index) * rowHeight
            let zone = day.span.from.zone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone.timeZone
            let midnight = calendar.startOfDay(for: day.span.from.instant)
            let seven = calendar.date(byAdding: .hour, value: 7, to: midnight) ?? midnight.addingTimeInterval(25_200)
            func x(_ instant: Date) -> Double {
                left + min(max(instant.timeIntervalSince(seven) / 57_600, 0), 1) * span
            }
            let label = HTML.escape(day.label.components(separatedBy: ", ").first ?? day.label)
            let abbreviation = HTML.escape(zone.abbreviation(at: day.span.from.instant))
            parts.append(
                "<text x=\"0\" y=\"\(y + 14)\">\(label)</text><text x=\"0\" y=\"\(y + 27)\" fill=\"#5b6570\">\(abbreviation)</text>"
            )
            parts.append(
                "<rect x=\"\(x(day.span.from.instant))\" y=\"\(y + 3)\" width=\"\(max(x(day.span.to.instant) - x(day.span.from.instant), 1))\" height=\"\(rowHeight - 8)\" fill=\"#eef1f4\"/>"
            )
            for visit in visitsByDay[index] ?? [] {
                let title = problem.items.first { $0.kind == visit.kind && $0.ref == visit.ref }?.title ?? visit.ref
                let fill = visit.kind == .commitment ? "#22303c" : "#1f5f99"
                let start = x(visit.start.instant)
                let barWidth = max(x(visit.end.instant) - start, 3)
                let text = HTML.escape("\(title) (\(visit.start.display.dropFirst(11)))")
                parts.append(
                    "<g><title>\(text)</title><rect x=\"\(start)\" y=\"\(y + 5)\" width=\"\(barWidth)\" height=\"\(rowHeight - 12)\" rx=\"3\" fill=\"\(fill)\"/>"
                        + "<text x=\"\(start + barWidth + 3)\" y=\"\(y + 21)\">\(HTML.escape(String(title.prefix(40))))</text></g>"
                )
            }
        }
        return HTML.trusted(
            "<svg role=\"img\" aria-label=\"Itinerary by day\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">"
                + parts.joined() + "</svg>")
    }
}
