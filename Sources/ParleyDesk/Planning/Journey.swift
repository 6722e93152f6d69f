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

    /// The journeys of `itinerary` on `trip`.
    ///
    /// To a day's first visit from the stay in force when it starts (arriving as it starts), and between
    /// two visits of one day at different venues (leaving as the first ends). Venues the desk does not
    /// hold are skipped.
    public static func of(
        _ itinerary: Itinerary, trip: Trip, in state: DeskState, model: TravelModel = .standard
    ) -> [Journey] {
        let visits = itinerary.visits.sorted { ($0.start.instant, $0.ref) < ($1.start.instant, $1.ref) }
        var journeys: [Journey] = []
        for (offset, visit) in visits.enumerated() {
            guard let destination = state.venues[visit.venue] else { continue }
            let previous = offset > 0 ? visits[offset - 1] : nil
            if let previous, previous.day == visit.day {
                guard previous.venue != visit.venue, let origin = state.venues[previous.venue] else { continue }
                let minutes = model.minutes(from: origin, to: destination, in: state)
                journeys.append(
                    Journey(
                        from: origin.id, to: destination.id, leaving: previous.end,
                        arriving: ZonedTime(
                            previous.end.instant.addingTimeInterval(Double(minutes) * 60), zone: visit.start.zone),
                        minutes: minutes, day: visit.day, key: "\(previous.ref)-\(visit.ref)"))
            } else if let stay = trip.stays.first(where: {
                $0.period.from.instant <= visit.start.instant && visit.start.instant < $0.period.to.instant
            }), stay.venue != visit.venue, let origin = state.venues[stay.venue] {
                let minutes = model.minutes(from: origin, to: destination, in: state)
                journeys.append(
                    Journey(
                        from: origin.id, to: destination.id,
                        leaving: ZonedTime(
                            visit.start.instant.addingTimeInterval(-Double(minutes) * 60), zone: stay.period.from.zone),
                        arriving: visit.start, minutes: minutes, day: visit.day, key: "stay-\(visit.ref)"))
            }
        }
        return journeys
    }
}
