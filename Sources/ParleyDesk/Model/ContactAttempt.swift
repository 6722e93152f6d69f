/// One try at reaching a party on a channel, and what came of it.
public struct ContactAttempt: Hashable, Sendable, Codable, Identifiable {
    /// An attempt's id.
    public typealias ID = Identifier<ContactAttempt>
    /// The slug that names it.
    public var id: ID
    /// The channel used.
    public var channel: Channel.ID
    /// The engagement it was for, if any.
    public var engagement: Engagement.ID?
    /// When it was sent or made.
    public var at: ZonedTime
    /// What came of it.
    public var outcome: AttemptOutcome
    /// What was said or happened.
    public var note: String

    /// An attempt on a channel.
    public init(
        id: ID, channel: Channel.ID, engagement: Engagement.ID?, at: ZonedTime, outcome: AttemptOutcome, note: String
    ) {
        self.id = id
        self.channel = channel
        self.engagement = engagement
        self.at = at
        self.outcome = outcome
        self.note = note
    }
}
