import ParleyPlanner

/// A trip the planner could not plan, said in the trip's own terms.
public struct TripPlanningError: CategorizedError {
    /// One line naming what could not be scheduled.
    public let message: String
    /// Whether the trip (user data) or Parley is at fault.
    public let category: ErrorCategory
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
            let names = conflicting.map { "\(items[$0].title) (\(items[$0].ref))" }.joined(separator: ", ")
            throw TripPlanningError(
                message: "these fixed commitments and confirmed meetings cannot all be scheduled: \(names)",
                category: .user)
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
