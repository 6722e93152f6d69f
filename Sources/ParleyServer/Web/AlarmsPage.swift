import Foundation
import ParleyDesk

/// A person's alarms: each with a link to where it happened and a button that acknowledges it, one that
/// acknowledges every one listed, and the engagements they follow.
///
/// The header's alarm area shows this page's `#alarm-list`, fetched by the script.
struct AlarmsPage {
    let alarms: [Alarm]
    /// How many are unacknowledged (more than are listed when over the limit).
    let total: Int
    let following: [(desk: String, id: String, title: String)]
    let desks: [String]

    var html: HTML {
        let rows = HTML.join(
            alarms.map { alarm -> HTML in
                let tone = alarm.kind == .deadlineMissed ? "bad" : alarm.kind == .message ? "ok" : "warn"
                return """
                    <li class="alarm"><span class="tag \(tone)">\(alarm.kind.label)</span> <a href="/desks/\(alarm.desk)/timeline#entry-\(alarm.sequence)">\(alarm.text)</a> <span class="muted small">\(alarm.desk) · \(alarm.when)</span>
                    <form class="actions" method="post" action="/alarms/acknowledge"><input type="hidden" name="ack" value="\(alarm.desk):\(alarm.sequence)"><button type="submit" aria-label="Acknowledge: \(alarm.text)">Acknowledge</button></form></li>
                    """
            })
        let all: HTML =
            alarms.isEmpty
            ? .empty
            : """
            <form method="post" action="/alarms/acknowledge">\(HTML.join(alarms.map { "<input type=\"hidden\" name=\"ack\" value=\"\($0.desk):\($0.sequence)\">" as HTML }))<button type="submit">Acknowledge all \(alarms.count) shown</button></form>
            """
        let more: HTML =
            total > alarms.count
            ? "<p class=\"muted small\">\(total - alarms.count) older alarms are not shown; acknowledge these to see them.</p>"
            : .empty
        let list: HTML = """
            <div id="alarm-list" data-count="\(total)">
            \(alarms.isEmpty ? "<p class=\"muted\">No alarms: nothing waits for you.</p>" as HTML : "<ul class=\"plain alarms\">\(rows)</ul>\(all)\(more)")
            </div>
            """
        let followed = HTML.join(
            following.map { item -> HTML in
                """
                <li><a href="/desks/\(item.desk)/engagements/\(item.id)">\(item.title)</a> <span class="muted small">\(item.desk)</span>
                <form class="actions" method="post" action="/desks/\(item.desk)/engagements/\(item.id)/follow"><input type="hidden" name="follow" value="0"><button type="submit">Stop following</button></form></li>
                """
            })
        let body: HTML = """
            <h1>Alarms <span class="muted small">\(total) unacknowledged</span></h1>
            <p>Deadline warnings and misses, playbook tries due and messages from the other side on every desk you may see, and the moves of engagements you follow. Acknowledging is yours alone: others still see theirs.</p>
            <section class="panel" id="alarms">\(list)</section>
            <section class="panel"><h2>Engagements you follow</h2>
            \(following.isEmpty ? "<p class=\"muted\">None. “Tell me when it moves” on an engagement's page adds it.</p>" as HTML : "<ul class=\"plain\">\(followed)</ul>")</section>
            """
        return Layout.page(title: "Alarms", desk: nil, desks: desks, section: "", body: body)
    }
}
