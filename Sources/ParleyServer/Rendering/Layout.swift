import Foundation
import ParleyAccess
import ParleyDesk

/// The page chrome: header with the desk switcher and the desk's sections, the stylesheet and the script.
enum Layout {
    /// A whole page for `desk` (nil for pages outside any desk).
    static func page(title: String, desk: String?, desks: [String], section: String, body: HTML) -> HTML {
        let switcher = HTML.join(
            desks.map { name in
                name == desk
                    ? "<a href=\"/desks/\(name)\" aria-current=\"page\">\(name)</a>"
                    : "<a href=\"/desks/\(name)\">\(name)</a>"
            })
        var sections = HTML.empty
        var liveAttribute = HTML.empty
        if let desk {
            let links: [(String, String)] = [
                ("dashboard", "Dashboard"), ("timeline", "Timeline"), ("notifications", "Notifications"),
            ]
            sections = HTML.join(
                links.map { key, label in
                    let href = key == "dashboard" ? "/desks/\(desk)" : "/desks/\(desk)/\(key)"
                    return key == section
                        ? "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(href)\">\(label)</a>"
                })
            liveAttribute = " data-live-url=\"/desks/\(desk)/live\""
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Parley</title>
            <link rel="stylesheet" href="/assets/parley.css">
            </head>
            <body\(liveAttribute)>
            <header class="top"><a class="brand" href="/">PARLEY</a><nav aria-label="Desks">\(switcher)</nav><nav aria-label="Sections">\(sections)</nav><form class="find" method="get" action="/search" role="search"><input name="q" size="14" placeholder="Search desks" aria-label="Search every desk"></form>\(HTML.trusted(identityMarker))</header>
            <main>
            \(rehearsalBanner(desk))\(body)
            </main>
            <script src="/assets/parley.js" defer></script>
            </body>
            </html>
            """
    }

    /// On a rehearsal desk's pages: what it is, so nobody takes it for a live desk.
    private static func rehearsalBanner(_ desk: String?) -> HTML {
        // Only a rehearsal's desk is named so (`DeskInput` refuses the prefix to everyone else).
        guard let desk, desk.hasPrefix(Rehearsal.deskPrefix) else { return .empty }
        return
            "<p class=\"banner warn\" role=\"note\"><strong>Rehearsal.</strong> A past story replayed from now: its events arrive as their re-timed moments come, the timers fire live, and anything you record here is practice. Nothing on this desk is real.</p>"
    }

    /// Where the signed-in person's name and the sign-out button go; filled in per request, after any
    /// caching, by `Page.response`, so a page cached for everyone never names one person.
    static let identityMarker = "<!--parley:identity-->"

    /// The header's account corner for `identity` (nil: nobody signed in), its sign-out form carrying
    /// `formToken`.
    static func identity(_ identity: Identity?, formToken: String) -> String {
        guard let identity else { return "<div class=\"who\"><a href=\"/login\">Sign in</a></div>" }
        let people: HTML =
            identity.role == .admin
            ? "<a href=\"/admin/users\">People</a><a href=\"/admin/compartments\">Compartments</a>" : .empty
        let corner: HTML = """
            <div class="who"><span>\(identity.name) · \(identity.role.rawValue)</span><details class="alarm-area" id="alarm-area"><summary>Alarms <span id="alarm-count" class="count" aria-live="polite"></span></summary><div id="alarm-panel" class="alarm-panel"><a href="/alarms">Your alarms</a></div></details><a href="/calendar-feeds">Calendars</a>\(people)<form method="post" action="/logout"><input type="hidden" name="_csrf" value="\(formToken)"><button type="submit">Sign out</button></form></div>
            """
        return corner.rendered
    }

    /// The page for an error.
    static func errorPage(_ problem: Problem) -> HTML {
        page(
            title: problem.title, desk: nil, desks: [], section: "",
            body:
                "<h1>\(problem.title)</h1><p class=\"banner bad\">\(problem.detail)</p><p><a href=\"/\">Back to the desks</a></p>"
        )
    }

    /// A time in its own zone, machine-readable, with the viewer's zone added by the script; a day or a
    /// span of days is shown as dates, without a clock time in any zone (the source gave none).
    static func time(_ time: ZonedTime) -> HTML {
        guard time.precision == .minute else {
            return "<time datetime=\"\(InstantText.format(time.instant))\" class=\"imprecise\">\(time.display)</time>"
        }
        return "<time datetime=\"\(InstantText.format(time.instant))\" data-viewer>\(time.display)</time>"
    }

    /// A stored length of time, or, outside `shortest…longest` (only in a log written before decide refused
    /// such values), an "invalid" label with the raw number, so nobody reads garbage as a duration.
    static func length(_ value: Minutes, within longest: Minutes, shortest: Minutes = Minutes(1)) -> HTML {
        guard value < shortest || value > longest else { return "\(value)" }
        return "\(tag("invalid", "bad")) <span class=\"small\">\(value.value) minutes (at most \(longest))</span>"
    }

    /// A stored number, or an "invalid" label with it when it is outside `range`.
    static func number(_ value: Int, within range: ClosedRange<Int>) -> HTML {
        range.contains(value) ? "\(value)" : "\(tag("invalid", "bad")) \(value)"
    }

    /// A status label that also reads without colour.
    static func tag(_ text: String, _ tone: String) -> HTML { "<span class=\"tag \(tone)\">\(text)</span>" }

    /// The mark of an engagement in a compartment, so its members know not to speak of it outside;
    /// empty for one in none.
    static func compartment(_ engagement: Engagement) -> HTML {
        engagement.compartment.map { tag("compartment \($0.rawValue)", "secret") } ?? .empty
    }

    /// The tone of an engagement state.
    static func tone(_ state: EngagementState) -> String {
        switch state {
        case .held, .confirmed: "ok"
        case .proposed, .planning, .inContact: "info"
        case .outreach, .exploring, .idea: "neutral"
        case .postponed: "warn"
        case .declined, .abandoned: "bad"
        }
    }

    /// The tone of a channel status.
    static func tone(_ status: ChannelStatus) -> String {
        switch status {
        case .active: "ok"
        case .dormant: "warn"
        case .severed: "bad"
        case .unknown: "neutral"
        }
    }

    /// A form field's error message, if any, placed beside the field.
    static func fieldError(_ form: FormState, _ field: String) -> HTML {
        guard let message = form.errors[field] else { return .empty }
        return "<span class=\"field-error\" id=\"error-\(field)\" role=\"alert\">\(message)</span>"
    }

    /// `<option>`s with `selected` on the current value.
    static func options(_ values: [(value: String, label: String)], selected: String?) -> HTML {
        HTML.join(
            values.map { value, label in
                value == selected
                    ? "<option value=\"\(value)\" selected>\(label)</option>"
                    : "<option value=\"\(value)\">\(label)</option>"
            })
    }
}

/// A form's submitted values and the errors to show beside its fields.
struct FormState: Sendable {
    /// Values by field name.
    var values: [String: String] = [:]
    /// Messages by field name.
    var errors: [String: String] = [:]
    /// A message for the whole form (a stale edit).
    var banner: String?

    /// The value of `field`, or `fallback`.
    func value(_ field: String, _ fallback: String = "") -> String { values[field] ?? fallback }
}
