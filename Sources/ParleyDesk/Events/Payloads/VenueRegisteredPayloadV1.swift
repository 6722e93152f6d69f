import Foundation

/// `VenueRegistered`, version 1 (written until 2026-12): as version 2 with coordinates always given.
struct VenueRegisteredPayloadV1: UpcastDeskPayload {
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

    func upcast() throws -> VenueRegisteredPayload {
        VenueRegisteredPayload(
            id: id, name: name, city: city,
            coordinates: VenueRegisteredPayload.Point(latitude: coordinates.latitude, longitude: coordinates.longitude),
            zone: zone)
    }
}
