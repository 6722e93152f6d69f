import ParleyPlanner

/// A trip the planner could not plan, said in the trip's own terms.
public struct TripPlanningError: CategorizedError {
    /// One line naming what could not be scheduled.
    public let message: String
    /// Whether the trip (user data) or Parley is at fault.
    public let category: ErrorCategory
    /// The ids of the commitments and meetings that cannot all be scheduled, when that is the trouble.
    public var conflicting: [String] = []

    /// The refusal for commitments and meetings that cannot all be scheduled, named by title and id.
    public static func infeasible(_ items: [(ref: String, title: String)]) -> TripPlanningError {
        let names = items.map { "\($0.title) (\($0.ref))" }.joined(separator: ", ")
        return TripPlanningError(
            message: "these fixed commitments and confirmed meetings cannot all be scheduled"
                + (names.isEmpty ? "" : ": \(names)"),
            category: .user, conflicting: items.map(\.ref))
    }
}

extension TripProblem {
    /// Runs the planner and checks its answer independently.
    /// - Throws: `TripPlanningError` naming the fixed commitments and confirmed meetings that cannot all
    ///   be scheduled, or (an internal error) an answer the checker rejects.
    public func solve(options: PlannerOptions) throws(TripPlanningError) -> PlanningSolution {
        let solution: PlanningSolution
        do {
            solution = try Planner.solve(problem, options: options)
        } catch .infeasible(let conflicting) {
            throw .infeasible(conflicting.map { (items[$0].ref, items[$0].title) })
        } catch {
            throw TripPlanningError(message: "the planner refused the trip: \(error)", category: .internal)
        }
        let violations = PlanChecker.violations(of: solution, in: problem)
        guard violations.isEmpty else {
            throw TripPlanningError(
                message: "the planner's answer failed the independent check: \(violations[0])", category: .internal)
        }
        return solution
    }
}
