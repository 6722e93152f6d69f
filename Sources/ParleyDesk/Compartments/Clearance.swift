/// What a reader of a desk is cleared to see: every compartment, or only some.
public enum Clearance: Hashable, Sendable {
    /// Everything (the desk's own timers, the command line working on the store directly).
    case all
    /// Engagements outside any compartment, and those in these compartments.
    case only(Set<Compartment.ID>)

    /// Cleared for no compartment: sees only engagements that are in none.
    public static let uncompartmented = Clearance.only([])

    /// Whether an engagement in `compartment` (nil: in none) may be seen.
    public func admits(_ compartment: Compartment.ID?) -> Bool {
        guard let compartment else { return true }
        switch self {
        case .all: return true
        case .only(let cleared): return cleared.contains(compartment)
        }
    }

    /// Whether this clearance admits every one of `compartments`.
    public func admitsAll(_ compartments: Set<Compartment.ID>) -> Bool {
        switch self {
        case .all: true
        case .only(let cleared): compartments.isSubset(of: cleared)
        }
    }
}
