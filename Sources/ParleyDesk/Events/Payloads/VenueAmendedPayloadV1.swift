import Foundation

/// `VenueAmended`, version 1 (written until 2026-12): as version 2 with coordinates always given.
struct VenueAmendedPayloadV1: UpcastDeskPayload {
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

    func upcast() throws -> VenueAmendedPayload {
        VenueAmendedPayload(
            venue: venue, name: name, city: city, latitude: latitude, longitude: longitude, zone: zone,
            amendment: amendment)
    }
}
