import Foundation

/// `TravelTimeSet`, version 1: a known travel time from one venue to another, in minutes.
struct TravelTimeSetPayload: DeskPayload {
    static let type = "TravelTimeSet"
    static let version = 1

    /// Where the leg starts.
    var from: String
    /// Where it ends.
    var to: String
    /// Minutes, door to door.
    var time: Int

    func fact() throws -> DeskEvent.Fact {
        .travelTimeSet(TravelOverride(from: Venue.ID(from), to: Venue.ID(to), time: Minutes(time)))
    }
}
