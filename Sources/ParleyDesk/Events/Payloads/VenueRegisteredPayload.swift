import Foundation

/// `VenueRegistered`, version 2: a venue's id, name, city, coordinates (absent when not known) and zone.
struct VenueRegisteredPayload: DeskPayload {
    static let type = "VenueRegistered"
    static let version = 2

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
    /// Where it is, when known.
    var coordinates: Point?
    /// Its zone.
    var zone: String

    /// The payload of registering `venue`.
    init(_ venue: Venue) {
        id = venue.id.rawValue
        name = venue.name
        city = venue.city
        coordinates = venue.coordinates.map { Point(latitude: $0.latitude, longitude: $0.longitude) }
        zone = venue.zone.identifier
    }

    /// The payload with these values (an older version's, carried over).
    init(id: String, name: String, city: String, coordinates: Point?, zone: String) {
        self.id = id
        self.name = name
        self.city = city
        self.coordinates = coordinates
        self.zone = zone
    }

    func fact() throws -> DeskEvent.Fact {
        .venueRegistered(
            Venue(
                id: Venue.ID(id), name: name, city: city,
                coordinates: coordinates.map { Coordinates(latitude: $0.latitude, longitude: $0.longitude) },
                zone: try WireValue.zone(zone, field: "zone")))
    }
}
