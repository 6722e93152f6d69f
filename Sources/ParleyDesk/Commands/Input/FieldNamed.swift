/// An input whose fields have names a body or form may use, as scenario files spell them; anything else
/// in a body is refused by name instead of being quietly dropped.
public protocol FieldNamed {
    /// The fields it takes, snake-cased.
    static var fieldNames: [String] { get }
    /// The fields each item of a list field takes (`steps`: `channel`, `wait`, `repeat`).
    static var itemFieldNames: [String: [String]] { get }
}

extension FieldNamed {
    /// No list of objects by default.
    public static var itemFieldNames: [String: [String]] { [:] }
}

extension DeskInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["name", "title", "zone"]
}

extension PartyInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "name"]
}

extension PrincipalInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "name", "title", "party"]
}

extension VenueInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "name", "city", "latitude", "longitude", "zone"]
}

extension TravelTimeInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["from", "to", "time", "one_way"]
}

extension TripInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "title", "principal", "stays", "commitments"]
    /// A stay's and a commitment's fields.
    public static let itemFieldNames = [
        "stays": ["venue", "lodging", "from", "to"], "commitments": ["id", "title", "venue", "start", "end"],
    ]
}

extension EngagementInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = [
        "id", "title", "principals", "counterpart", "purpose", "priority", "trip", "duration", "venues", "windows",
        "compartment", "opened",
    ]
    /// A window's fields.
    public static let itemFieldNames = ["windows": ["from", "to"]]
}

extension ChannelInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "name", "kind", "party", "via", "status"]
}

extension TaskInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = [
        "id", "title", "kind", "engagement", "venue", "duration", "lead_time", "depends_on", "owner",
    ]
}

extension PlaybookInput: FieldNamed {
    /// The fields it takes.
    public static let fieldNames = ["id", "name", "engagement", "steps"]
    /// A step's fields.
    public static let itemFieldNames = ["steps": ["channel", "wait", "repeat"]]
}
