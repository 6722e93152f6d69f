import Foundation
import ParleyDesk

/// One engagement: its lifecycle with the allowed moves and the agreed slot, the contact log (our attempts
/// and the other side's messages), deadlines, tasks, signals, and its part of the timeline, with forms for
/// a move (with the agreed slot on confirmation), a message, a signal, a deadline and task progress.
struct EngagementPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    let version: Int64
    let engagement: Engagement
    let events: [(sequence: Int64, event: DeskEvent)]
    /// Every entry of the desk as the reader may see it, from the first: what past moments are folded
    /// from (entries keep their numbers, so retractions find theirs).
    let log: [DeskEvent]
    var form = FormState()
    /// Which form the `form` state belongs to (`move`, `message`, `signal`, `deadline`, `task`).
    var activeForm = ""
    /// Now, for readiness and the assessment (the moment asked for, as of one).
    var now = Date()
    /// The moment the page shows the desk as of, when not now: read only, every part as it stood then.
    var asOf: Date? = nil

    var html: HTML {
        let here = "/desks/\(desk)/engagements/\(engagement.id)"
        let moment: HTML =
            asOf.map {
                """
                <p class="banner warn" id="as-of-banner" role="status">As of \(ZonedTime.display($0, in: state.zone)): the desk as it stood then, with what it knew then. Read only. <a href="\(here)">Back to now</a></p>
                """
            } ?? .empty
        let body: HTML = """
            \(moment)<div id="engagement-head" data-live><h1>\(engagement.title) \(Layout.tag(engagement.state.label, Layout.tone(engagement.state))) \(Layout.compartment(engagement))</h1></div>
            <p class="small"><a href="/desks/\(desk)/engagements/\(engagement.id)/brief">A brief to print</a></p>
            <form class="actions\(asOf == nil ? "" : " as-of-hidden")" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/follow"><input type="hidden" name="follow" value="1"><button type="submit">Tell me when it moves</button> <span class="small muted">(an alarm for you on every move; <a href="/alarms">your alarms</a>)</span></form>
            <p class="muted">\(engagement.purpose) · counterpart \(engagement.counterpart) · priority \(Layout.number(engagement.priority, within: DeskLimits.priorities)) · \(Layout.length(engagement.duration, within: DeskLimits.longestMeeting)) · venues \(engagement.venues.map(\.rawValue).joined(separator: ", "))</p>
            <div class="grid\(asOf == nil ? "" : " as-of")">
            \(lifecycle)
            \(assessment)
            \(readiness)
            \(playbooks)
            \(attempts)
            \(deadlines)
            \(tasks)
            \(signals)
            \(timeline)
            \(messageForm)
            \(signalForm)
            \(deadlineForm)
            </div>
            """
        return Layout.page(title: engagement.title, desk: desk, desks: desks, section: "", body: body)
    }

    private func banner(for name: String) -> HTML {
        guard activeForm == name, let banner = form.banner else { return .empty }
        return "<p class=\"banner bad\" role=\"alert\">\(banner)</p>"
    }

    /// The banner and every field's refusal of form `name`, for panels whose small forms have no room
    /// beside each field.
    private func alerts(for name: String) -> HTML {
        guard activeForm == name else { return .empty }
        let fields = form.errors.sorted { $0.key < $1.key }.map { field, reason -> HTML in
            "<p class=\"banner bad\" role=\"alert\">\(field): \(reason)</p>"
        }
        return HTML.join([banner(for: name)] + fields)
    }

    private func state(for name: String) -> FormState { activeForm == name ? form : FormState() }

    /// The engagement as the page showed it, for the move and amend forms.
    ///
    /// A move or an amendment of an engagement that changed meanwhile is shown the change first; anything
    /// else on the desk (an attempt, a timer firing) does not fail it. The small forms (a message, a signal,
    /// a deadline, a task's progress, a playbook) carry none: the desk's rules refuse what a change made
    /// impossible (issue 15).
    private var seenField: HTML {
        SeenStamp.hidden(form.value(SeenStamp.field, SeenStamp.of(engagement)))
    }

    private var lifecycle: HTML {
        let history = engagement.history.map { move -> HTML in
            "<li><span class=\"when\">\(Layout.time(move.at))</span> \(move.from.label) → <strong>\(move.to.label)</strong>\(move.kind.isEmpty ? "" : " (\(move.kind))") · \(move.by): \(move.reason)</li>"
        }
        let targets = engagement.state.allowedTargets.map { ($0.rawValue, $0.label) }
        let moveForm = state(for: "move")
        let form: HTML =
            targets.isEmpty
            ? "<p class=\"muted\">\(engagement.state.label) is final: a meeting that was held stays held.</p>"
            : """
            \(banner(for: "move"))
            <form class="stack" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/move">\(seenField)
            <label>Move to <select name="to">\(Layout.options(targets, selected: moveForm.values["to"]))</select>\(Layout.fieldError(moveForm, "to"))</label>
            <label>When <input name="at" value="\(moveForm.value("at"))" placeholder="now, or \(FormFields.example(now, hours: -1, in: self.state.zone)) (\(self.state.zone))">\(Layout.fieldError(moveForm, "at"))</label>
            <label>By <input name="by" value="\(moveForm.value("by"))">\(Layout.fieldError(moveForm, "by"))</label>
            <label>Reason (required) <input name="reason" value="\(moveForm.value("reason"))">\(Layout.fieldError(moveForm, "reason"))</label>
            <fieldset><legend>On confirmation: the agreed slot (optional)</legend>
            <label>Starts <input name="slot_start" value="\(moveForm.value("slot_start"))" placeholder="\(FormFields.example(now, hours: 48, in: self.state.zone)) (\(self.state.zone))">\(Layout.fieldError(moveForm, "slot.start"))</label>
            <label>Lasts <input name="slot_duration" value="\(moveForm.value("slot_duration"))" placeholder="\(engagement.duration)" size="6">\(Layout.fieldError(moveForm, "slot.duration"))</label>
            <label>At <select name="slot_venue">\(Layout.options(venueChoices, selected: moveForm.values["slot_venue"]))</select>\(Layout.fieldError(moveForm, "slot.venue"))\(Layout.fieldError(moveForm, "slot"))</label>
            </fieldset>
            <div><button type="submit">Move engagement</button></div></form>
            \(amendForm)
            """
        return """
            <section class="panel" id="lifecycle" data-live><h2>Lifecycle</h2>
            <p>Opened \(Layout.time(engagement.opened)). Allowed next: \(targets.isEmpty ? "none" : targets.map(\.1).joined(separator: ", ")).</p>
            \(agreedSlot)
            <ol class="timeline">\(history)</ol>\(form)</section>
            """
    }

    /// The engagement's venues first (its preferred one leading), then the desk's others.
    private var venueChoices: [(String, String)] {
        let own = engagement.venues.compactMap { state.venues[$0] }
        let others = state.venues.values.filter { !engagement.venues.contains($0.id) }.sorted { $0.id < $1.id }
        return (own + others).map { ($0.id.rawValue, $0.name) }
    }

    private var agreedSlot: HTML {
        guard let slot = engagement.agreedSlot else { return .empty }
        return """
            <p id="agreed-slot"><strong>Agreed:</strong> \(Layout.time(slot.start)) for \(slot.duration) at \(state.venues[slot.venue]?.name ?? slot.venue.rawValue) <span class="muted small">(agreed \(Layout.time(slot.agreedAt)))</span></p>
            """
    }

    private var assessment: HTML {
        // The moments the desk changed; now as well, unless the story ended long ago (then the line
        // would squeeze all of it into a sliver).
        // The line is the estimate as the desk could have made it then: with what it had learned by each moment.
        let changes = events.map(\.event.learned).filter { $0 <= now }
        let recent = (changes.max()).map { now.timeIntervalSince($0) < 30 * 86_400 } ?? true
        let moments = Array(Set(changes + (recent ? [now] : []))).sorted().suffix(80)
        let all = log
        let assessed = moments.compactMap { moment -> (at: Date, assessment: Assessment)? in
            let state = DeskState.folding(all, asOf: moment, .asKnown)
            guard state.engagements[engagement.id] != nil,
                let assessment = try? Assessment(engagement: engagement.id, in: state, asOf: moment)
            else { return nil }
            return (moment, assessment)
        }
        let points = assessed.map { (at: $0.at, probability: $0.assessment.probability) }
        // The steps that moved it, with what moved it: markers on the chart and a list under it.
        let steps = zip(assessed, assessed.dropFirst()).compactMap { before, after -> EngagementCharts.Step? in
            guard abs(after.assessment.probability - before.assessment.probability) >= 0.005 else { return nil }
            return EngagementCharts.Step(
                at: after.at, from: before.assessment.probability, to: after.assessment.probability,
                movers: after.assessment.movers(since: before.assessment).map {
                    String(format: "%+.2f ", $0.logOdds) + $0.indicator + " (" + $0.reason + ")"
                })
        }
        guard let current = try? Assessment(engagement: engagement.id, in: state, asOf: now) else { return .empty }
        let rows = current.contributions.map { part -> HTML in
            let value =
                part.logOdds.isFinite
                ? String(format: "%+.2f", part.logOdds) : (part.logOdds > 0 ? "certain" : "impossible")
            return "<tr><td class=\"num\">\(value)</td><td>\(part.indicator)</td><td>\(part.reason)</td></tr>"
        }
        // What the latest news did: the estimate just before the last change, against now.
        let lastChange = changes.filter { $0 < now }.max()
        let previous = lastChange.flatMap { moment -> Assessment? in
            let before = moment.addingTimeInterval(-1)
            let state = DeskState.folding(all, asOf: before, .asKnown)
            return try? Assessment(engagement: engagement.id, in: state, asOf: before)
        }
        let movers = previous.map { current.movers(since: $0) } ?? []
        let moved: HTML =
            movers.isEmpty
            ? .empty
            : "<p class=\"small\" id=\"movers\">Since \(ZonedTime.display(lastChange!, in: state.zone)) (was \(String(format: "%.0f%%", previous!.probability * 100))): \(movers.map { String(format: "%+.2f ", $0.logOdds) + $0.indicator }.joined(separator: ", "))</p>"
        let interval: HTML =
            current.interval.map {
                " <span class=\"small muted\">(90 % interval \(String(format: "%.0f–%.0f%%", $0.lowerBound * 100, $0.upperBound * 100)))</span>"
            } ?? .empty
        let headline =
            current.features == nil ? "held" : String(format: "%.0f%%", current.probability * 100)
        return """
            <section class="panel" id="assessment" data-live><h2>Will it happen? \(headline)\(interval)</h2>
            <p class="small muted">Base rate \(String(format: "%.0f%%", 100 / (1 + exp(-current.baseLogOdds)))) plus the log-odds below, weighted as fitted to real cases (see docs/assessment.md and <a href="/calibration">the calibration report</a>).</p>
            \(moved)
            <table><tbody>\(rows)</tbody></table>
            \(EngagementCharts.probability(points, steps: steps, zone: state.zone))</section>
            """
    }

    private var readiness: HTML {
        guard let meetingTime = MeetingTime(of: engagement, in: state, asOf: now),
            case let meeting = meetingTime.start,
            let readiness = try? Readiness(
                engagement: engagement.id, venue: meetingTime.venue, meeting: meeting, now: now, in: state),
            !readiness.tasks.isEmpty || !readiness.ignored.isEmpty
        else { return .empty }
        let ignored: HTML =
            readiness.ignored.isEmpty
            ? .empty
            : "<ul class=\"small\">\(readiness.ignored.map { "<li>\(Layout.tag("invalid", "bad")) \($0.reason): left out</li>" as HTML })</ul>"
        let titles = state.tasks.mapValues(\.title)
        let latest: HTML =
            readiness.latestConfirmation.map { "latest confirmation \(ZonedTime.display($0, in: state.zone))" }
            ?? "nothing left to do"
        return """
            <section class="panel" id="readiness" data-live><h2>Readiness \(String(format: "%.0f%%", readiness.fraction * 100))</h2>
            <p class="small">For a meeting at \(ZonedTime.display(meeting, in: state.zone)) (\(meetingTime.source.rawValue)): \(latest). Critical path: \(readiness.criticalPath.isEmpty ? "none, all done" : readiness.criticalPath.map(\.rawValue).joined(separator: " → ")).</p>
            \(ignored)\(EngagementCharts.readiness(readiness, titles: titles))</section>
            """
    }

    /// Changing the engagement's terms: its title, purpose, priority, length and candidate venues, with why.
    private var amendForm: HTML {
        let amend = state(for: "amend")
        let venues = engagement.venues.map(\.rawValue).joined(separator: ", ")
        let windows = engagement.windows.map { "\($0.from.scenarioText) – \($0.to.scenarioText)" }.joined(
            separator: "\n")
        return """
            <details class="spaced-top"\(activeForm == "amend" ? " open" : "")><summary>Amend the engagement (title, purpose, priority, length, venues)</summary>
            \(banner(for: "amend"))
            <form class="stack" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/amend">\(seenField)
            <label>Title <input name="title" value="\(amend.value("title", engagement.title))">\(Layout.fieldError(amend, "title"))</label>
            <label>Purpose <input name="purpose" value="\(amend.value("purpose", engagement.purpose))">\(Layout.fieldError(amend, "purpose"))</label>
            <label>Priority (1 highest – 5) <input name="priority" size="3" value="\(amend.value("priority", String(engagement.priority)))">\(Layout.fieldError(amend, "priority"))</label>
            <label>Length <input name="duration" size="8" value="\(amend.value("duration", engagement.duration.description))">\(Layout.fieldError(amend, "duration"))</label>
            <label>Candidate venues, preferred first <input name="venues" value="\(amend.value("venues", venues))">\(Layout.fieldError(amend, "venues"))</label>
            <label>Windows, one a line (from – to) <textarea name="windows" rows="2">\(amend.value("windows", windows))</textarea>\(Layout.fieldError(amend, "windows"))</label>
            <label>When decided or learned <input name="at" value="\(amend.value("at"))" placeholder="now if empty">\(Layout.fieldError(amend, "at"))</label>
            <label>Reason (required) <input name="reason" value="\(amend.value("reason"))">\(Layout.fieldError(amend, "reason"))</label>
            <div><button class="secondary" type="submit">Amend</button></div></form></details>
            """
    }

    private var playbooks: HTML {
        let mine = state.playbooks.values.filter { $0.engagement == engagement.id }.sorted { $0.id < $1.id }
        guard !mine.isEmpty else { return .empty }
        let items = mine.map { playbook -> HTML in
            let steps = playbook.steps.prefix(DeskLimits.maxSteps).map {
                "\(state.channels[$0.channel]?.name ?? $0.channel.rawValue) (wait \($0.boundedWait)\($0.boundedRepeats > 1 ? ", ×\($0.boundedRepeats)" : ""))"
            }
            .joined(separator: " → ")
            let invalid: HTML =
                playbook.hasInvalidSteps
                ? " \(Layout.tag("invalid", "bad")) <span class=\"small\">a wait, repeat count or number of steps is outside what a desk holds; taken at the nearest limit</span>"
                : .empty
            let status: HTML
            if let stop = playbook.stopped {
                status = "\(Layout.tag("stopped", "neutral")) \(stop.reason)"
            } else if playbook.startedAt != nil {
                let now: HTML =
                    playbook.due.last.map {
                        "\(Layout.tag("try now", "warn")) <strong>\(state.channels[$0.channel]?.name ?? $0.channel.rawValue)</strong> since \(ZonedTime.display($0.at, in: state.zone))"
                    } ?? Layout.tag("started", "info")
                status = """
                    \(now)
                    <form class="actions" method="post" action="/desks/\(desk)/playbooks/\(playbook.id)/stop">
                    <input name="reason" size="24" placeholder="why stop (required)" aria-label="Why stop \(playbook.name)"><button class="secondary" type="submit">Stop playbook</button></form>
                    """
            } else {
                status = """
                    <form class="actions" method="post" action="/desks/\(desk)/playbooks/\(playbook.id)/start">
                    <input name="at" size="18" placeholder="start now, or a time" aria-label="Start at"><button class="secondary" type="submit">Start playbook</button></form>
                    """
            }
            return "<li><strong>\(playbook.name)</strong>: \(steps)\(invalid)<div>\(status)</div></li>"
        }
        return """
            <section class="panel" id="playbooks" data-live><h2>Escalation playbooks</h2>\(alerts(for: "playbook"))<ul>\(items)</ul>
            <p><a href="/desks/\(desk)/new/playbook?engagement=\(engagement.id)">Define a playbook</a></p></section>
            """
    }

    /// Our attempts and the other side's messages, newest first, in one log.
    private var attempts: HTML {
        let ours = state.attempts.values.filter { $0.engagement == engagement.id }.map { attempt in
            (
                at: attempt.at.instant, id: attempt.id.rawValue,
                row: """
                <tr><td>\(Layout.time(attempt.at))</td><td>us →</td><td>\(state.channels[attempt.channel]?.name ?? attempt.channel.rawValue)</td><td>\(attempt.outcome.rawValue)</td><td>\(attempt.note)</td></tr>
                """ as HTML
            )
        }
        let theirs = state.messages.values.filter { $0.engagement == engagement.id }.map { message in
            let quote: HTML = message.quote.map { "<div><q>\($0)</q></div>" } ?? .empty
            let asks: HTML = message.asks.map { "<div class=\"small\">Asks: \($0)</div>" } ?? .empty
            let channel = message.channel.map { state.channels[$0]?.name ?? $0.rawValue } ?? "—"
            return (
                at: message.at.instant, id: message.id.rawValue,
                row: """
                <tr class="inbound"><td>\(Layout.time(message.at))</td><td>← \(state.parties[message.from]?.name ?? message.from.rawValue)</td><td>\(channel)</td><td>\(Layout.tag(message.stance.rawValue, "neutral"))</td><td>\(message.summary)\(quote)\(asks)</td></tr>
                """ as HTML
            )
        }
        let rows = (ours + theirs).sorted { ($0.at, $0.id) > ($1.at, $1.id) }.map(\.row)
        return """
            <section class="panel" id="attempts" data-live><h2>Contact log</h2>
            <table><thead><tr><th>When</th><th>Who</th><th>Channel</th><th>Outcome or stance</th><th>Note</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"5\" class=\"muted\">none</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var messageForm: HTML {
        let form = state(for: "message")
        let stances = Stance.allCases.map { ($0.rawValue, $0.rawValue) }
        let parties = ([engagement.counterpart] + state.parties.keys.sorted().filter { $0 != engagement.counterpart })
            .map { ($0.rawValue, state.parties[$0]?.name ?? $0.rawValue) }
        let channels =
            [("", "none of the desk's")]
            + state.channels.values.filter { $0.party == engagement.counterpart }.sorted { $0.id < $1.id }.map {
                ($0.id.rawValue, $0.name)
            }
        return """
            <section class="panel" id="record-message"><h2>Record a message from their side</h2>\(banner(for: "message"))
            <form class="stack" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/messages">
            <label>From <select name="from">\(Layout.options(parties, selected: form.values["from"]))</select>\(Layout.fieldError(form, "from"))</label>
            <label>On <select name="channel">\(Layout.options(channels, selected: form.values["channel"]))</select>\(Layout.fieldError(form, "channel"))</label>
            <label>When <input name="at" value="\(form.value("at"))" placeholder="now, or \(FormFields.example(now, hours: -1, in: state.zone)) (\(state.zone))">\(Layout.fieldError(form, "at"))</label>
            <label>What it says <input name="summary" value="\(form.value("summary"))">\(Layout.fieldError(form, "summary"))</label>
            <label>Short quote (optional) <input name="quote" value="\(form.value("quote"))"></label>
            <label>Their stance <select name="stance">\(Layout.options(stances, selected: form.values["stance"]))</select></label>
            <label>What it asks of us (optional) <input name="asks" value="\(form.value("asks"))">\(Layout.fieldError(form, "asks"))</label>
            <div><button type="submit">Record message</button></div></form></section>
            """
    }

    private var deadlines: HTML {
        let rows = state.deadlines.values.filter { $0.engagement == engagement.id }.sorted {
            $0.due.instant < $1.due.instant
        }.map {
            deadline -> HTML in
            let resolutions = [DeadlineStatus.met, .missed, .waived].map { ($0.rawValue, $0.rawValue) }
            let status: HTML =
                deadline.status == .open
                ? """
                <span data-countdown="\(InstantText.format(deadline.due.instant))">open</span>
                <form class="actions" method="post" action="/desks/\(desk)/deadlines/\(deadline.id)/resolve">
                <select name="status" aria-label="Resolve \(deadline.title)">\(Layout.options(resolutions, selected: "met"))</select>
                <input name="at" size="16" placeholder="when (now if empty)" aria-label="When"><input name="note" size="16" placeholder="note" aria-label="Note">
                <button class="secondary" type="submit">Record</button></form>
                <details class="retract"><summary class="small">move it</summary><form class="actions" method="post" action="/desks/\(desk)/deadlines/\(deadline.id)/move">
                <input name="due" size="18" value="\(deadline.due.scenarioText)" aria-label="New due time of \(deadline.title)"><input name="reason" size="20" placeholder="why (required)" aria-label="Why move \(deadline.title)">
                <button class="secondary" type="submit">Move deadline</button></form></details>
                """
                : Layout.tag(
                    deadline.status.rawValue,
                    deadline.status == .met ? "ok" : deadline.status == .waived ? "neutral" : "bad")
            return "<tr><td>\(deadline.title)</td><td>\(Layout.time(deadline.due))</td><td>\(status)</td></tr>"
        }
        return """
            <section class="panel" id="deadlines" data-live><h2>Deadlines</h2>\(alerts(for: "deadline-resolve"))
            <table><thead><tr><th>What is owed</th><th>Due</th><th>Status</th></tr></thead>
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"3\" class=\"muted\">none</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var tasks: HTML {
        let taskForm = state(for: "task")
        let rows = state.tasks.values.filter { $0.engagement == engagement.id }.sorted { $0.id < $1.id }.map {
            task -> HTML in
            let statuses = TaskStatus.allCases.map { ($0.rawValue, $0.rawValue) }
            return """
                <tr><td>\(task.title)<div class="small muted">\(task.kind.rawValue) · \(Layout.length(task.duration, within: DeskLimits.longestTask, shortest: Minutes(0))), done \(Layout.length(task.leadTime, within: DeskLimits.longestTask, shortest: Minutes(0))) before · after \(task.dependsOn.map(\.rawValue).joined(separator: ", "))\(task.owner.map { " · by \($0)" } ?? "")</div></td>
                <td><form class="actions" method="post" action="/desks/\(desk)/tasks/\(task.id)">
                <select name="status" aria-label="Status of \(task.title)">\(Layout.options(statuses, selected: task.status.rawValue))</select>
                <input name="at" size="16" placeholder="when (now if empty)" aria-label="When">
                <button class="secondary" type="submit">Update</button></form>
                \(taskForm.values["task"] == task.id.rawValue ? Layout.fieldError(taskForm, "at") : .empty)
                <details class="retract"><summary class="small">amend</summary><form class="actions" method="post" action="/desks/\(desk)/tasks/\(task.id)/amend">
                <input name="title" size="18" value="\(task.title)" aria-label="Title of \(task.title)"><input name="duration" size="5" value="\(task.duration)" aria-label="Length of \(task.title)">
                <input name="lead_time" size="5" value="\(task.leadTime)" aria-label="Lead time of \(task.title)"><input name="owner" size="14" value="\(task.owner ?? "")" placeholder="who does it" aria-label="Who does \(task.title)">
                <input name="reason" size="16" placeholder="why (required)" aria-label="Why amend \(task.title)"><button class="secondary" type="submit">Amend</button></form></details></td></tr>
                """
        }
        return """
            <section class="panel" id="tasks"><h2>Advance tasks</h2>\(banner(for: "task"))
            <p><a href="/desks/\(desk)/new/task?engagement=\(engagement.id)">Add an advance task</a></p>
            <table><tbody>\(rows.isEmpty ? ["<tr><td class=\"muted\">none</td></tr>"] : rows)</tbody></table></section>
            """
    }

    private var signals: HTML {
        let rows = state.signals.values.filter { $0.engagement == engagement.id }.sorted {
            $0.at.instant > $1.at.instant
        }.map {
            signal -> HTML in
            let chain = HTML.join(signal.attribution.map { "<span>\($0)</span>" })
            let quote: HTML = signal.quote.map { "<div><q>\($0)</q></div>" } ?? .empty
            return """
                <li><span class="when">\(Layout.time(signal.at))</span> \(Layout.tag(signal.grade.description, "info")) \(Layout.tag(signal.stance.rawValue, "neutral"))
                \(signal.summary)\(quote)<div class="chain">\(chain)</div></li>
                """
        }
        return """
            <section class="panel" id="signals" data-live><h2>Signals</h2>
            <ol class="timeline">\(rows.isEmpty ? ["<li class=\"muted\">none</li>"] : rows)</ol></section>
            """
    }

    private var timeline: HTML {
        let rows = events.sorted { ($0.event.at, $0.sequence) < ($1.event.at, $1.sequence) }.map { entry -> HTML in
            "<li><span class=\"when\">\(ZonedTime.display(entry.event.at, in: state.zone))</span> <span class=\"muted small\">#\(entry.sequence) \(entry.event.type)</span> \(entry.event.summary)</li>"
        }
        return """
            <section class="panel" id="engagement-timeline" data-live><h2>Timeline</h2>
            <p><a href="/desks/\(desk)/timeline?engagement=\(engagement.id)">Open in the timeline</a></p>
            <ol class="timeline">\(rows)</ol></section>
            """
    }

    private var signalForm: HTML {
        let form = state(for: "signal")
        let stances = Stance.allCases.map { ($0.rawValue, $0.rawValue) }
        return """
            <section class="panel" id="record-signal"><h2>Record a signal</h2>\(banner(for: "signal"))
            <form class="stack" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/signals">
            <label>When <input name="at" value="\(form.value("at"))" placeholder="now, or \(FormFields.example(now, hours: -1, in: state.zone)) (\(state.zone))">\(Layout.fieldError(form, "at"))</label>
            <label>Summary <input name="summary" value="\(form.value("summary"))">\(Layout.fieldError(form, "summary"))</label>
            <label>Short quote (optional) <input name="quote" value="\(form.value("quote"))"></label>
            <label>Attribution: the original source first, then each outlet, one per line <textarea name="attribution" rows="3">\(form.value("attribution"))</textarea>\(Layout.fieldError(form, "attribution"))</label>
            <label>Stance <select name="stance">\(Layout.options(stances, selected: form.values["stance"]))</select></label>
            <label>Whose stance <select name="side">\(Layout.options(SignalSide.allCases.map { ($0.rawValue, $0.rawValue) }, selected: form.values["side"]))</select>\(Layout.fieldError(form, "side"))</label>
            <label>Grade (source A–F, information 1–6) <input name="grade" value="\(form.value("grade"))" placeholder="B2" size="3">\(Layout.fieldError(form, "grade"))</label>
            <div><button type="submit">Record signal</button></div></form></section>
            """
    }

    private var deadlineForm: HTML {
        let form = state(for: "deadline")
        let parties = state.parties.values.sorted { $0.id < $1.id }.map { ($0.id.rawValue, $0.name) }
        return """
            <section class="panel" id="set-deadline"><h2>Set a deadline</h2>\(banner(for: "deadline"))
            <form class="stack" method="post" action="/desks/\(desk)/engagements/\(engagement.id)/deadlines">
            <label>What is owed <input name="title" value="\(form.value("title"))">\(Layout.fieldError(form, "title"))</label>
            <label>Owed by <select name="owed_by">\(Layout.options(parties, selected: form.values["owed_by"]))</select>\(Layout.fieldError(form, "owed_by"))</label>
            <label>Due (local time and zone) <input name="due" value="\(form.value("due"))" placeholder="\(FormFields.example(now, hours: 24, in: state.zone)) \(state.zone)">\(Layout.fieldError(form, "due"))</label>
            <label>Alarms before it is due <input name="alarms" value="\(form.value("alarms"))" placeholder="2h, 30m">\(Layout.fieldError(form, "alarms"))</label>
            <div><button type="submit">Set deadline</button></div></form></section>
            """
    }
}
