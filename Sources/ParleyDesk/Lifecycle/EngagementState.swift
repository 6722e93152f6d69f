/// Where an engagement stands: `idea → exploring → outreach → in contact → planning → proposed →
/// confirmed → held`, or it leaves the path `declined`, `postponed` or `abandoned` (and may be revived).
public enum EngagementState: String, CaseIterable, Codable, Sendable, Comparable {
    case idea
    case exploring
    case outreach
    case inContact = "in-contact"
    case planning
    case proposed
    case confirmed
    case held
    case declined
    case postponed
    case abandoned

    /// The forward path, in order.
    public static let path: [EngagementState] = [
        .idea, .exploring, .outreach, .inContact, .planning, .proposed, .confirmed, .held,
    ]

    /// The ways an engagement can end before it is held.
    public static let exits: [EngagementState] = [.declined, .postponed, .abandoned]

    /// The states this one may move to (docs/adr/0003-engagement-lifecycle.md).
    ///
    /// Along the path any later state: one step, or a jump when the other side's answer makes the steps
    /// between moot. From a path state before `held`, any exit. From an exit (a cancellation, a refusal,
    /// a postponement) any path state before `held`, which revives it, or another exit. `held` is final.
    public var allowedTargets: [EngagementState] {
        if Self.exits.contains(self) {
            return Self.path.filter { $0 != .held } + Self.exits.filter { $0 != self }
        }
        guard let index = Self.path.firstIndex(of: self), self != .held else { return [] }
        return Array(Self.path[(index + 1)...]) + Self.exits
    }

    /// Whether the lifecycle allows moving from this state to `target`.
    public func canMove(to target: EngagementState) -> Bool { allowedTargets.contains(target) }

    /// Whether no further move is possible (only `held`).
    public var isFinal: Bool { allowedTargets.isEmpty }

    /// Whether this is one of the exits (`declined`, `postponed`, `abandoned`).
    public var isExit: Bool { Self.exits.contains(self) }

    /// The path states a forward move from this state to `target` passes over without stopping (empty
    /// for a single step, a revival or an exit).
    public func skipped(movingTo target: EngagementState) -> [EngagementState] {
        guard let from = Self.path.firstIndex(of: self), let to = Self.path.firstIndex(of: target), to > from + 1
        else { return [] }
        return Array(Self.path[(from + 1)..<to])
    }

    /// The words a person reads: `in contact` rather than `in-contact`.
    public var label: String { self == .inContact ? "in contact" : rawValue }

    /// Orders states as listed: the path first, then the exits.
    public static func < (lhs: EngagementState, rhs: EngagementState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
