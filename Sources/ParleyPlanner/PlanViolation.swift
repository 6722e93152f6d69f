/// One way a solution breaks the problem's rules, as the independent checker finds it.
public enum PlanViolation: Equatable, Sendable, CustomStringConvertible {
    /// The solution has a different number of routes than the problem has tours.
    case routeCount(expected: Int, found: Int)
    /// An item index that the problem does not have.
    case unknownItem(tour: Int, item: Int)
    /// An item visited more than once.
    case visitedTwice(item: Int)
    /// A recorded time does not match the recomputed one (arrival after travel, departure after service).
    case timeMismatch(tour: Int, item: Int, field: String, recorded: Double, recomputed: Double)
    /// Service starts before the tour can arrive.
    case startsBeforeArrival(tour: Int, item: Int)
    /// Service starts outside every window of the item.
    case outsideWindows(tour: Int, item: Int, start: Double)
    /// The tour starts before its earliest start or returns after its latest end.
    case budgetExceeded(tour: Int, returnsAt: Double, latestEnd: Double)
    /// A pinned item is not on its tour or not at its start time.
    case pinMoved(item: Int)
    /// A mandatory or pinned item is missing.
    case mandatoryMissing(item: Int)
    /// Two items of the same group are both visited.
    case groupVisitedTwice(group: Int)

    /// One line describing the violation.
    public var description: String {
        switch self {
        case .routeCount(let expected, let found): "expected \(expected) routes, found \(found)"
        case .unknownItem(let tour, let item): "tour \(tour) visits unknown item \(item)"
        case .visitedTwice(let item): "item \(item) is visited more than once"
        case .timeMismatch(let tour, let item, let field, let recorded, let recomputed):
            "tour \(tour), item \(item): \(field) recorded \(recorded), recomputed \(recomputed)"
        case .startsBeforeArrival(let tour, let item): "tour \(tour), item \(item): service starts before arrival"
        case .outsideWindows(let tour, let item, let start):
            "tour \(tour), item \(item): start \(start) is outside its windows"
        case .budgetExceeded(let tour, let returnsAt, let latestEnd):
            "tour \(tour) returns at \(returnsAt), after its latest end \(latestEnd)"
        case .pinMoved(let item): "pinned item \(item) is not on its tour at its start time"
        case .mandatoryMissing(let item): "mandatory item \(item) is not visited"
        case .groupVisitedTwice(let group): "more than one item of group \(group) is visited"
        }
    }
}
