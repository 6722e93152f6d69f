import Foundation
import ParleyPlanner

/// A trip the planner could not plan, said in the trip's own terms.
public struct TripPlanningError: CategorizedError {
    /// One line naming what could not be scheduled, and what would make it fit.
    public let message: String
    /// Whether the trip (user data) or Parley is at fault.
    public let category: ErrorCategory
    /// The ids of the commitments and meetings that cannot all be scheduled, when that is the trouble.
    public var conflicting: [String] = []
    /// The single changes that would make them fit, smallest first.
    public var waysOut: [TripWayOut] = []

    /// The refusal for commitments and meetings that cannot all be scheduled, named by title and id, with
    /// the ways out.
    public static func infeasible(_ items: [(ref: String, title: String)], waysOut: [TripWayOut] = [])
        -> TripPlanningError
    {
        let names = items.map { "\($0.title) (\($0.ref))" }.joined(separator: ", ")
        let remedy =
            waysOut.isEmpty
            ? "" : ". It would fit if " + waysOut.map(\.text).joined(separator: ", or if ")
        return TripPlanningError(
            message: "these fixed commitments and confirmed meetings cannot all be scheduled"
                + (names.isEmpty ? "" : ": \(names)") + remedy,
            category: .user, conflicting: items.map(\.ref), waysOut: waysOut)
    }
}

/// One change that would let a trip's fixed commitments and confirmed meetings all fit, in words.
public struct TripWayOut: Sendable, Equatable {
    /// What would have to change ("the journey from Gyeongju to Panmunjom is 40m shorter").
    public let text: String
    /// The commitments and meetings it names (so it is shown only to those who may see them).
    public let refs: [String]
    /// The change in the planner's terms (minutes).
    public let change: WayOut.Change
}

extension TripProblem {
    /// Runs the planner and checks its answer independently.
    /// - Throws: `TripPlanningError` naming the fixed commitments and confirmed meetings that cannot all
    ///   be scheduled and the ways out, or (an internal error) an answer the checker rejects.
    public func solve(options: PlannerOptions) throws(TripPlanningError) -> PlanningSolution {
        let solution: PlanningSolution
        do {
            solution = try Planner.solve(problem, options: options)
        } catch .infeasible(let conflicting) {
            throw .infeasible(conflicting.map { (items[$0].ref, items[$0].title) }, waysOut: waysOut(conflicting))
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

    /// The planner's ways out of a conflict among `conflicting`, each kept only when the independent
    /// checker accepts its witness schedule on the changed trip, in words.
    public func waysOut(_ conflicting: [Int]) -> [TripWayOut] {
        Planner.waysOut(of: problem, conflicting: conflicting).compactMap { way in
            guard PlanChecker.violations(of: way.witness, in: way.change.applied(to: problem)).isEmpty else {
                return nil
            }
            return describe(way.change)
        }
    }

    private func describe(_ change: WayOut.Change) -> TripWayOut {
        func amount(_ value: Double) -> Minutes { Minutes(Int(saturating: value.rounded(.up))) }
        func place(_ location: Int) -> String {
            locations.indices.contains(location) ? locations[location].name : "location \(location)"
        }
        func title(_ item: Int) -> String { items.indices.contains(item) ? items[item].title : "item \(item)" }
        /// Where a fixed item would start, in its venue's zone: the time a staff would propose.
        func newTime(_ item: Int, _ delta: Double) -> String {
            guard problem.items.indices.contains(item), let pin = problem.items[item].pin,
                let venue = locations.first(where: { $0.id == items[item].venue })
            else { return "" }
            let start = reference.addingTimeInterval((pin.start + delta) * 60)
            return ", to \(ZonedTime(start, zone: venue.zone).display)"
        }
        let refs = change.items.compactMap { items.indices.contains($0) ? items[$0].ref : nil }
        let text: String
        switch change {
        case .shorterTravel(let from, let to, let by):
            text = "the journey from \(place(from)) to \(place(to)) is \(amount(by)) shorter"
        case .shorterTravelBothWays(let a, let b, let by):
            text = "the journey between \(place(a)) and \(place(b)) is \(amount(by)) shorter each way"
        case .later(let item, let by):
            text = "\(title(item)) moves \(amount(by)) later" + newTime(item, by)
        case .earlier(let item, let by):
            text = "\(title(item)) moves \(amount(by)) earlier" + newTime(item, -by)
        case .shorterVisit(let item, let by):
            text = "\(title(item)) is \(amount(by)) shorter"
        }
        return TripWayOut(text: text, refs: refs, change: change)
    }
}
