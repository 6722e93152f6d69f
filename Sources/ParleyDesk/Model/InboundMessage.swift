/// A message from the other side, or from an intermediary for it: a call on the hotline, a letter handed
/// over, a statement addressed to our principal on state media.
///
/// Our own tries at reaching them are `ContactAttempt`s; this is what comes back, or comes unasked.
public struct InboundMessage: Hashable, Sendable, Codable, Identifiable {
    /// A message's id.
    public typealias ID = Identifier<InboundMessage>
    /// The slug that names it.
    public var id: ID
    /// The engagement it concerns, if any.
    public var engagement: Engagement.ID?
    /// The channel it came on, if it came on one of the desk's channels.
    public var channel: Channel.ID?
    /// Who sent it: the counterpart, or an intermediary speaking for it.
    public var from: Party.ID
    /// When it was sent or received.
    public var at: ZonedTime
    /// What it says, in the desk's words.
    public var summary: String
    /// The words themselves, if quoted.
    public var quote: String?
    /// The sender's stance on the meeting, as the message shows it.
    public var stance: Stance
    /// What it asks of us (an answer by a time, a proposal), if anything.
    public var asks: String?

    /// A message received.
    public init(
        id: ID, engagement: Engagement.ID?, channel: Channel.ID?, from: Party.ID, at: ZonedTime, summary: String,
        quote: String?, stance: Stance, asks: String?
    ) {
        self.id = id
        self.engagement = engagement
        self.channel = channel
        self.from = from
        self.at = at
        self.summary = summary
        self.quote = quote
        self.stance = stance
        self.asks = asks
    }
}
