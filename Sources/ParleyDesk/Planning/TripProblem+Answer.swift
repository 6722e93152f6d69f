import Foundation
import ParleyPlanner

extension TripProblem {
    /// The planner's answer as an itinerary in local times, with a reason for every meeting left out.
    public func itinerary(from solution: PlanningSolution, plannedAt: ZonedTime, in state: DeskState) -> Itinerary {
        func instant(_ minutes: Double) -> Date { reference.addingTimeInterval(minutes * 60) }
        var visits: [PlannedVisit] = []
        for (day, route) in solution.routes.enumerated() {
            for visit in route {
                let source = items[visit.item]
                let zone = state.venues[source.venue]?.zone ?? state.zone
                visits.append(
                    PlannedVisit(
                        kind: source.kind, ref: source.ref, venue: source.venue, day: day,
                        start: ZonedTime(instant(visit.start), zone: zone),
                        end: ZonedTime(instant(visit.departure), zone: zone)))
            }
        }
        let placed = Set(visits.filter { $0.kind == .engagement }.map(\.ref))
        var reasons: [String: [String]] = [:]
        var order: [String] = []
        for (item, reason) in solution.omissions.sorted(by: { $0.key < $1.key }) {
            let source = items[item]
            guard source.kind == .engagement, !placed.contains(source.ref) else { continue }
            if reasons[source.ref] == nil { order.append(source.ref) }
            let venue = state.venues[source.venue]?.name ?? source.venue.rawValue
            reasons[source.ref, default: []].append("\(venue): " + describe(reason))
        }
        let leftOut = order.map {
            LeftOutMeeting(engagement: Engagement.ID($0), reason: reasons[$0]!.joined(separator: "; "))
        }
        return Itinerary(
            trip: trip.id, plannedAt: plannedAt, visits: visits, leftOut: unplannable + leftOut,
            provenBest: solution.provenBest)
    }

    /// The previous itinerary in the planner's terms, so that a re-plan starts from it.
    public func warmStart(from itinerary: Itinerary) -> PlanningSolution {
        var routes = Array(repeating: [Visit](), count: days.count)
        for visit in itinerary.visits where routes.indices.contains(visit.day) {
            guard
                let item = items.firstIndex(where: {
                    $0.kind == visit.kind && $0.ref == visit.ref && $0.venue == visit.venue
                })
            else { continue }
            let start = visit.start.instant.timeIntervalSince(reference) / 60
            routes[visit.day].append(Visit(item: item, arrival: start, start: start, departure: start))
        }
        return PlanningSolution(routes: routes, omissions: [:])
    }

    private func describe(_ reason: OmissionReason) -> String {
        switch reason {
        case .noWindowReachable:
            "no day of the trip can get there within the meeting's windows"
        case .clashesWith(let item, let tour, let shortBy):
            // By how much, at its best place beside the fixed and confirmed visits: the room it would take.
            LeftOutMeeting.clash(with: items[item].title)
                + (shortBy > 0 && days.indices.contains(tour)
                    ? "; at its best place (\(days[tour].label)) it misses by \(Minutes(Int(saturating: shortBy.rounded(.up))))"
                    : "")
        case .budgetExhausted(let tour, let shortBy):
            // At most a day's working hours in a sane problem; saturated all the same, as it is the
            // planner's arithmetic on stored times.
            "\(days[tour].label) is \(Minutes(Int(saturating: shortBy.rounded(.up)))) short"
        }
    }
}
