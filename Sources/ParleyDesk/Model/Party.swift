/// A government or organisation: United States, DPRK, ROK, PRC.
public struct Party: Hashable, Sendable, Codable, Identifiable {
    /// A party's id (`us`, `dprk`).
    public typealias ID = Identifier<Party>
    /// The slug that names it.
    public var id: ID
    /// Its name as people write it.
    public var name: String

    /// A party with an id and a name.
    public init(id: ID, name: String) {
        self.id = id
        self.name = name
    }
}
