import Foundation
import ParleyDesk

/// The desk at a glance: engagements by state, open deadlines with live countdowns, channels with their
/// last attempt, what is due next, and the form to record a contact attempt.
struct DashboardPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    let version: Int64
    let now: Date
    var form = FormState()
    /// The moment the page shows the desk as of, when not now: read only, every part as it stood then.
    var asOf: Date? = nil

    var html: HTML {
        let title = state.profile?.title ?? desk
        let moment: HTML =
            asOf.map {
                """
                <p class="banner warn" id="as-of-banner" role="status">As of \(ZonedTime.display($0, in: state.zone)): the desk as it stood then, with what it knew then. Read only. <a href="/desks/\(desk)">Back to now</a></p>
                """
            } ?? .empty
        let body: HTML = """
            \(moment)<h1>\(title) <span class="muted small">desk \(desk) · times in each item's zone · version \(version)</span></h1>
            <div class="grid\(asOf == nil ? "" : " as-of")">
            \(engagements)
            \(deadlines)
            \(channels)
            \(dueNext)
            \(attemptForm)
            \(setup)
            </div>
            \(settings)
            """
        return Layout.page(title: title, desk: desk, desks: desks, section: "dashboard", body: body)
    }

    private var engagements: HTML {
        let sorted = state.engagements.values.sorted { ($0.state, $0.priority, $0.id) < ($1.state, $1.priority, $1.id) }
        let rows = sorted.map { engagement -> HTML in
            """
            <tr><td>\(Layout.tag(engagement.state.label, Layout.tone(engagement.state)))</td>
            <td><a href="/desks/\(desk)/engagements/\(engagement.id)">\(engagement.title)</a> \(Layout.compartment(engagement))</td>
            <td class="num">P\(engagement.priority)</td></tr>
            """
        }
        let trips = state.trips.values.sorted { $0.id < $1.id }.map { trip -> HTML in
            "<li><a href=\"/desks/\(desk)/trips/\(trip.id)\">\(trip.title)</a></li>"
        }
        return """
            <section class="panel" id="engagements" data-live><h2>Engagements by state</h2>
            <table><thead><tr><th>State</th><th>Engagement</th><th>Priority</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"3\" class=\"muted\">none</td></tr>"] : rows)</tbody></table>
            \(trips.isEmpty ? HTML.empty : "<h2 class=\"spaced-top\">Trips</h2><ul>\(trips)</ul>")</section>
            """
    }

    private var deadlines: HTML {
        let open = state.deadlines.values.filter { $0.status == .open }.sorted {
            ($0.due.instant, $0.id) < ($1.due.instant, $1.id)
        }
        let rows = open.map { deadline -> HTML in
            let initial = TimeLeft.phrase(until: deadline.due.instant, from: now)
            return """
                <tr><td>\(deadline.title)<div class="small muted">owed by \(deadline.owedBy)\(deadline.engagement.map { " · \($0)" } ?? "")</div></td>
                <td>\(Layout.time(deadline.due))<div class="small muted">\(deadline.due.zone)</div></td>
                <td><span data-countdown="\(InstantText.format(deadline.due.instant))">\(initial)</span></td></tr>
                """
        }
        return """
            <section class="panel" id="deadlines" data-live><h2>Open deadlines</h2>
            <table><thead><tr><th>What is owed</th><th>Due</th><th>Time left</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"3\" class=\"muted\">none open</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var channels: HTML {
        let rows = state.channels.values.sorted { $0.id < $1.id }.map { channel -> HTML in
            let last: HTML =
                state.attempts(on: channel.id).first.map { attempt in
                    "\(Layout.time(attempt.at)) · \(attempt.outcome.rawValue)\(attempt.note.isEmpty ? "" : " — \(attempt.note)")"
                } ?? "<span class=\"muted\">no attempts</span>"
            let statuses = ChannelStatus.allCases.map { ($0.rawValue, $0.rawValue) }
            // A refused change of this channel's status, shown where it was typed.
            let mine = form.values["status_of"] == channel.id.rawValue
            let refusal: HTML =
                mine
                ? HTML.join(
                    form.errors.sorted { $0.key < $1.key }.map {
                        "<p class=\"banner bad\" role=\"alert\">\($0.key): \($0.value)</p>" as HTML
                    })
                : .empty
            return """
                <tr><td>\(channel.name)<div class="small muted">\(channel.kind.rawValue) → \(channel.party)</div></td>
                <td>\(Layout.tag(channel.status.rawValue, Layout.tone(channel.status)))
                <details class="retract"\(mine ? " open" : "")><summary class="small">change</summary>\(refusal)<form class="actions" method="post" action="/desks/\(desk)/channels/\(channel.id)/status">
                <input type="hidden" name="status_of" value="\(channel.id)"><select name="status" aria-label="New status of \(channel.name)">\(Layout.options(statuses, selected: mine ? form.values["status"] : channel.status.rawValue))</select>
                <input name="reason" size="18" value="\(mine ? form.value("reason") : "")" placeholder="why (required)" aria-label="Why the status of \(channel.name) changed">
                <button class="secondary" type="submit">Record</button></form></details></td><td class="small">\(last)</td></tr>
                """
        }
        return """
            <section class="panel" id="channels" data-live><h2>Channels</h2>
            <table><thead><tr><th>Channel</th><th>Status</th><th>Last attempt</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"3\" class=\"muted\">none</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var dueNext: HTML {
        let deadline = state.deadlines.values.filter { $0.status == .open && $0.due.instant >= now }.min {
            $0.due.instant < $1.due.instant
        }
        let pending = state.tasks.values.filter { $0.status != .done }.sorted { $0.id < $1.id }.prefix(5)
        let tries = state.playbooks.values.filter(\.isRunning).sorted { $0.id < $1.id }.compactMap {
            playbook -> HTML? in
            guard let last = playbook.due.last else { return nil }
            let channel = state.channels[last.channel]?.name ?? last.channel.rawValue
            return
                "<li>\(Layout.tag("try now", "warn")) <strong>\(channel)</strong> · \(playbook.name) (since \(ZonedTime.display(last.at, in: state.zone)))</li>"
        }
        let tasks = pending.map { task -> HTML in
            "<li>\(task.title) <span class=\"muted small\">\(task.status.rawValue) · \(task.engagement)</span></li>"
        }
        return """
            <section class="panel" id="due-next" data-live><h2>Due next</h2>
            \(tries.isEmpty ? HTML.empty : "<ul>\(tries)</ul>")
            <p>\(deadline.map { "Next deadline: <strong>\($0.title)</strong>, \(Layout.time($0.due))" as HTML } ?? "No upcoming deadline.")</p>
            \(tasks.isEmpty ? "<p class=\"muted\">No open advance tasks.</p>" as HTML : "<ul>\(tasks)</ul>")</section>
            """
    }

    /// What the desk holds, noun by noun, each with the link to add one (officers).
    private var setup: HTML {
        let counts: [NewItem: Int] = [
            .party: state.parties.count, .principal: state.principals.count, .venue: state.venues.count,
            .travel: state.travelOverrides.count, .trip: state.trips.count, .engagement: state.engagements.count,
            .channel: state.channels.count, .task: state.tasks.count, .playbook: state.playbooks.count,
        ]
        let rows = NewItem.allCases.map { item -> HTML in
            "<li><a href=\"/desks/\(desk)/new/\(item.rawValue)\">\(item.title)</a> <span class=\"small muted\">\(counts[item] ?? 0) on the desk</span></li>"
        }
        func records(_ item: EditItem, _ pairs: [(String, String)]) -> HTML {
            guard !pairs.isEmpty else { return .empty }
            let links = pairs.sorted { $0.1 < $1.1 }.map { id, name -> HTML in
                "<li><a href=\"/desks/\(desk)/edit/\(item.rawValue)/\(id)\">\(name)</a></li>"
            }
            return "<li>\(item.collection.capitalized)<ul>\(links)</ul></li>"
        }
        let edits = [
            records(.party, state.parties.values.map { ($0.id.rawValue, $0.name) }),
            records(.principal, state.principals.values.map { ($0.id.rawValue, $0.name) }),
            records(.venue, state.venues.values.map { ($0.id.rawValue, $0.name) }),
            records(.channel, state.channels.values.map { ($0.id.rawValue, $0.name) }),
            records(.playbook, state.playbooks.values.filter { $0.startedAt == nil }.map { ($0.id.rawValue, $0.name) }),
        ]
        return """
            <section class="panel" id="setup"><h2>Set up the desk</h2><ul>\(rows)</ul>
            <details><summary>Change a party, principal, venue, channel or playbook</summary><ul>\(edits)</ul></details></section>
            """
    }

    /// The desk's title, home zone and webhook (admins): the webhook is never shown, only whether one is set.
    private var settings: HTML {
        let open = form.values["settings"] == "1"
        let errors: HTML =
            open
            ? HTML.join(
                form.errors.sorted { $0.key < $1.key }.map {
                    "<p class=\"banner bad\" role=\"alert\">\($0.key): \($0.value)</p>" as HTML
                })
            : .empty
        return """
            <details class="panel spaced-top" id="settings"\(open ? " open" : "")><summary>Desk settings (admins): title, home zone, webhook</summary>\(errors)
            <form class="stack" method="post" action="/desks/\(desk)/amend">
            <label>Title <input name="title" value="\(open ? form.value("title") : state.profile?.title ?? "")"></label>
            <label>Home zone <input name="zone" value="\(open ? form.value("zone") : state.zone.identifier)" placeholder="Europe/Zurich"></label>
            <label>Webhook <input name="webhook" value="" placeholder="\(state.profile?.webhook == nil ? "none set" : "one is set: leave empty to keep it, 'none' to remove it")"></label>
            <label>Reason (required) <input name="reason" value="\(open ? form.value("reason") : "")"></label>
            <div><button class="secondary" type="submit">Save settings</button></div></form></details>
            """
    }

    private var attemptForm: HTML {
        let channels = state.channels.values.sorted { $0.id < $1.id }.map {
            ($0.id.rawValue, "\($0.name) (\($0.kind.rawValue))")
        }
        let engagements =
            [("", "—")] + state.engagements.values.sorted { $0.id < $1.id }.map { ($0.id.rawValue, $0.title) }
        let outcomes = AttemptOutcome.allCases.map { ($0.rawValue, $0.rawValue) }
        return """
            <section class="panel" id="record-attempt"><h2>Record a contact attempt</h2>
            \(form.banner.map { "<p class=\"banner bad\" role=\"alert\">\($0)</p>" as HTML } ?? .empty)
            <form class="stack" method="post" action="/desks/\(desk)/attempts">
            <input type="hidden" name="version" value="\(form.value("version", String(version)))">
            <label>Channel <select name="channel">\(Layout.options(channels, selected: form.values["channel"]))</select>\(Layout.fieldError(form, "channel"))</label>
            <label>Engagement <select name="engagement">\(Layout.options(engagements, selected: form.values["engagement"]))</select>\(Layout.fieldError(form, "engagement"))</label>
            <label>When <input name="at" value="\(form.value("at"))" placeholder="now, or \(FormFields.example(now, hours: -1, in: state.zone)) (in \(state.zone) unless you name a zone)"\(form.errors["at"] == nil ? "" : " aria-describedby=\"error-at\"" as HTML)>\(Layout.fieldError(form, "at"))</label>
            <label>Outcome <select name="outcome">\(Layout.options(outcomes, selected: form.values["outcome"]))</select>\(Layout.fieldError(form, "outcome"))</label>
            <label>Note <input name="note" value="\(form.value("note"))">\(Layout.fieldError(form, "note"))</label>
            <div><button type="submit">Record attempt</button></div>
            </form></section>
            """
    }
}
