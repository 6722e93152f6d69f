/// One move of an engagement through its lifecycle: who moved it, when, and why.
public struct EngagementTransition: Hashable, Sendable, Codable {
    /// The state it left.
    public var from: EngagementState
    /// The state it entered.
    public var to: EngagementState
    /// When.
    public var at: ZonedTime
    /// Who decided or reported the move.
    public var by: String
    /// Why.
    public var reason: String

    /// A move from one state to another.
    public init(from: EngagementState, to: EngagementState, at: ZonedTime, by: String, reason: String) {
        self.from = from
        self.to = to
        self.at = at
        self.by = by
        self.reason = reason
    }
}
