/// Looks for the smallest single changes that make an infeasible problem's mandatory and pinned items fit:
/// a shorter journey, a visit moved or shortened.
///
/// Each candidate change is sized by search over its amount, each trial a fresh placement of every
/// required item (not only the conflicting ones, so a way out never makes a new conflict elsewhere).
/// Shortening is monotone (arriving earlier never hurts when waiting is allowed), so it is bisected;
/// moving is not, so it is scanned in steps and then refined. A leg or a visit is never cut by more than
/// half, and nothing moves by more than `longestMove`: changes beyond those are not ways a staff can take.
struct WayOutSearch {
    let problem: PlanningProblem
    let conflicting: [Int]
    /// The smallest amount told apart (the problem's time unit).
    let resolution: Double
    /// The furthest an item is moved.
    let longestMove: Double
    /// Trial placements left, 3 000 at the start.
    ///
    /// Every trial places every required item, so a large or hostile problem (hundreds of venues or
    /// commitments) must not make a refusal take minutes. What is found by the time it runs out is answered.
    private let budget = Budget(trials: 3_000)

    /// A count shared by the search's steps.
    private final class Budget {
        var trials: Int
        init(trials: Int) { self.trials = trials }
    }

    init(problem: PlanningProblem, conflicting: [Int], resolution: Double, longestMove: Double) {
        self.problem = problem
        self.conflicting = conflicting
        self.resolution = resolution
        self.longestMove = longestMove
    }

    /// The ways out found, smallest first within each kind, at most `limit`.
    func waysOut(limit: Int) -> [WayOut] {
        var found: [WayOut] = []
        for item in conflicting where problem.items.indices.contains(item) {
            if let way = smallestMove({ .later(item: item, by: $0) }) { found.append(way) }
            if let way = smallestMove({ .earlier(item: item, by: $0) }) { found.append(way) }
            let duration = problem.items[item].duration
            if let way = smallestCut(limit: duration / 2, { .shorterVisit(item: item, by: $0) }) {
                found.append(way)
            }
        }
        let places = locations()
        for a in places {
            for b in places where a < b {
                var single: [WayOut] = []
                for (from, to) in [(a, b), (b, a)] where problem.travel[from][to] > 0 {
                    if let way = smallestCut(
                        limit: problem.travel[from][to] / 2, { .shorterTravel(from: from, to: to, by: $0) })
                    {
                        single.append(way)
                    }
                }
                if single.isEmpty {
                    let leg = min(problem.travel[a][b], problem.travel[b][a])
                    if leg > 0,
                        let way = smallestCut(limit: leg / 2, { .shorterTravelBothWays(between: a, and: b, by: $0) })
                    {
                        single.append(way)
                    }
                }
                found += single
            }
        }
        // Smallest first; equal amounts in the order found (the conflicting items' order, then journeys).
        let ranked = found.enumerated().sorted {
            ($0.element.change.amount, $0.offset) < ($1.element.change.amount, $1.offset)
        }
        return ranked.prefix(limit).map(\.element)
    }

    /// The locations a way out may shorten the journeys between: where the conflicting items are, and
    /// where the tours they could be on start and end.
    private func locations() -> [Int] {
        var places = Set<Int>()
        for item in conflicting where problem.items.indices.contains(item) {
            places.insert(problem.items[item].location)
            let tours = problem.items[item].pin.map { [$0.tour] } ?? Array(problem.tours.indices)
            for tour in tours where problem.tours.indices.contains(tour) {
                places.insert(problem.tours[tour].start)
                places.insert(problem.tours[tour].end)
            }
        }
        return places.sorted()
    }

    /// The least cut in `0 < by ≤ limit` that fits, to `resolution`, or nil when even `limit` does not.
    private func smallestCut(limit: Double, _ change: (Double) -> WayOut.Change) -> WayOut? {
        guard limit >= resolution, var best = attempt(change(limit)) else { return nil }
        var low = 0.0  // does not fit (the problem as it is)
        var high = limit
        while high - low > resolution {
            let middle = ((low + high) / 2 / resolution).rounded(.up) * resolution
            guard middle < high else { break }
            if let way = attempt(change(middle)) {
                best = way
                high = middle
            } else {
                low = middle
            }
        }
        return best
    }

    /// The least move `moved(by)` that fits, to `resolution`: scanned in steps of fifteen, then refined
    /// within the step that first fits.
    private func smallestMove(_ moved: (Double) -> WayOut.Change) -> WayOut? {
        let step = 15 * resolution
        var by = step
        while by <= longestMove {
            if let coarse = attempt(moved(by)) {
                var fine = by - step + resolution
                while fine < by {
                    if let way = attempt(moved(fine)) { return way }
                    fine += resolution
                }
                return coarse
            }
            by += step
        }
        return nil
    }

    /// The change with its witness when every required item can be placed under it.
    private func attempt(_ change: WayOut.Change) -> WayOut? {
        guard budget.trials > 0 else { return nil }
        budget.trials -= 1
        let changed = change.applied(to: problem)
        guard let compiled = try? CompiledProblem(changed) else { return nil }
        let required = (0..<compiled.itemCount).filter { compiled.required[$0] }
        // The same seed for every trial, so the answer does not depend on the order of trials.
        var random = SplitMix64(seed: 1)
        guard let placed = RequiredPlacement.place(required, problem: compiled, random: &random, attempts: 10) else {
            return nil
        }
        return WayOut(change: change, witness: placed.solution(problem: compiled))
    }
}
