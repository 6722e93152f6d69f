/// Work that must be done at a venue before a meeting there: how long it takes, how far ahead it must
/// finish, and what it waits for.
public struct AdvanceTask: Hashable, Sendable, Codable, Identifiable {
    /// A task's id.
    public typealias ID = Identifier<AdvanceTask>
    /// The slug that names it.
    public var id: ID
    /// What it is.
    public var title: String
    /// Its kind.
    public var kind: TaskKind
    /// The engagement it prepares.
    public var engagement: Engagement.ID
    /// Where the work happens.
    public var venue: Venue.ID
    /// How long the work takes.
    public var duration: Minutes
    /// How long before the meeting it must be finished.
    public var leadTime: Minutes
    /// The tasks that must be done first.
    public var dependsOn: [ID]
    /// Who does it (a person or a team), if anyone is named.
    public var owner: String?
    /// How far it has got.
    public var status: TaskStatus
    /// When the status last changed, if it ever did.
    public var statusAt: ZonedTime?

    /// A task not yet started.
    public init(
        id: ID, title: String, kind: TaskKind, engagement: Engagement.ID, venue: Venue.ID, duration: Minutes,
        leadTime: Minutes, dependsOn: [ID], owner: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.engagement = engagement
        self.venue = venue
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
        self.owner = owner
        self.status = .pending
        self.statusAt = nil
    }
}
