/// Where an engagement stands: `idea → exploring → outreach → in contact → planning → proposed →
/// confirmed → held`, or it ends `declined`, `postponed` or `abandoned`.
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

    /// The states this one may move to: the next step of the path, or any exit while not yet held.
    ///
    /// The lifecycle is exactly the one in DESIGN.md; see docs/adr/0003-engagement-lifecycle.md.
    public var allowedTargets: [EngagementState] {
        guard let index = Self.path.firstIndex(of: self), self != .held else { return [] }
        return [Self.path[index + 1]] + Self.exits
    }

    /// Whether the lifecycle allows moving from this state to `target`.
    public func canMove(to target: EngagementState) -> Bool { allowedTargets.contains(target) }

    /// Whether no further move is possible.
    public var isFinal: Bool { allowedTargets.isEmpty }

    /// The words a person reads: `in contact` rather than `in-contact`.
    public var label: String { self == .inContact ? "in contact" : rawValue }

    /// Orders states as listed: the path first, then the exits.
    public static func < (lhs: EngagementState, rhs: EngagementState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
