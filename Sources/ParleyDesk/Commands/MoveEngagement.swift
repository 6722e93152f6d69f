/// Move an engagement to another lifecycle state, saying who, when and why.
public struct MoveEngagement: Sendable, Equatable {
    /// Which engagement.
    public var engagement: Engagement.ID
    /// The state to move to.
    public var to: EngagementState
    /// When the move happened.
    public var at: ZonedTime
    /// Who made or reported it.
    public var by: String
    /// Why.
    public var reason: String
    /// On confirmation, the slot both sides agreed, if known.
    public var slot: SlotTerms?

    /// A move request.
    public init(
        engagement: Engagement.ID, to: EngagementState, at: ZonedTime, by: String, reason: String,
        slot: SlotTerms? = nil
    ) {
        self.engagement = engagement
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
        self.slot = slot
    }
}
