/// A person whose meetings are planned; belongs to a party.
public struct Principal: Hashable, Sendable, Codable, Identifiable {
    /// A principal's id.
    public typealias ID = Identifier<Principal>
    /// The slug that names them.
    public var id: ID
    /// Their name.
    public var name: String
    /// Their office (`President of the United States`).
    public var title: String
    /// The party they belong to.
    public var party: Party.ID

    /// A principal of a party.
    public init(id: ID, name: String, title: String, party: Party.ID) {
        self.id = id
        self.name = name
        self.title = title
        self.party = party
    }
}
