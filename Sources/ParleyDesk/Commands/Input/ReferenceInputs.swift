import Foundation

/// What a person supplies to open a new desk (`POST /api/v1/desks`, the home page's form).
public struct DeskInput: Decodable, Sendable, Equatable {
    /// The desk's name (a slug); made from the title when missing.
    public var name: String?
    /// The title people read.
    public var title: String
    /// The IANA zone its times default to.
    public var zone: String

    /// The input as typed.
    public init(name: String? = nil, title: String, zone: String) {
        self.name = name
        self.title = title
        self.zone = zone
    }

    /// The command that opens it at `now`; `taken` says which desk names are in use.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(now: Date, taken: (String) -> Bool) throws(DeskError) -> DeskCommand {
        let zone = try TimeZoneID.validated(zone.trimmingCharacters(in: .whitespaces), field: "zone")
        let name = try InputText.newID(name, from: title, field: "name", taken: taken)
        guard !name.hasPrefix(Rehearsal.deskPrefix) else {
            throw .invalidValue(
                field: "name",
                expected: "a name that does not begin with \(Rehearsal.deskPrefix) (kept for rehearsals)",
                found: name)
        }
        return .openDesk(DeskProfile(name: name, title: title, zone: zone, opened: ZonedTime(now, zone: zone)))
    }
}

/// What a person supplies to add a party (`POST /parties`).
public struct PartyInput: Decodable, Sendable, Equatable {
    /// Its id; made from the name when missing.
    public var id: String?
    /// Its name (`Republic of Korea`).
    public var name: String

    /// The input as typed.
    public init(id: String? = nil, name: String) {
        self.id = id
        self.name = name
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: name) { state.parties[Party.ID($0)] != nil }
        return .registerParty(Party(id: Party.ID(id), name: name))
    }
}

/// What a person supplies to add a principal (`POST /principals`).
public struct PrincipalInput: Decodable, Sendable, Equatable {
    /// Its id; made from the name when missing.
    public var id: String?
    /// The person's name.
    public var name: String
    /// Their office (`President`).
    public var title: String?
    /// The party they lead or represent.
    public var party: String

    /// The input as typed.
    public init(id: String? = nil, name: String, title: String? = nil, party: String) {
        self.id = id
        self.name = name
        self.title = title
        self.party = party
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: name) { state.principals[Principal.ID($0)] != nil }
        return .registerPrincipal(
            Principal(id: Principal.ID(id), name: name, title: title ?? "", party: Party.ID(party)))
    }
}

/// What a person supplies to add a venue (`POST /venues`): a place with its IANA zone and coordinates.
public struct VenueInput: Decodable, Sendable, Equatable {
    /// Its id; made from the name when missing.
    public var id: String?
    /// Its name.
    public var name: String
    /// Its city.
    public var city: String?
    /// Latitude in degrees, north positive; with the longitude, or neither when not known.
    public var latitude: Double?
    /// Longitude in degrees, east positive.
    public var longitude: Double?
    /// The IANA zone its clocks keep (`Asia/Seoul`).
    public var zone: String

    /// The input as typed.
    public init(
        id: String? = nil, name: String, city: String? = nil, latitude: Double?, longitude: Double?, zone: String
    ) {
        self.id = id
        self.name = name
        self.city = city
        self.latitude = latitude
        self.longitude = longitude
        self.zone = zone
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let zone = try TimeZoneID.validated(zone.trimmingCharacters(in: .whitespaces), field: "zone")
        let coordinates = try Self.coordinates(latitude, longitude)
        let id = try InputText.newID(id, from: name) { state.venues[Venue.ID($0)] != nil }
        return .registerVenue(
            Venue(id: Venue.ID(id), name: name, city: city ?? "", coordinates: coordinates, zone: zone))
    }

    /// Both coordinates, or neither (not known: travel to the venue then comes only from travel times set
    /// by the staff); one alone is refused by the name of the other.
    /// - Throws: `DeskError.invalidValue` naming the missing one.
    static func coordinates(_ latitude: Double?, _ longitude: Double?) throws(DeskError) -> Coordinates? {
        switch (latitude, longitude) {
        case (let latitude?, let longitude?): return Coordinates(latitude: latitude, longitude: longitude)
        case (nil, nil): return nil
        case (nil, _):
            throw .invalidValue(field: "latitude", expected: "degrees north with the longitude, or neither", found: "")
        case (_, nil):
            throw .invalidValue(field: "longitude", expected: "degrees east with the latitude, or neither", found: "")
        }
    }
}

/// What a person supplies to set a travel time the staff know better than the estimate (`POST /travel`).
public struct TravelTimeInput: Decodable, Sendable, Equatable {
    /// Where the leg starts.
    public var from: String
    /// Where it ends.
    public var to: String
    /// How long, door to door (`1h30m`).
    public var time: String
    /// Whether it holds one way only (both ways when missing, as in scenario files).
    public var oneWay: Bool?

    /// The input as typed.
    public init(from: String, to: String, time: String, oneWay: Bool? = nil) {
        self.from = from
        self.to = to
        self.time = time
        self.oneWay = oneWay
    }

    /// The commands it asks for: the leg, and the way back unless `one_way`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func commands() throws(DeskError) -> [DeskCommand] {
        let minutes = try Minutes.parse(time, field: "time")
        let there = TravelOverride(from: Venue.ID(from), to: Venue.ID(to), time: minutes)
        guard oneWay != true else { return [.setTravelTime(there)] }
        return [.setTravelTime(there), .setTravelTime(TravelOverride(from: there.to, to: there.from, time: minutes))]
    }
}
