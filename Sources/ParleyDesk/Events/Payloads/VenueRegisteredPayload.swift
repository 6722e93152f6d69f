import Foundation

/// `VenueRegistered`, version 1: a venue's id, name, city, coordinates and zone.
struct VenueRegisteredPayload: DeskPayload {
    static let type = "VenueRegistered"
    static let version = 1

    /// A point on the globe as the log writes it.
    struct Point: Codable, Sendable, Equatable {
        /// Degrees north.
        var latitude: Double
        /// Degrees east.
        var longitude: Double
    }

    /// The venue's id.
    var id: String
    /// Its name.
    var name: String
    /// Its city.
    var city: String
    /// Where it is.
    var coordinates: Point
    /// Its zone.
    var zone: String

    /// The payload of registering `venue`.
    init(_ venue: Venue) {
        id = venue.id.rawValue
        name = venue.name
        city = venue.city
        coordinates = Point(latitude: venue.coordinates.latitude, longitude: venue.coordinates.longitude)
        zone = venue.zone.identifier
    }

    func fact() throws -> DeskEvent.Fact {
        .venueRegistered(
            Venue(
                id: Venue.ID(id), name: name, city: city,
                coordinates: Coordinates(latitude: coordinates.latitude, longitude: coordinates.longitude),
                zone: try WireValue.zone(zone, field: "zone")))
    }
}
