/// Why the planner could not answer.
public enum PlanningError: Error, Equatable, Sendable {
    /// The problem itself is malformed (an index out of range, a window that closes before it opens).
    case invalidProblem(String)
    /// The mandatory and pinned items cannot all be scheduled; `conflicting` is a small set of them
    /// that cannot be scheduled together.
    case infeasible(conflicting: [Int])
    /// Neither an iteration limit nor a time limit with a clock was given, so the search would not stop.
    case noLimit
}
