import Foundation

/// A journey of the principal on a planned trip: to a day's first meeting from where they stay, or
/// between two meetings of a day at different venues.
public struct Journey: Sendable, Equatable {
    /// Where from.
    public let from: Venue.ID
    /// Where to.
    public let to: Venue.ID
    /// When they leave, in the zone left.
    public let leaving: ZonedTime
    /// When they arrive, in the zone reached.
    public let arriving: ZonedTime
    /// How long it takes (the desk's travel time, or the travel model's).
    public let minutes: Int
    /// The itinerary day of the visit it leads to.
    public let day: Int
    /// A key unique within the itinerary (`stay-xi-meeting`, `apec-address-rok-summit`).
    public let key: String

    /// The journeys of `itinerary` over the trip's `days` (as the planner made them).
    ///
    /// Each day is a tour from the morning's lodging to the night's, as the planner plans it: to the
    /// day's first visit from the morning's lodging (arriving as it starts), between two visits at
    /// different venues (leaving as the first ends), and from the last visit to the night's lodging when
    /// that is elsewhere (leaving as it ends). A day without visits that changes lodging (Tokyo to
    /// Gyeongju) is one journey, leaving as the day opens: the planner gives it no other time. A visit
    /// belongs to the day whose span holds its start (one outside every day has no journeys). Venues the
    /// desk does not hold are skipped.
    public static func of(
        _ itinerary: Itinerary, days: [TripProblem.TripDay], in state: DeskState, model: TravelModel = .standard
    ) -> [Journey] {
        var journeys: [Journey] = []
        func travel(_ from: Venue.ID, _ to: Venue.ID, day: Int, key: String, leaving: ZonedTime?, arriving: ZonedTime?)
        {
            guard from != to, let origin = state.venues[from], let destination = state.venues[to] else { return }
            let minutes = model.minutes(from: origin, to: destination, in: state)
            let seconds = Double(minutes) * 60
            if let leaving {
                journeys.append(
                    Journey(
                        from: from, to: to, leaving: leaving,
                        arriving: ZonedTime(leaving.instant.addingTimeInterval(seconds), zone: destination.zone),
                        minutes: minutes, day: day, key: key))
            } else if let arriving {
                journeys.append(
                    Journey(
                        from: from, to: to,
                        leaving: ZonedTime(arriving.instant.addingTimeInterval(-seconds), zone: origin.zone),
                        arriving: arriving, minutes: minutes, day: day, key: key))
            }
        }
        // Each visit on the day whose span holds its start: the trip's stays may have changed since it was
        // planned, and a day's number then means another day.
        var byDay: [Int: [PlannedVisit]] = [:]
        for visit in itinerary.visits {
            guard
                let index = days.firstIndex(where: {
                    $0.span.from.instant <= visit.start.instant && visit.start.instant < $0.span.to.instant
                })
            else { continue }
            byDay[index, default: []].append(visit)
        }
        for (index, day) in days.enumerated() {
            let visits = (byDay[index] ?? []).sorted { ($0.start.instant, $0.ref) < ($1.start.instant, $1.ref) }
            guard let first = visits.first, let last = visits.last else {
                let zone = state.venues[day.startVenue]?.zone ?? day.span.from.zone
                travel(
                    day.startVenue, day.endVenue, day: index, key: "day\(index + 1)-move",
                    leaving: ZonedTime(day.span.from.instant, zone: zone), arriving: nil)
                continue
            }
            travel(
                day.startVenue, first.venue, day: index, key: "stay-\(first.ref)", leaving: nil, arriving: first.start)
            for (previous, next) in zip(visits, visits.dropFirst()) {
                travel(
                    previous.venue, next.venue, day: index, key: "\(previous.ref)-\(next.ref)", leaving: previous.end,
                    arriving: nil)
            }
            travel(last.venue, day.endVenue, day: index, key: "\(last.ref)-stay", leaving: last.end, arriving: nil)
        }
        return journeys
    }
}
