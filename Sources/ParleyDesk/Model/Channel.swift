/// A way to reach a party: a hotline, a letter, a loudspeaker at the border, a third country.
public struct Channel: Hashable, Sendable, Codable, Identifiable {
    /// A channel's id (`dmz-hotline`).
    public typealias ID = Identifier<Channel>
    /// The slug that names it.
    public var id: ID
    /// What people call it.
    public var name: String
    /// What kind of channel it is.
    public var kind: ChannelKind
    /// The party it reaches.
    public var party: Party.ID
    /// For an intermediary: the third party that carries messages.
    public var via: Party.ID?
    /// Its status when first recorded.
    public var initialStatus: ChannelStatus
    /// Every change of status since, oldest first.
    public var changes: [ChannelStatusChange]

    /// A channel as first recorded.
    public init(
        id: ID, name: String, kind: ChannelKind, party: Party.ID, via: Party.ID? = nil, status: ChannelStatus
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.party = party
        self.via = via
        self.initialStatus = status
        self.changes = []
    }

    /// Its status now.
    public var status: ChannelStatus { changes.last?.to ?? initialStatus }
}
