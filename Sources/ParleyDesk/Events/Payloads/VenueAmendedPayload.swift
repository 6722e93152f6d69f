import Foundation

/// `VenueAmended`, version 2: the venue, its name, city, coordinates (absent when not known) and zone after
/// the change, and the amendment.
struct VenueAmendedPayload: DeskPayload {
    static let type = "VenueAmended"
    static let version = 2

    /// The venue.
    var venue: String
    /// Its name.
    var name: String
    /// Its city.
    var city: String
    /// Degrees north, when known.
    var latitude: Double?
    /// Degrees east, when known.
    var longitude: Double?
    /// Its IANA zone.
    var zone: String
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending a venue to `venue`.
    init(_ venue: Venue, amendment: Amendment) {
        self.venue = venue.id.rawValue
        name = venue.name
        city = venue.city
        latitude = venue.coordinates?.latitude
        longitude = venue.coordinates?.longitude
        zone = venue.zone.identifier
        self.amendment = WireAmendment(amendment)
    }

    /// The payload with these values (an older version's, carried over).
    init(
        venue: String, name: String, city: String, latitude: Double?, longitude: Double?, zone: String,
        amendment: WireAmendment
    ) {
        self.venue = venue
        self.name = name
        self.city = city
        self.latitude = latitude
        self.longitude = longitude
        self.zone = zone
        self.amendment = amendment
    }

    func fact() throws -> DeskEvent.Fact {
        .venueAmended(
            Venue(
                id: Venue.ID(venue), name: name, city: city,
                coordinates: try Self.coordinates(latitude, longitude),
                zone: try WireValue.zone(zone, field: "zone")),
            try amendment.value(field: "amendment"))
    }

    /// Both or neither: a log with only one of them is damaged.
    private static func coordinates(_ latitude: Double?, _ longitude: Double?) throws -> Coordinates? {
        switch (latitude, longitude) {
        case (let latitude?, let longitude?): return Coordinates(latitude: latitude, longitude: longitude)
        case (nil, nil): return nil
        default:
            throw PayloadValueError(
                field: latitude == nil ? "longitude" : "latitude", found: "\((latitude ?? longitude) ?? 0) alone")
        }
    }
}
