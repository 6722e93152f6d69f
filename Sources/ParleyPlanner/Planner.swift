/// The itinerary optimiser: which items to visit on which tour, in what order and when.
public enum Planner {
    /// Solves `problem` within the limits of `options`, returning the best itinerary found and a reason
    /// for every optional item left out; a small problem is searched exhaustively first, and its answer
    /// says when it is proven best.
    /// - Throws: `PlanningError.infeasible` naming a small set of mandatory or pinned items that cannot
    ///   be scheduled together; `.invalidProblem` for malformed input; `.noLimit` when nothing would stop
    ///   the search.
    public static func solve(_ problem: PlanningProblem, options: PlannerOptions) throws(PlanningError)
        -> PlanningSolution
    {
        guard options.iterationLimit != nil || (options.timeLimit != nil && options.clock != nil) else {
            throw .noLimit
        }
        let compiled = try CompiledProblem(problem)
        var random = SplitMix64(seed: options.seed)
        let required = (0..<compiled.itemCount).filter { compiled.required[$0] }
        guard let base = RequiredPlacement.place(required, problem: compiled, random: &random) else {
            throw .infeasible(conflicting: RequiredPlacement.conflict(in: required, problem: compiled, random: &random))
        }
        // Optional items worth something and reachable by some tour on their own.
        let candidates = (0..<compiled.itemCount).filter { item in
            !compiled.required[item] && compiled.score[item] > 0
                && compiled.tours.indices.contains { Route.isFeasible([item], tour: $0, problem: compiled) }
        }
        let search = IteratedLocalSearch(
            problem: compiled, candidates: candidates, iterationLimit: options.iterationLimit,
            timeLimit: options.timeLimit, clock: options.clock, tuning: options.tuning)

        var warm: SearchSolution?
        if let previous = options.warmStart {
            var kept = WarmStart.solution(from: previous, base: base, problem: compiled)
            kept.insertGreedily(problem: compiled, candidates: candidates, noise: 0, random: &random)
            warm = kept
        }
        // A small problem is searched exhaustively first: when that ends within its budget, the answer is
        // proven best and no time is spent searching further. The earlier itinerary (plus what newly
        // fits) is the one to beat, so an equal score keeps it.
        if options.exactNodeLimit > 0, let exact = ExactSearch(problem: compiled, candidates: candidates) {
            var greedy = base
            greedy.insertGreedily(problem: compiled, candidates: candidates, noise: 0, random: &random)
            let incumbent = warm.map { $0.score + CompiledProblem.epsilon >= greedy.score ? $0 : greedy } ?? greedy
            // A trip-sized problem answers within a tenth of the time limit, when there is one: most of it
            // for the exhaustive search, the rest for the bounded search from the best it found (on seeded
            // trips of 20 to 30 items, `parley bench trips`, ten times as long placed nothing more). A larger
            // one gives the exhaustive search a tenth, and the bounded search the whole limit after it.
            let items = (0..<compiled.itemCount).count { compiled.required[$0] } + candidates.count
            let tripSized = items <= Self.tripSizedItems
            let share = tripSized ? Self.exactShare : 0.1
            let timeUp: (() -> Bool)? = options.clock.flatMap { clock in
                options.timeLimit.map { limit in
                    let started = clock()
                    return { clock() - started > limit * share }
                }
            }
            let (found, proven) = exact.run(incumbent: incumbent, nodeLimit: options.exactNodeLimit, timeUp: timeUp)
            if proven, let found {
                return answer(found, problem: compiled, provenBest: true)
            }
            if tripSized, let limit = options.timeLimit, let start = found ?? warm {
                let finish = IteratedLocalSearch(
                    problem: compiled, candidates: candidates, iterationLimit: options.iterationLimit,
                    timeLimit: limit * Self.finishShare, clock: options.clock, tuning: options.tuning)
                let searched = finish.run(from: start, random: &random)
                // Keep what the exhaustive search found (and so the earlier itinerary) unless beaten.
                let best = searched.score > start.score + CompiledProblem.epsilon ? searched : start
                return answer(best, problem: compiled, provenBest: false)
            }
            // The bounded search goes on from the best found, which is never worse than the earlier itinerary.
            if options.timeLimit != nil, let found { warm = found }
        }
        let best: SearchSolution
        if let warm {
            let searched = search.run(from: warm, random: &random)
            // Keep the earlier itinerary (plus what newly fits) unless the search found a higher score.
            best = searched.score > warm.score + CompiledProblem.epsilon ? searched : warm
        } else {
            best = search.run(from: base, random: &random)
        }
        return answer(best, problem: compiled, provenBest: false)
    }

    /// The most items (required and candidates) of a problem answered within a tenth of the time limit.
    static let tripSizedItems = 30
    /// The share of the time limit a trip-sized problem's exhaustive search may take.
    static let exactShare = 0.03
    /// The share of the time limit the bounded search then takes from the best the exhaustive one found.
    static let finishShare = 0.055

    private static func answer(_ best: SearchSolution, problem: CompiledProblem, provenBest: Bool) -> PlanningSolution {
        var answer = best.solution(problem: problem)
        answer.omissions = OmissionExplainer.reasons(for: best, problem: problem)
        answer.provenBest = provenBest
        return answer
    }
}

extension Planner {
    /// Single changes under which the mandatory and pinned items of an infeasible `problem` all fit.
    ///
    /// Smallest first: a journey between the places of the `conflicting` items (as
    /// `PlanningError.infeasible` names them) made shorter, one of those items moved later or earlier,
    /// or its visit shortened. Each comes with the schedule that proves it; check it with
    /// `PlanChecker` on `change.applied(to: problem)`. The defaults take the time unit to be minutes.
    ///
    /// - Parameters:
    ///   - resolution: the smallest amount told apart, in the problem's time unit (1 for minutes).
    ///   - longestMove: the furthest an item may be moved.
    ///   - limit: the most ways out returned.
    public static func waysOut(
        of problem: PlanningProblem, conflicting: [Int], resolution: Double = 1, longestMove: Double = 3 * 1440,
        limit: Int = 4
    ) -> [WayOut] {
        // Bounded so that no input makes the scan of moves run long.
        guard resolution > 0, resolution.isFinite, longestMove.isFinite, longestMove / resolution <= 50_000 else {
            return []
        }
        return WayOutSearch(
            problem: problem, conflicting: conflicting, resolution: resolution, longestMove: longestMove
        )
        .waysOut(limit: limit)
    }
}
