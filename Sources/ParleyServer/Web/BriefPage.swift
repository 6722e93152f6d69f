import Foundation
import ParleyDesk

/// `/desks/{desk}/engagements/{id}/brief`: one engagement on paper for a principal's staff — where it
/// stands, the odds and why, when and where it meets, what is owed, how ready the venue is, who was
/// reached on which channel, and what the other side said, newest first (printable).
struct BriefPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    let engagement: Engagement
    let now: Date

    var html: HTML {
        let party = { (id: Party.ID) in state.parties[id]?.name ?? id.rawValue }
        let principals = engagement.principals.map { state.principals[$0]?.name ?? $0.rawValue }.joined(separator: ", ")
        let assessment = try? Assessment(engagement: engagement.id, in: state, asOf: now)
        let odds: HTML =
            assessment.map { assessment in
                guard assessment.features != nil else { return "<p><strong>Held.</strong></p>" }
                let reasons = assessment.contributions.prefix(4).map { part -> HTML in
                    "<li>\(String(format: "%+.1f", part.logOdds)) \(part.indicator)\(part.reason.isEmpty ? "" : ": \(part.reason)")</li>"
                }
                return
                    "<p><strong>Odds \(String(format: "%.0f%%", assessment.probability * 100))</strong>\(assessment.interval.map { String(format: " (90%% interval %.0f–%.0f%%)", $0.lowerBound * 100, $0.upperBound * 100) } ?? "")</p><ul>\(reasons)</ul>"
            } ?? .empty
        let meeting: HTML =
            MeetingTime(of: engagement, in: state, asOf: now).map { meeting -> HTML in
                let place = meeting.venue.flatMap { state.venues[$0] }
                let venue = place?.name ?? meeting.venue?.rawValue ?? "a venue not yet chosen"
                let when = ZonedTime.display(meeting.start, in: place?.zone ?? state.zone)
                guard
                    let readiness = try? Readiness(
                        engagement: engagement.id, venue: meeting.venue, meeting: meeting.start, now: now, in: state)
                else { return "<p>Meeting \(when) at \(venue) (\(meeting.source.rawValue)).</p>" }
                let confirm =
                    readiness.latestConfirmation.map { "; confirm by \(ZonedTime.display($0, in: state.zone))" } ?? ""
                return
                    "<p>Meeting \(when) at \(venue) (\(meeting.source.rawValue)). Advance work \(String(format: "%.0f%%", readiness.fraction * 100)) done\(confirm).</p>"
            } ?? "<p>No meeting time yet.</p>"
        let deadlines = state.deadlines.values.filter { $0.engagement == engagement.id }.sorted {
            $0.due.instant < $1.due.instant
        }.map { deadline -> HTML in
            "<tr><td>\(deadline.title)</td><td>owed by \(party(deadline.owedBy))</td><td>\(deadline.due.display)</td><td>\(deadline.status.rawValue)</td></tr>"
        }
        var contacts: [(at: Date, row: HTML)] = state.attempts.values.filter { $0.engagement == engagement.id }.map {
            attempt in
            (
                attempt.at.instant,
                "<tr><td>\(attempt.at.display)</td><td>us → \(state.channels[attempt.channel]?.name ?? attempt.channel.rawValue)</td><td>\(attempt.outcome.rawValue)</td><td>\(attempt.note)</td></tr>"
            )
        }
        contacts += state.messages.values.filter { $0.engagement == engagement.id }.map { message in
            (
                message.at.instant,
                "<tr><td>\(message.at.display)</td><td>← \(party(message.from))</td><td>\(message.stance.rawValue)</td><td>\(message.summary)</td></tr>"
            )
        }
        contacts += state.signals.values.filter { $0.engagement == engagement.id }.map { signal in
            (
                signal.at.instant,
                "<tr><td>\(signal.at.display)</td><td>signal \(signal.grade.description)</td><td>\(signal.stance.rawValue)</td><td>\(signal.summary)</td></tr>"
            )
        }
        let recent = contacts.sorted { $0.at > $1.at }.prefix(15).map(\.row)
        let body: HTML = """
            <article class="brief">
            <h1>\(engagement.title)</h1>
            <p class="small">Brief printed \(ZonedTime.display(now, in: state.zone)) · desk \(state.profile?.title ?? desk) · \(Layout.compartment(engagement))</p>
            <p><strong>\(engagement.state.label)</strong> · with \(party(engagement.counterpart)) · principals: \(principals) · priority \(engagement.priority)</p>
            \(engagement.purpose.isEmpty ? HTML.empty : "<p>\(engagement.purpose)</p>")
            \(meeting)
            \(odds)
            <h2>Deadlines</h2>
            <table><tbody>\(deadlines.isEmpty ? ["<tr><td>none</td></tr>"] : deadlines)</tbody></table>
            <h2>Latest contacts and word from their side</h2>
            <table><tbody>\(recent.isEmpty ? ["<tr><td>none</td></tr>"] : Array(recent))</tbody></table>
            <p class="no-print"><a href="/desks/\(desk)/engagements/\(engagement.id)">Back to the engagement</a></p>
            </article>
            """
        return Layout.page(title: "Brief: \(engagement.title)", desk: desk, desks: desks, section: "", body: body)
    }
}
