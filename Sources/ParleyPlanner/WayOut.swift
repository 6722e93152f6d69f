/// One change to an infeasible problem under which its mandatory and pinned items can all be scheduled,
/// with the schedule that proves it.
public struct WayOut: Sendable, Equatable {
    /// What changes, and by how much (in the problem's time unit).
    public enum Change: Sendable, Equatable {
        /// Travel from location `from` to location `to` takes `by` less.
        case shorterTravel(from: Int, to: Int, by: Double)
        /// Travel between locations `between` and `and` takes `by` less, both ways.
        case shorterTravelBothWays(between: Int, and: Int, by: Double)
        /// The item starts `by` later: its windows move, and its pinned start, onto the tour whose span
        /// holds the new start (if any).
        case later(item: Int, by: Double)
        /// The item starts `by` earlier.
        case earlier(item: Int, by: Double)
        /// The item's visit lasts `by` less.
        case shorterVisit(item: Int, by: Double)

        /// How much it asks for.
        public var amount: Double {
            switch self {
            case .shorterTravel(_, _, let by), .shorterTravelBothWays(_, _, let by), .later(_, let by),
                .earlier(_, let by), .shorterVisit(_, let by):
                by
            }
        }

        /// The items it changes (none for travel).
        public var items: [Int] {
            switch self {
            case .later(let item, _), .earlier(let item, _), .shorterVisit(let item, _): [item]
            case .shorterTravel, .shorterTravelBothWays: []
            }
        }
    }

    /// The change.
    public var change: Change
    /// The mandatory and pinned items scheduled under the change: a witness anyone can check with
    /// `PlanChecker.violations(of: witness, in: change.applied(to: problem))`.
    public var witness: PlanningSolution

    /// A way out and its witness.
    public init(change: Change, witness: PlanningSolution) {
        self.change = change
        self.witness = witness
    }
}

extension WayOut.Change {
    /// `problem` with this change made (travel never below 0; a visit never shorter than 0; a moved pinned
    /// item pinned to the tour whose span holds its new start, else to its old tour).
    public func applied(to problem: PlanningProblem) -> PlanningProblem {
        var changed = problem
        func shift(_ item: Int, _ delta: Double) {
            guard changed.items.indices.contains(item) else { return }
            changed.items[item].windows = changed.items[item].windows.map {
                ($0.lowerBound + delta)...($0.upperBound + delta)
            }
            if let pin = changed.items[item].pin {
                // Moved onto another tour's span, it belongs to that tour, as a new fixed time would.
                let start = pin.start + delta
                let tour = changed.tours.indices.first {
                    changed.tours[$0].earliestStart <= start && start <= changed.tours[$0].latestEnd
                }
                changed.items[item].pin = (tour ?? pin.tour, start)
            }
        }
        func shorten(_ from: Int, _ to: Int, _ by: Double) {
            guard changed.travel.indices.contains(from), changed.travel[from].indices.contains(to) else { return }
            changed.travel[from][to] = max(0, changed.travel[from][to] - by)
        }
        switch self {
        case .shorterTravel(let from, let to, let by):
            shorten(from, to, by)
        case .shorterTravelBothWays(let a, let b, let by):
            shorten(a, b, by)
            shorten(b, a, by)
        case .later(let item, let by):
            shift(item, by)
        case .earlier(let item, let by):
            shift(item, -by)
        case .shorterVisit(let item, let by):
            if changed.items.indices.contains(item) {
                changed.items[item].duration = max(0, changed.items[item].duration - by)
            }
        }
        return changed
    }
}
