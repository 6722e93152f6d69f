import Foundation
import ParleyDesk

/// Every event by when it happened, filtered by engagement and type, and the desk as it stood at a time.
struct TimelinePage {
    let desk: String
    let desks: [String]
    let full: DeskState
    let entries: [(sequence: Int64, event: DeskEvent)]
    let engagement: String
    let type: String
    let asOfText: String
    let asOf: Date?
    let asOfError: String?
    /// Whether the moment is seen with everything that had happened by then, or (the default) only
    /// what the desk had learned by then.
    var hindsight = Hindsight.asKnown
    /// A refused retraction, kept with what was typed.
    var form = FormState()

    var html: HTML {
        let kept = entries.filter { entry in
            (asOf.map { entry.event.isPast($0, hindsight) } ?? true)
                && (engagement.isEmpty || entry.event.concerns(Engagement.ID(engagement), in: full))
                && (type.isEmpty || entry.event.type == type)
        }.sorted { ($0.event.at, $0.sequence) < ($1.event.at, $1.sequence) }
        // Struck entries as the desk stood at the moment shown: a retraction made later had not happened yet.
        let shown = asOf.map { DeskState.folding(entries.map(\.event), asOf: $0, hindsight) }
        let retracted = (shown ?? full).log.retracted
        let rows = kept.map { entry -> HTML in
            let learned: HTML =
                entry.event.known.map {
                    " <span class=\"muted small\">(learned \(ZonedTime.display($0, in: full.zone)))</span>"
                }
                ?? .empty
            let summary: HTML
            if let struck = retracted[entry.sequence] {
                summary =
                    "<del>\(entry.event.summary)</del>\(learned) <span class=\"tag warn\">retracted</span> <span class=\"muted small\">by #\(struck.by), \(ZonedTime.display(struck.at, in: full.zone)): \(struck.reason)</span>"
            } else {
                summary = "\(entry.event.summary)\(learned)\(retractForm(entry.sequence, entry.event))"
            }
            return
                "<li id=\"entry-\(entry.sequence)\"><span class=\"when\">\(ZonedTime.display(entry.event.at, in: full.zone))</span> <span class=\"muted small\">#\(entry.sequence) \(entry.event.type)</span> \(summary)</li>"
        }
        let engagements =
            [("", "all engagements")]
            + full.engagements.values.sorted { $0.id < $1.id }.map { ($0.id.rawValue, $0.title) }
        let types = [("", "all types")] + Set(entries.map(\.event.type)).sorted().map { ($0, $0) }
        var past = HTML.empty
        if let asOf, let state = shown {
            // Each links to its page as of the same moment, where every part agrees with this list.
            let moment =
                ZonedTime(asOf, zone: full.zone).scenarioText.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)
                ?? ""
            let engagementRows = state.engagements.values.sorted { $0.id < $1.id }.map { engagement -> HTML in
                "<li>\(Layout.tag(engagement.state.label, Layout.tone(engagement.state))) <a href=\"/desks/\(desk)/engagements/\(engagement.id)?as_of=\(moment)\">\(engagement.title)</a></li>"
            }
            let channelRows = state.channels.values.sorted { $0.id < $1.id }.map { channel -> HTML in
                "<li>\(Layout.tag(channel.status.rawValue, Layout.tone(channel.status))) \(channel.name)</li>"
            }
            let deadlineRows = state.deadlines.values.sorted { $0.id < $1.id }.map { deadline -> HTML in
                "<li>\(deadline.title): \(deadline.status.rawValue), due \(deadline.due.display)</li>"
            }
            past = """
                <section class="panel spaced-bottom" id="as-of"><h2>The desk as of \(ZonedTime.display(asOf, in: full.zone)), \(hindsight == .asKnown ? "as it was known then" : "as it had happened")</h2>
                <p class="small"><a href="/desks/\(desk)?as_of=\(moment)">The dashboard as of this moment</a></p>
                <div class="grid"><div><h2>Engagements</h2><ul>\(engagementRows)</ul></div><div><h2>Channels</h2><ul>\(channelRows)</ul></div>
                <div><h2>Deadlines</h2><ul>\(deadlineRows)</ul></div></div></section>
                """
        }
        let error: HTML =
            asOfError.map { "<span class=\"field-error\" id=\"error-as_of\" role=\"alert\">\($0)</span>" } ?? .empty
        let banner: HTML =
            form.banner.map { "<p class=\"banner bad\" role=\"alert\" id=\"form-banner\">\($0)</p>" } ?? .empty
        let body: HTML = """
            \(banner)
            <h1>Timeline <span class="muted small">\(kept.count) of \(entries.count) events, by when they happened</span></h1>
            <form class="actions panel spaced-bottom" method="get" action="/desks/\(desk)/timeline">
            <label>Engagement <select name="engagement">\(Layout.options(engagements, selected: engagement))</select></label>
            <label>Type <select name="type">\(Layout.options(types, selected: type))</select></label>
            <label>As of <input name="as_of" value="\(asOfText)" placeholder="2019-06-29 21:00 (\(full.zone))">\(error)</label>
            <label><input type="checkbox" name="as_happened" value="1"\(hindsight == .asHappened ? " checked" : "")> as it had happened (with what was learned only later)</label>
            <button type="submit">Show</button></form>
            \(past)
            <section class="panel" id="timeline" data-live><ol class="timeline">\(rows.isEmpty ? ["<li class=\"muted\">no events</li>"] : rows)</ol></section>
            """
        return Layout.page(title: "Timeline", desk: desk, desks: desks, section: "timeline", body: body)
    }

    /// A small form to take back a mistaken entry, for entries a person made and not yet retracted.
    private func retractForm(_ sequence: Int64, _ event: DeskEvent) -> HTML {
        switch event.fact {
        case .deskOpened, .deskAmended, .entryRetracted, .playbookTryDue, .deadlineAlarmRaised: return .empty
        default: break
        }
        let typed = form.values["entry"] == String(sequence) ? form.value("reason") : ""
        return """
             <details class="retract"\(typed.isEmpty ? "" : " open")><summary class="small">retract</summary><form class="actions" method="post" action="/desks/\(desk)/entries/\(sequence)/retract">
            <input type="hidden" name="entry" value="\(sequence)"><input name="reason" size="28" value="\(typed)" placeholder="why it was wrong (required)" aria-label="Why retract entry \(sequence)"><button class="secondary" type="submit">Retract #\(sequence)</button></form></details>
            """
    }
}
