import Foundation
import ParleyDesk

/// `/`: every desk the reader may see, each with its engagements by state, their odds and the change
/// since the day before; the next open deadlines across the desks; and the playbooks running.
struct HomePage {
    /// One desk as the reader may see it: its name, the state now, and the state a day ago.
    struct Desk {
        let name: String
        let state: DeskState
        let dayBefore: DeskState
    }

    let desks: [Desk]
    /// Every desk's name (the switcher lists them all).
    let names: [String]
    let now: Date
    /// The title of the story a rehearsal replays, when the server offers one.
    var rehearsal: String?

    /// Desks not shown (beyond `HomePage.limit`).
    var omitted: Int { max(names.count - desks.count, 0) }

    /// How many desks the page lists; the desk switcher names every one.
    static let limit = 50

    var html: HTML {
        let sections = desks.map(section)
        let more: HTML = omitted > 0 ? "<p class=\"muted\">\(omitted) more desk(s) in the switcher above.</p>" : .empty
        let body: HTML = """
            <h1>Desks <span class="muted small">\(desks.count + omitted) you may see · odds as of now, change since a day before</span></h1>
            <p><a href="/new-desk">Open a new desk</a> <span class="small muted">(admins)</span></p>
            <div class="grid">\(deadlines)\(playbooks)</div>
            \(Self.rehearsalPanel(rehearsal))\(sections)\(more)
            """
        return Layout.page(title: "Desks", desk: nil, desks: names, section: "", body: body)
    }

    /// The offer of a rehearsal of `story` (nothing when there is none): a desk of its own, replayed from
    /// now at the chosen speed.
    static func rehearsalPanel(_ story: String?) -> HTML {
        guard let story else { return .empty }
        return """
            <section class="panel spaced-bottom" id="rehearse"><h2>Rehearse</h2>
            <p>Live through “\(story)” again, starting now, in a desk of its own: its events arrive as their moments come round, countdowns run, alarms and playbook tries fire, and the estimate moves. Record, plan and escalate on it as practice.</p>
            <form method="post" action="/rehearsals" class="actions"><label>Speed <select name="speed"><option value="1">real time (1×)</option><option value="10">10× (a day in 2.4 hours)</option><option value="60" selected>60× (an hour a minute)</option><option value="600">600× (a day in 2.4 minutes)</option></select></label>
            <button type="submit">Start a rehearsal</button> <span class="small muted">(admins)</span></form></section>
            """
    }

    private func section(_ desk: Desk) -> HTML {
        let engagements = desk.state.engagements.values.sorted {
            ($0.state, $0.priority, $0.id) < ($1.state, $1.priority, $1.id)
        }
        let rows = engagements.map { engagement -> HTML in
            let odds: HTML
            if let now = try? Assessment(engagement: engagement.id, in: desk.state, asOf: self.now) {
                let before = try? Assessment(
                    engagement: engagement.id, in: desk.dayBefore, asOf: self.now.addingTimeInterval(-86_400))
                let change = before.map { (now.probability - $0.probability) * 100 }
                let changeText = change.map { abs($0) < 0.5 ? "±0" : String(format: "%+.0f", $0) } ?? "new"
                odds =
                    now.features == nil
                    ? "<td class=\"num\">held</td><td></td>"
                    : "<td class=\"num\">\(String(format: "%.0f%%", now.probability * 100))</td><td class=\"num small muted\">\(changeText)</td>"
            } else {
                odds = "<td></td><td></td>"
            }
            return """
                <tr><td>\(Layout.tag(engagement.state.label, Layout.tone(engagement.state)))</td>
                <td><a href="/desks/\(desk.name)/engagements/\(engagement.id)">\(engagement.title)</a> \(Layout.compartment(engagement))</td>\(odds)</tr>
                """
        }
        return """
            <section class="panel spaced-bottom" id="desk-\(desk.name)"><h2><a href="/desks/\(desk.name)">\(desk.state.profile?.title ?? desk.name)</a> <span class="muted small">\(desk.name) · \(desk.state.zone)</span></h2>
            <table><thead><tr><th>State</th><th>Engagement</th><th>Odds</th><th>Since yesterday</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"4\" class=\"muted\">no engagements</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var deadlines: HTML {
        let open = desks.flatMap { desk in
            desk.state.deadlines.values.filter { $0.status == .open }.map { (desk: desk.name, deadline: $0) }
        }.sorted {
            ($0.deadline.due.instant, $0.desk, $0.deadline.id) < ($1.deadline.due.instant, $1.desk, $1.deadline.id)
        }
        let rows = open.prefix(10).map { item -> HTML in
            """
            <tr><td>\(item.deadline.title)<div class="small muted"><a href="/desks/\(item.desk)">\(item.desk)</a> · owed by \(item.deadline.owedBy)</div></td>
            <td>\(Layout.time(item.deadline.due))</td>
            <td><span data-countdown="\(InstantText.format(item.deadline.due.instant))">\(TimeLeft.phrase(until: item.deadline.due.instant, from: now))</span></td></tr>
            """
        }
        return """
            <section class="panel" id="next-deadlines"><h2>Next deadlines</h2>
            <table><tbody>\(rows.isEmpty ? ["<tr><td class=\"muted\">no open deadlines</td></tr>"] : Array(rows))</tbody></table></section>
            """
    }

    private var playbooks: HTML {
        let running = desks.flatMap { desk in
            desk.state.playbooks.values.filter { $0.startedAt != nil && $0.stopped == nil }.map {
                (desk: desk, playbook: $0)
            }
        }.sorted { ($0.desk.name, $0.playbook.id) < ($1.desk.name, $1.playbook.id) }
        let items = running.map { item -> HTML in
            let title =
                item.desk.state.engagements[item.playbook.engagement]?.title ?? item.playbook.engagement.rawValue
            let last =
                item.playbook.due.last.map {
                    " · last try on \($0.channel), \(ZonedTime.display($0.at, in: item.desk.state.zone))"
                } ?? ""
            return
                "<li><a href=\"/desks/\(item.desk.name)/engagements/\(item.playbook.engagement)#playbooks\">\(item.playbook.name)</a> <span class=\"small muted\">\(item.desk.name) · \(title)\(last)</span></li>"
        }
        return """
            <section class="panel" id="running-playbooks"><h2>Playbooks running</h2>
            \(items.isEmpty ? "<p class=\"muted\">none</p>" as HTML : "<ul>\(items)</ul>")</section>
            """
    }
}
