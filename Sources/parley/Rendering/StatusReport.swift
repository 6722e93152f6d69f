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
            let when = TimeLeft.phrase(until: deadline.due.instant, from: now)
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

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
