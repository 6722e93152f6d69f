import Foundation
import ParleyDesk

/// A trip: stays, fixed commitments, the itinerary as a Gantt chart per day, left-out meetings with
/// reasons, and the button to re-plan.
struct TripPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    let version: Int64
    let problem: TripProblem
    /// The change form as typed, after a refusal; nil shows the trip as it stands.
    var form: FormState?
    /// Why the last re-plan was refused (the conflict and its ways out), shown above the itinerary.
    var planRefusal: String?

    var html: HTML {
        let trip = problem.trip
        let itinerary = state.itineraries[trip.id]
        let stays = trip.stays.map { stay -> HTML in
            "<tr><td>\(state.venues[stay.venue]?.name ?? stay.venue.rawValue)</td><td>\(stay.lodging)</td><td>\(Layout.time(stay.period.from))</td><td>\(Layout.time(stay.period.to))</td></tr>"
        }
        let commitments = trip.commitments.map { commitment -> HTML in
            "<tr><td>\(commitment.title)</td><td>\(state.venues[commitment.venue]?.name ?? commitment.venue.rawValue)</td><td>\(Layout.time(commitment.period.from))</td><td>\(Layout.time(commitment.period.to))</td></tr>"
        }
        let leftOut =
            itinerary?.leftOut.map { meeting -> HTML in
                "<li><a href=\"/desks/\(desk)/engagements/\(meeting.engagement)\">\(state.engagements[meeting.engagement]?.title ?? meeting.engagement.rawValue)</a>: \(meeting.reason)</li>"
            } ?? []
        let planned: HTML =
            itinerary.map { "Planned \(Layout.time($0.plannedAt)).\($0.proofText.map { " \($0)" } ?? "")" }
            ?? "Not planned yet."
        // What the stored trip holds that no desk may (only a log older than the limits): named, not planned.
        let ignored: HTML =
            problem.ignored.isEmpty
            ? .empty
            : "<ul class=\"banner bad\" role=\"status\">\(problem.ignored.map { "<li>\(Layout.tag("invalid", "bad")) \($0)</li>" as HTML })</ul>"
        let body: HTML = """
            <h1>\(trip.title) <span class="muted small">trip \(trip.id)</span></h1>
            <section class="panel" id="itinerary" data-live><h2>Itinerary</h2>
            \(planRefusal.map { "<p class=\"banner bad\" role=\"alert\" id=\"plan-refused\"><strong>Not re-planned.</strong> \($0)</p>" as HTML } ?? .empty)\(ignored)<p>\(planned) <a href="/desks/\(desk)/trips/\(trip.id)/itinerary.ics">Calendar (.ics)</a> · <a href="/desks/\(desk)/trips/\(trip.id)/brief">A brief to print</a></p>
            <form method="post" action="/calendar-feeds" class="actions"><input type="hidden" name="desk" value="\(desk)"><input type="hidden" name="trip" value="\(trip.id)"><button type="submit">Subscribe in a calendar application</button> <span class="small muted">a secret address for this trip, shown once (<a href="/calendar-feeds">your feeds</a>)</span></form>
            \(GanttChart(problem: problem, itinerary: itinerary, state: state).svg)
            <h2>Left out</h2>\(leftOut.isEmpty ? "<p class=\"muted\">nothing</p>" as HTML : "<ul>\(leftOut)</ul>")
            <form method="post" action="/desks/\(desk)/trips/\(trip.id)/plan"><input type="hidden" name="version" value="\(version)">
            <button type="submit">Re-plan the trip</button> <span class="muted small">keeps what still fits in place</span></form>
            </section>
            <div class="grid spaced-top">
            <section class="panel"><h2>Stays</h2><table><thead><tr><th>Where</th><th>Lodging</th><th>From</th><th>To</th></tr></thead><tbody>\(stays)</tbody></table></section>
            <section class="panel"><h2>Fixed commitments</h2><table><thead><tr><th>What</th><th>Where</th><th>Start</th><th>End</th></tr></thead><tbody>\(commitments)</tbody></table></section>
            </div>
            \(amendForm)
            """
        return Layout.page(title: trip.title, desk: desk, desks: desks, section: "", body: body)
    }

    /// A time as a person would type it back, as scenario files write it: local wall clock and the zone's
    /// name, `~` when approximate, an offset where the local time happens twice.
    private static func typed(_ time: ZonedTime) -> String { time.scenarioText }

    /// The trip's stays and commitments as editable rows (two empty ones to add), with a reason: a summit
    /// that slips an hour is changed here, and the itinerary and readiness follow.
    private var amendForm: HTML {
        let trip = problem.trip
        var values: [String: String] = ["title": trip.title]
        for (index, stay) in trip.stays.enumerated() {
            values["stays[\(index)].venue"] = stay.venue.rawValue
            values["stays[\(index)].lodging"] = stay.lodging
            values["stays[\(index)].from"] = Self.typed(stay.period.from)
            values["stays[\(index)].to"] = Self.typed(stay.period.to)
        }
        for (index, commitment) in trip.commitments.enumerated() {
            values["commitments[\(index)].id"] = commitment.id.rawValue
            values["commitments[\(index)].title"] = commitment.title
            values["commitments[\(index)].venue"] = commitment.venue.rawValue
            values["commitments[\(index)].start"] = Self.typed(commitment.period.from)
            values["commitments[\(index)].end"] = Self.typed(commitment.period.to)
        }
        let shown = form ?? FormState(values: values)
        let rows = Self.rows(on: state, stays: trip.stays.count + 2, commitments: trip.commitments.count + 2)
        let ids = (0..<rows[1].count).map { index -> HTML in
            let name = "commitments[\(index)].id"
            return "<input type=\"hidden\" name=\"\(name)\" value=\"\(shown.value(name))\">"
        }
        let banner: HTML = shown.banner.map { "<p class=\"banner bad\" role=\"alert\">\($0)</p>" } ?? .empty
        let fields: [FormField] = [
            FormField(name: "title", label: "Title", required: true),
            FormField(
                name: "at", label: "Changed at", placeholder: "now",
                hint: "when it was decided or learned of; in \(state.zone.identifier) unless you name a zone"),
            FormField(name: "reason", label: "Reason", placeholder: "the summit slipped an hour", required: true),
        ]
        return """
            <details class="panel spaced-top" id="change-trip"\(form == nil ? "" : " open")><summary>Change the trip: stays and fixed commitments</summary>\(banner)
            <form class="stack" method="post" action="/desks/\(desk)/trips/\(trip.id)/amend" novalidate>
            \(fields.map { FormFields.render($0, shown, fresh: false) })
            \(rows.map { FormFields.render($0, shown, fresh: false) })\(ids)\(SeenStamp.hidden(shown.value(SeenStamp.field, SeenStamp.of(trip))))
            <div><button type="submit">Save the change</button></div></form></details>
            """
    }

    /// The rows of the change form: stays and commitments.
    static func rows(on state: DeskState, stays: Int, commitments: Int) -> [FormRows] {
        let venues =
            [FormField.Option(value: "", label: "—")]
            + state.venues.values.sorted { $0.name < $1.name }.map {
                FormField.Option(value: $0.id.rawValue, label: "\($0.name) (\($0.zone))")
            }
        return [
            FormRows(
                name: "stays", legend: "Stays, in order", count: stays,
                fields: [
                    FormField(name: "venue", label: "Where", kind: .choice(venues)),
                    FormField(name: "lodging", label: "Lodging"),
                    FormField(name: "from", label: "Arrives"), FormField(name: "to", label: "Leaves"),
                ]),
            FormRows(
                name: "commitments", legend: "Fixed commitments", count: commitments,
                fields: [
                    FormField(name: "title", label: "What"),
                    FormField(name: "venue", label: "Where", kind: .choice(venues)),
                    FormField(name: "start", label: "Starts"), FormField(name: "end", label: "Ends"),
                ]),
        ]
    }
}
