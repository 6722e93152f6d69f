import Foundation

/// `ItineraryPlanned`, version 1: what the planner made of a trip: the visits placed day by day and the
/// meetings left out, with why.
struct ItineraryPlannedPayload: DeskPayload {
    static let type = "ItineraryPlanned"
    static let version = 1

    /// One placed visit as the log writes it.
    struct Visit: Codable, Sendable, Equatable {
        /// `commitment` or `engagement`.
        var kind: String
        /// The commitment's or engagement's id.
        var ref: String
        /// Where.
        var venue: String
        /// The trip's day, from 1.
        var day: Int
        /// When it starts.
        var start: WireZonedTime
        /// When it ends.
        var end: WireZonedTime
    }

    /// One meeting left out as the log writes it.
    struct LeftOut: Codable, Sendable, Equatable {
        /// The engagement.
        var engagement: String
        /// Why it did not fit.
        var reason: String
    }

    /// The trip.
    var trip: String
    /// When it was planned.
    var plannedAt: WireZonedTime
    /// What was placed.
    var visits: [Visit]
    /// What was left out.
    var leftOut: [LeftOut]

    /// The payload of recording `itinerary`.
    init(_ itinerary: Itinerary) {
        trip = itinerary.trip.rawValue
        plannedAt = WireZonedTime(itinerary.plannedAt)
        visits = itinerary.visits.map {
            Visit(
                kind: $0.kind.rawValue, ref: $0.ref, venue: $0.venue.rawValue, day: $0.day,
                start: WireZonedTime($0.start), end: WireZonedTime($0.end))
        }
        leftOut = itinerary.leftOut.map { LeftOut(engagement: $0.engagement.rawValue, reason: $0.reason) }
    }

    func fact() throws -> DeskEvent.Fact {
        .itineraryPlanned(
            Itinerary(
                trip: Trip.ID(trip), plannedAt: try plannedAt.value(field: "plannedAt"),
                visits: try visits.enumerated().map { index, visit in
                    let field = "visits[\(index)]"
                    return PlannedVisit(
                        kind: try WireValue.token(visit.kind, field: field + ".kind"), ref: visit.ref,
                        venue: Venue.ID(visit.venue), day: visit.day,
                        start: try visit.start.value(field: field + ".start"),
                        end: try visit.end.value(field: field + ".end"))
                },
                leftOut: leftOut.map { LeftOutMeeting(engagement: Engagement.ID($0.engagement), reason: $0.reason) }))
    }
}
