import Foundation
import Hummingbird
import ParleyDesk
import ParleyPlanner
import ParleyStore

extension DeskServer {
    /// Trip `id`'s planning problem on `state`; 404 when the desk has no such trip.
    func tripProblem(_ id: String, _ state: DeskState) throws -> TripProblem {
        guard state.trips[Trip.ID(id)] != nil else { throw HTTPError(.notFound, message: "no trip '\(id)'") }
        return try TripProblem(trip: Trip.ID(id), in: state)
    }

    /// Plans trip `trip` of `desk` and records the itinerary for `actor`: the one step the web desk's
    /// "Re-plan" button and the API's `POST …/trips/{id}/plan` share.
    ///
    /// Planned over the whole desk: a meeting hidden from this planner still takes the principal's time.
    /// They see the itinerary redacted like everything else, and a conflict names only what they may see.
    /// - Throws: `TripPlanningError` when nothing fits; `HTTPError` 404 for an unknown trip; what the
    ///   write path throws.
    @discardableResult
    func planTrip(
        _ trip: String, on desk: String, actor: String, as clearance: Clearance, expectedVersion: Int64?,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws -> WriteOutcome {
        let (state, _) = try await load(desk, as: .all)
        let problem = try tripProblem(trip, state)
        let options = PlannerOptions(
            seed: 1, timeLimit: configuration.planSeconds, clock: elapsed,
            warmStart: state.itineraries[problem.trip.id].map(problem.warmStart(from:)))
        var conflicting: [String] = []
        var solved: PlanningSolution?
        do {
            solved = try problem.solve(options: options)
        } catch {
            // `solve` throws only `TripPlanningError`.
            guard !error.conflicting.isEmpty else { throw error }
            conflicting = error.conflicting
        }
        guard let solution = solved else {
            throw try await conflict(conflicting, on: problem.trip.id, of: desk, as: clearance)
        }
        let itinerary = problem.itinerary(from: solution, plannedAt: ZonedTime(now, zone: state.zone), in: state)
        return try await execute(
            .recordItinerary(itinerary), on: desk, actor: actor, expectedVersion: expectedVersion, as: clearance,
            idempotencyKey: idempotencyKey)
    }

    /// A conflict named for its asker: only the commitments and meetings they may see.
    private func conflict(_ refs: [String], on trip: Trip.ID, of desk: String, as clearance: Clearance) async throws
        -> TripPlanningError
    {
        let seen = try await load(desk, as: clearance).state
        let commitments = seen.trips[trip]?.commitments ?? []
        return TripPlanningError.infeasible(
            refs.compactMap { ref in
                seen.engagements[Engagement.ID(ref)].map { (ref, $0.title) }
                    ?? commitments.first { $0.id.rawValue == ref }.map { (ref, $0.title) }
            })
    }
}
