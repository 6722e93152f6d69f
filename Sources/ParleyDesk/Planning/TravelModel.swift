import Foundation

/// How long it takes to get from one venue to another when the staff have not said.
///
/// Great-circle distance; below `flightThreshold` by road at `roadSpeed` plus `roadOverhead` (motorcade
/// forming up, security at both ends); above it by air at `cruiseSpeed` plus `airportOverhead` (to and
/// from airports, boarding). A time set on the desk for a pair of venues wins over the model.
public struct TravelModel: Sendable, Equatable {
    /// Road speed, km/h.
    public var roadSpeed = 60.0
    /// Fixed time added to every road leg.
    public var roadOverhead = Minutes(15)
    /// Distances at or above this go by air, km.
    public var flightThreshold = 150.0
    /// Cruise speed, km/h.
    public var cruiseSpeed = 750.0
    /// Fixed time added to every flight.
    public var airportOverhead = Minutes(120)

    /// The model stated in docs/adr/0007-trip-planning.md.
    public static let standard = TravelModel()

    /// Minutes from `from` to `to` on `state`'s desk (0 for the same venue), at most `DeskLimits.longestTravel`.
    ///
    /// A stored override outside `DeskLimits.longestTravel` is ignored, and coordinates off the earth
    /// give the longest travel: only a log written before decide refused them can hold either. A venue
    /// without coordinates is reached only as the travel times the staff set say; without one, the leg
    /// is the longest, so the planner never counts on a journey nobody knows.
    public func minutes(from: Venue, to: Venue, in state: DeskState) -> Int {
        if from.id == to.id { return 0 }
        let longest = DeskLimits.longestTravel.value
        if let known = state.travelOverride(from: from.id, to: to.id), (1...longest).contains(known.value) {
            return known.value
        }
        guard let start = from.coordinates, let end = to.coordinates, DeskLimits.holds(start), DeskLimits.holds(end)
        else { return longest }
        let distance = Self.kilometres(start, end)
        let hours = distance < flightThreshold ? distance / roadSpeed : distance / cruiseSpeed
        let overhead = distance < flightThreshold ? roadOverhead : airportOverhead
        let minutes = (hours * 60).rounded(.up) + Double(overhead.value)
        return minutes.isFinite ? Int(saturating: min(max(minutes, 0), Double(longest))) : longest
    }

    /// Great-circle distance in km (haversine, mean earth radius).
    public static func kilometres(_ a: Coordinates, _ b: Coordinates) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0 * asin(min(1, h.squareRoot()))
    }
}
