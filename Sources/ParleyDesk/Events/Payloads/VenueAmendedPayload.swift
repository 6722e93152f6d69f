import Foundation

/// `VenueAmended`, version 1: the venue, its name, city, coordinates and zone after the change, and the
/// amendment.
struct VenueAmendedPayload: DeskPayload {
    static let type = "VenueAmended"
    static let version = 1

    /// The venue.
    var venue: String
    /// Its name.
    var name: String
    /// Its city.
    var city: String
    /// Degrees north.
    var latitude: Double
    /// Degrees east.
    var longitude: Double
    /// Its IANA zone.
    var zone: String
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending a venue to `venue`.
    init(_ venue: Venue, amendment: Amendment) {
        self.venue = venue.id.rawValue
        name = venue.name
        city = venue.city
        latitude = venue.coordinates.latitude
        longitude = venue.coordinates.longitude
        zone = venue.zone.identifier
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .venueAmended(
            Venue(
                id: Venue.ID(venue), name: name, city: city,
                coordinates: Coordinates(latitude: latitude, longitude: longitude),
                zone: try WireValue.zone(zone, field: "zone")),
            try amendment.value(field: "amendment"))
    }
}
