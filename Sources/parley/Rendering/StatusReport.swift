import Foundation
import ParleyDesk

/// The one-screen status of a desk: engagements by state, open deadlines with the time left, channels.
struct StatusReport {
    let desk: String
    let state: DeskState
    let now: Date

    var text: String {
        var lines: [String] = []
        let title = state.profile?.title ?? ""
        lines.append("\(desk) — \(title) (as of \(ZonedTime.display(now, in: state.zone)))")

        lines.append("  Engagements by state")
        let engagements = state.engagements.values.sorted {
            ($0.state, $0.priority, $0.id) < ($1.state, $1.priority, $1.id)
        }
        if engagements.isEmpty { lines.append("    none") }
        for engagement in engagements {
            let since = engagement.history.last.map { "; \(engagement.state.label) since \($0.at.display)" } ?? ""
            lines.append(
                "    \(pad(engagement.state.label, 11)) \(pad(engagement.id.rawValue, 18)) \(engagement.title) "
                    + "(priority \(engagement.priority)\(since))")
        }

        lines.append("  Open deadlines")
        let open = state.deadlines.values.filter { $0.status == .open }.sorted {
            ($0.due.instant, $0.id) < ($1.due.instant, $1.id)
        }
        if open.isEmpty { lines.append("    none") }
        for deadline in open {
            let left = deadline.due.instant.timeIntervalSince(now)
            let when = left >= 0 ? "\(Self.span(left)) left" : "overdue by \(Self.span(-left))"
            lines.append(
                "    \(pad(deadline.id.rawValue, 18)) \(deadline.title) — due \(deadline.due.display) "
                    + "(\(deadline.due.zone)), \(when); owed by \(deadline.owedBy)")
        }

        lines.append("  Channels")
        let channels = state.channels.values.sorted { $0.id < $1.id }
        if channels.isEmpty { lines.append("    none") }
        for channel in channels {
            let last =
                state.attempts(on: channel.id).first.map {
                    "last attempt \($0.at.display): \($0.outcome.rawValue)"
                } ?? "no attempts"
            lines.append(
                "    \(pad(channel.id.rawValue, 18)) \(pad(channel.kind.rawValue, 18)) \(pad(channel.status.rawValue, 8)) \(last)"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A length of time as people say it: `2d 3h`, `5h 10m`, `45m`.
    static func span(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(rest)m" }
        return "\(rest)m"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
