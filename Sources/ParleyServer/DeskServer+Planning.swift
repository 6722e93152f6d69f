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
        var refused: TripPlanningError?
        var solved: PlanningSolution?
        do {
            solved = try problem.solve(options: options)
        } catch {
            // `solve` throws only `TripPlanningError`.
            guard !error.conflicting.isEmpty else { throw error }
            refused = error
        }
        guard let solution = solved else {
            throw try await conflict(refused!, on: problem.trip.id, of: desk, as: clearance)
        }
        let itinerary = problem.itinerary(from: solution, plannedAt: ZonedTime(now, zone: state.zone), in: state)
        return try await execute(
            .recordItinerary(itinerary), on: desk, actor: actor, expectedVersion: expectedVersion, as: clearance,
            idempotencyKey: idempotencyKey)
    }

    /// A conflict named for its asker: only the commitments and meetings they may see, and only the ways
    /// out that name nothing else (and no journey, unless they see every conflicting item).
    private func conflict(_ refused: TripPlanningError, on trip: Trip.ID, of desk: String, as clearance: Clearance)
        async throws -> TripPlanningError
    {
        let seen = try await load(desk, as: clearance).state
        let commitments = seen.trips[trip]?.commitments ?? []
        func title(_ ref: String) -> String? {
            seen.engagements[Engagement.ID(ref)]?.title ?? commitments.first { $0.id.rawValue == ref }?.title
        }
        // A journey's way out could point at a hidden meeting's venue: shown only when nothing is hidden.
        let seesAll = refused.conflicting.allSatisfy { title($0) != nil }
        return TripPlanningError.infeasible(
            refused.conflicting.compactMap { ref in title(ref).map { (ref, $0) } },
            waysOut: refused.waysOut.filter { way in
                way.refs.allSatisfy { title($0) != nil } && (seesAll || !way.refs.isEmpty)
            })
    }
}
