import Foundation

/// `ItineraryPlanned`, version 1 (written until 2026-12): as version 2 without whether the itinerary was
/// proven best, which was never said.
struct ItineraryPlannedPayloadV1: UpcastDeskPayload {
    static let type = "ItineraryPlanned"
    static let version = 1

    /// One placed visit, as in version 2.
    typealias Visit = ItineraryPlannedPayload.Visit
    /// One meeting left out, as in version 2.
    typealias LeftOut = ItineraryPlannedPayload.LeftOut

    /// The trip.
    var trip: String
    /// When it was planned.
    var plannedAt: WireZonedTime
    /// What was placed.
    var visits: [Visit]
    /// What was left out.
    var leftOut: [LeftOut]

    func upcast() throws -> ItineraryPlannedPayload {
        ItineraryPlannedPayload(trip: trip, plannedAt: plannedAt, visits: visits, leftOut: leftOut, provenBest: nil)
    }
}
