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

    /// What kind of move this was, in words, when it was more than one step forward or an exit:
    /// `skipping in contact, planning`, `revived`; empty for an ordinary move.
    public var kind: String {
        if from.isExit && !to.isExit { return "revived" }
        let skipped = from.skipped(movingTo: to)
        return skipped.isEmpty ? "" : "skipping " + skipped.map(\.label).joined(separator: ", ")
    }
}
