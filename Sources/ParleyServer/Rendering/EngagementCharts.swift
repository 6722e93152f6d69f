import Foundation
import ParleyDesk

/// The engagement page's two small charts: the probability over time and the readiness schedule.
enum EngagementCharts {
    /// A moment the estimate moved, and the contributions that moved it most.
    struct Step {
        /// When.
        let at: Date
        /// The probability before.
        let from: Double
        /// The probability after.
        let to: Double
        /// The largest changes of contribution, as words (`+0.80 counterpart's answer (…)`).
        let movers: [String]

        /// One line: when, from and to, and why.
        func text(in zone: TimeZoneID) -> String {
            String(format: "%.0f%% → %.0f%%", from * 100, to * 100) + ", " + ZonedTime.display(at, in: zone)
                + (movers.isEmpty ? "" : ": " + movers.joined(separator: "; "))
        }
    }

    /// The probability at each moment the desk changed, as a step line from 0 to 100 %, with a marker at
    /// each step that moved it (its contributions on hover, and in the list under the chart for the
    /// keyboard and screen readers).
    static func probability(_ points: [(at: Date, probability: Double)], steps: [Step] = [], zone: TimeZoneID)
        -> HTML
    {
        guard let first = points.first, let last = points.last, points.count > 1 else { return .empty }
        let width = 640.0
        let height = 140.0
        let span = max(last.at.timeIntervalSince(first.at), 1)
        func x(_ at: Date) -> Double { 40 + at.timeIntervalSince(first.at) / span * (width - 50) }
        func y(_ p: Double) -> Double { 10 + (1 - p) * (height - 30) }
        var path = "M\(x(first.at)),\(y(first.probability))"
        for (previous, point) in zip(points, points.dropFirst()) {
            path += " L\(x(point.at)),\(y(previous.probability)) L\(x(point.at)),\(y(point.probability))"
        }
        var parts = ["<path d=\"\(path)\" fill=\"none\" stroke=\"#1f5f99\" stroke-width=\"2\"/>"]
        for level in [0.0, 0.5, 1.0] {
            parts.append(
                "<line x1=\"40\" y1=\"\(y(level))\" x2=\"\(width - 10)\" y2=\"\(y(level))\" stroke=\"#d5dbe1\"/>")
            parts.append("<text x=\"0\" y=\"\(y(level) + 4)\">\(Int(level * 100))%</text>")
        }
        parts.append("<text x=\"40\" y=\"\(height - 4)\">\(HTML.escape(ZonedTime.display(first.at, in: zone)))</text>")
        parts.append(
            "<text x=\"\(width - 10)\" y=\"\(height - 4)\" text-anchor=\"end\">\(HTML.escape(ZonedTime.display(last.at, in: zone)))</text>"
        )
        for (index, step) in steps.enumerated() {
            let tone = step.to >= step.from ? "#1b7a3d" : "#a3262a"
            parts.append(
                "<a href=\"#step-\(index + 1)\" aria-label=\"\(HTML.escape(step.text(in: zone)))\"><circle class=\"step\" cx=\"\(x(step.at))\" cy=\"\(y(step.to))\" r=\"5\" fill=\"\(tone)\"><title>\(HTML.escape(step.text(in: zone)))</title></circle></a>"
            )
        }
        let chart =
            "<svg role=\"group\" aria-label=\"Probability over time\(steps.isEmpty ? "" : ", with a marker at each step that moved it")\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
            + parts.joined() + "</svg>"
        guard !steps.isEmpty else { return HTML.trusted(chart) }
        let list = steps.enumerated().map { index, step in
            "<li id=\"step-\(index + 1)\">\(HTML.escape(step.text(in: zone)))</li>"
        }
        return HTML.trusted(
            chart
                + "<details class=\"small steps\"><summary>What moved it (\(steps.count) steps)</summary><ol>"
                + list.joined() + "</ol></details>")
    }

    /// Each remaining task from its earliest start for its duration, with a tick at its latest start.
    static func readiness(_ readiness: Readiness, titles: [AdvanceTask.ID: String]) -> HTML {
        let rows = readiness.tasks
        guard !rows.isEmpty else { return .empty }
        let start = rows.map(\.earliestStart).min()!
        let end = max(
            readiness.meeting, rows.map { $0.earliestStart.addingTimeInterval(Double($0.remaining) * 60) }.max()!)
        let span = max(end.timeIntervalSince(start), 60)
        let width = 640.0
        func x(_ at: Date) -> Double { 160 + max(0, at.timeIntervalSince(start)) / span * (width - 170) }
        var parts: [String] = []
        for (index, row) in rows.enumerated() {
            let y = Double(index) * 22 + 4
            let label = HTML.escape(String((titles[row.task] ?? row.task.rawValue).prefix(26)))
            let barEnd = row.earliestStart.addingTimeInterval(Double(row.remaining) * 60)
            let fill = row.remaining == 0 ? "#1b7a3d" : row.critical ? "#a3262a" : "#1f5f99"
            parts.append("<text x=\"0\" y=\"\(y + 13)\">\(label)</text>")
            parts.append(
                "<rect x=\"\(x(row.earliestStart))\" y=\"\(y + 3)\" width=\"\(max(x(barEnd) - x(row.earliestStart), 2))\" height=\"12\" fill=\"\(fill)\"/>"
            )
            parts.append(
                "<line x1=\"\(x(row.latestStart))\" y1=\"\(y)\" x2=\"\(x(row.latestStart))\" y2=\"\(y + 18)\" stroke=\"#8a5a00\" stroke-width=\"2\"/>"
            )
        }
        let height = Double(rows.count) * 22 + 10
        let meeting = x(readiness.meeting)
        parts.append(
            "<line x1=\"\(meeting)\" y1=\"0\" x2=\"\(meeting)\" y2=\"\(height)\" stroke=\"#22303c\" stroke-dasharray=\"4 3\"/>"
        )
        return HTML.trusted(
            "<svg role=\"img\" aria-label=\"Advance work: bars from the earliest start, ticks at the latest start, dashed line at the meeting\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\">"
                + parts.joined() + "</svg>")
    }
}
