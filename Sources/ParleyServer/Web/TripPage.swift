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
        let planned: HTML = itinerary.map { "Planned \(Layout.time($0.plannedAt))." } ?? "Not planned yet."
        // What the stored trip holds that no desk may (only a log older than the limits): named, not planned.
        let ignored: HTML =
            problem.ignored.isEmpty
            ? .empty
            : "<ul class=\"banner bad\" role=\"status\">\(problem.ignored.map { "<li>\(Layout.tag("invalid", "bad")) \($0)</li>" as HTML })</ul>"
        let body: HTML = """
            <h1>\(trip.title) <span class="muted small">trip \(trip.id)</span></h1>
            <section class="panel" id="itinerary" data-live><h2>Itinerary</h2>
            \(ignored)<p>\(planned) <a href="/desks/\(desk)/trips/\(trip.id)/itinerary.ics">Calendar (.ics)</a></p>
            \(GanttChart(problem: problem, itinerary: itinerary, state: state).svg)
            <h2>Left out</h2>\(leftOut.isEmpty ? "<p class=\"muted\">nothing</p>" as HTML : "<ul>\(leftOut)</ul>")
            <form method="post" action="/desks/\(desk)/trips/\(trip.id)/plan"><input type="hidden" name="version" value="\(version)">
            <button type="submit">Re-plan the trip</button> <span class="muted small">keeps what still fits in place</span></form>
            </section>
            <div class="grid spaced-top">
            <section class="panel"><h2>Stays</h2><table><thead><tr><th>Where</th><th>Lodging</th><th>From</th><th>To</th></tr></thead><tbody>\(stays)</tbody></table></section>
            <section class="panel"><h2>Fixed commitments</h2><table><thead><tr><th>What</th><th>Where</th><th>Start</th><th>End</th></tr></thead><tbody>\(commitments)</tbody></table></section>
            </div>
            """
        return Layout.page(title: trip.title, desk: desk, desks: desks, section: "", body: body)
    }
}
