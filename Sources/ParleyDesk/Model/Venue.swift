/// A place a meeting or stay can happen, with its IANA time zone and, when known, its coordinates.
public struct Venue: Hashable, Sendable, Codable, Identifiable {
    /// A venue's id (`panmunjom`).
    public typealias ID = Identifier<Venue>
    /// The slug that names it.
    public var id: ID
    /// Its name.
    public var name: String
    /// The city or area it is in, for grouping.
    public var city: String
    /// Where it is, when known: travel to and from a venue without coordinates is known only from the
    /// travel times the staff set.
    public var coordinates: Coordinates?
    /// The zone its local times are shown in.
    public var zone: TimeZoneID

    /// A venue at a point in a zone.
    public init(id: ID, name: String, city: String, coordinates: Coordinates?, zone: TimeZoneID) {
        self.id = id
        self.name = name
        self.city = city
        self.coordinates = coordinates
        self.zone = zone
    }
}
