import Foundation

/// `ItineraryPlanned`, version 2: what the planner made of a trip: the visits placed day by day, the
/// meetings left out with why, and whether it was proven best.
struct ItineraryPlannedPayload: DeskPayload {
    static let type = "ItineraryPlanned"
    static let version = 2

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
    /// Whether no itinerary places more (true) or it is the best a bounded search found (false); absent
    /// when not said.
    var provenBest: Bool?

    /// A payload of its parts.
    init(trip: String, plannedAt: WireZonedTime, visits: [Visit], leftOut: [LeftOut], provenBest: Bool?) {
        self.trip = trip
        self.plannedAt = plannedAt
        self.visits = visits
        self.leftOut = leftOut
        self.provenBest = provenBest
    }

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
        provenBest = itinerary.provenBest
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
                leftOut: leftOut.map { LeftOutMeeting(engagement: Engagement.ID($0.engagement), reason: $0.reason) },
                provenBest: provenBest))
    }
}
