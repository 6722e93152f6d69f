/// The planner's answer: the visits of every tour in order, and why each left-out item was left out.
public struct PlanningSolution: Sendable, Equatable {
    /// For each tour, its visits in order.
    public var routes: [[Visit]]
    /// For each optional item not visited, why.
    public var omissions: [Int: OmissionReason]
    /// Whether an exhaustive search showed that no itinerary scores higher (small problems only); false
    /// when the answer is the best a time- or iteration-bounded search found.
    public var provenBest = false

    /// A solution of routes and omissions.
    public init(routes: [[Visit]], omissions: [Int: OmissionReason]) {
        self.routes = routes
        self.omissions = omissions
    }
}

/// One visit on a tour: which item, and when the principal arrives, starts and leaves.
public struct Visit: Sendable, Equatable {
    /// The item visited (its index in the problem).
    public var item: Int
    /// When the tour reaches the item's location.
    public var arrival: Double
    /// When the visit begins (after any wait for the window).
    public var start: Double
    /// When the visit ends and travel on resumes.
    public var departure: Double

    /// A visit of an item.
    public init(item: Int, arrival: Double, start: Double, departure: Double) {
        self.item = item
        self.arrival = arrival
        self.start = start
        self.departure = departure
    }
}

/// Why an optional item is not in the solution, in terms a planner can act on.
public enum OmissionReason: Sendable, Equatable {
    /// No tour can reach any of its windows in time.
    case noWindowReachable
    /// It cannot fit beside the named mandatory or pinned item; at its best place among the mandatory
    /// and pinned items (on `tour`) it lacks `shortBy` of time.
    case clashesWith(item: Int, tour: Int, shortBy: Double)
    /// The named tour lacks this much time to include it.
    case budgetExhausted(tour: Int, shortBy: Double)
}

extension PlanningSolution {
    /// The total score of the visited items.
    public func score(in problem: PlanningProblem) -> Double {
        routes.joined().reduce(0) { $0 + problem.items[$1.item].score }
    }

    /// The visited item indices, in tour order.
    public var visitedItems: [Int] { routes.flatMap { $0.map(\.item) } }
}
