import Foundation
import ParleyDesk

/// `/desks/{desk}/trips/{id}/brief`: one trip on paper for the principal's staff — each day in its own
/// zone with the visits and the journeys between them in local times, whether the plan is proven best,
/// the meetings left out and why, and for each meeting of the trip where it stands, its odds, its next
/// deadline and its advance work (printable on A4 or Letter).
struct TripBriefPage {
    let desk: String
    let desks: [String]
    let state: DeskState
    let problem: TripProblem
    let now: Date

    var html: HTML {
        let trip = problem.trip
        let principal =
            state.principals[trip.principal].map { $0.title.isEmpty ? $0.name : "\($0.name), \($0.title)" }
            ?? trip.principal.rawValue
        let itinerary = state.itineraries[trip.id]
        let body: HTML = """
            <article class="brief">
            <h1>\(trip.title)</h1>
            <p class="small">Trip brief printed \(ZonedTime.display(now, in: state.zone)) · desk \(state.profile?.title ?? desk) · principal \(principal)</p>
            <h2>Itinerary</h2>
            \(itinerary.map(days) ?? "<p>Not planned yet.</p>")
            \(itinerary.map { leftOut($0) } ?? .empty)
            <h2>Meetings of the trip</h2>
            \(meetings)
            <h2>Stays</h2>
            <table><thead><tr><th>Where</th><th>Lodging</th><th>From</th><th>To</th></tr></thead><tbody>\(stays)</tbody></table>
            <p class="no-print"><a href="/desks/\(desk)/trips/\(trip.id)">Back to the trip</a> · print it from the browser (A4 or Letter)</p>
            </article>
            """
        return Layout.page(title: "Brief: \(trip.title)", desk: desk, desks: desks, section: "", body: body)
    }

    private func title(_ visit: PlannedVisit) -> String {
        problem.items.first { $0.kind == visit.kind && $0.ref == visit.ref }?.title
            ?? state.engagements[Engagement.ID(visit.ref)]?.title ?? visit.ref
    }

    private func venue(_ id: Venue.ID) -> String { state.venues[id]?.name ?? id.rawValue }

    /// A local clock time with its zone's abbreviation (`14:00 KST`).
    private func clock(_ time: ZonedTime) -> String {
        let display = ZonedTime.display(time.instant, in: time.zone)
        return String(display.dropFirst(11))
    }

    /// Day by day, in each day's own zone: the journeys and the visits in order.
    private func days(_ itinerary: Itinerary) -> HTML {
        let journeys = Journey.of(itinerary, days: problem.days, in: state)
        let sections = problem.days.indices.map { index -> HTML in
            var lines: [(at: Date, row: HTML)] = itinerary.visits.filter { $0.day == index }.map { visit in
                let kind =
                    visit.kind == .commitment
                    ? "fixed"
                    : state.engagements[Engagement.ID(visit.ref)]?.agreedSlot != nil ? "agreed" : "planned"
                return (
                    visit.start.instant,
                    "<tr><td>\(clock(visit.start))–\(clock(visit.end))</td><td><strong>\(title(visit))</strong> <span class=\"small\">(\(kind))</span></td><td>\(venue(visit.venue))</td></tr>"
                )
            }
            lines += journeys.filter { $0.day == index }.map { journey in
                (
                    journey.leaving.instant,
                    "<tr><td>\(clock(journey.leaving))–\(clock(journey.arriving))</td><td>journey, \(Minutes(journey.minutes))</td><td>\(venue(journey.from)) → \(venue(journey.to))</td></tr>"
                )
            }
            let rows = lines.sorted { $0.at < $1.at }.map(\.row)
            return """
                <h3>\(problem.days[index].label)</h3>
                <table><tbody>\(rows.isEmpty ? ["<tr><td>nothing planned</td></tr>"] : rows)</tbody></table>
                """
        }
        let planned: HTML =
            "<p class=\"small\">Planned \(itinerary.plannedAt.display).\(itinerary.proofText.map { " \($0)" } ?? "")</p>"
        return "\(planned)\(HTML.join(sections))"
    }

    private func leftOut(_ itinerary: Itinerary) -> HTML {
        guard !itinerary.leftOut.isEmpty else { return .empty }
        let items = itinerary.leftOut.map { meeting -> HTML in
            "<li><strong>\(state.engagements[meeting.engagement]?.title ?? meeting.engagement.rawValue)</strong>: \(meeting.reason)</li>"
        }
        return "<h3>Left out</h3><ul>\(items)</ul>"
    }

    /// Every meeting of the trip the reader may see: state, odds, next open deadline, advance work.
    private var meetings: HTML {
        let engagements = state.engagements.values.filter { $0.trip == problem.trip.id }.sorted {
            ($0.priority, $0.id) < ($1.priority, $1.id)
        }
        guard !engagements.isEmpty else { return "<p>none</p>" }
        let rows = engagements.map { engagement -> HTML in
            let odds =
                (try? Assessment(engagement: engagement.id, in: state, asOf: now)).map { assessment in
                    assessment.features == nil ? "held" : String(format: "%.0f%%", assessment.probability * 100)
                } ?? ""
            let next = state.deadlines.values.filter { $0.engagement == engagement.id && $0.status == .open }
                .min { $0.due.instant < $1.due.instant }
            let deadline = next.map { "\($0.title), due \($0.due.display)" } ?? "none open"
            let work =
                MeetingTime(of: engagement, in: state, asOf: now).flatMap { meeting in
                    try? Readiness(
                        engagement: engagement.id, venue: meeting.venue, meeting: meeting.start, now: now, in: state)
                }.map { String(format: "%.0f%% done", $0.fraction * 100) } ?? "no meeting time yet"
            return """
                <tr><td>\(engagement.title)</td><td>\(engagement.state.label)</td><td class="num">\(odds)</td><td>\(deadline)</td><td>\(work)</td></tr>
                """
        }
        return """
            <table><thead><tr><th>Meeting</th><th>State</th><th>Odds</th><th>Next deadline</th><th>Advance work</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private var stays: HTML {
        HTML.join(
            problem.trip.stays.map { stay -> HTML in
                "<tr><td>\(venue(stay.venue))</td><td>\(stay.lodging)</td><td>\(stay.period.from.display)</td><td>\(stay.period.to.display)</td></tr>"
            })
    }
}
