/// Places the mandatory and pinned items before anything else, and finds a small conflicting set when
/// they cannot all be placed.
enum RequiredPlacement {
    /// A solution holding exactly `required` (pinned at their times, the rest where they fit), or nil.
    static func place(_ required: [Int], problem: CompiledProblem, random: inout SplitMix64, attempts: Int = 30)
        -> SearchSolution?
    {
        var base = SearchSolution(problem: problem)
        let pinned = required.filter { problem.pinTour[$0] >= 0 }
        for tour in problem.tours.indices {
            let onTour = pinned.filter { problem.pinTour[$0] == tour }.sorted {
                problem.pinStart[$0] < problem.pinStart[$1]
            }
            guard !onTour.isEmpty else { continue }
            guard base.routes[tour].setItems(onTour, problem: problem) else { return nil }
            for item in onTour { base.markVisited(item, true, problem: problem) }
        }
        var free = required.filter { problem.pinTour[$0] < 0 }
        guard !free.isEmpty else { return base }
        // Most constrained first: the narrowest windows.
        free.sort { tightness($0, problem) < tightness($1, problem) }
        for attempt in 0..<attempts {
            if attempt > 0 { free.shuffle(using: &random) }
            var solution = base
            var placedAll = true
            for item in free {
                guard solution.isCandidate(item, problem: problem),
                    let place = solution.bestInsertion(of: item, problem: problem),
                    solution.insert(item, route: place.route, at: place.position, problem: problem)
                else {
                    placedAll = false
                    break
                }
            }
            if placedAll { return solution }
        }
        return nil
    }

    /// A small subset of `required` that cannot be placed together (each member needed for the conflict,
    /// as far as the placement heuristic can tell).
    static func conflict(in required: [Int], problem: CompiledProblem, random: inout SplitMix64) -> [Int] {
        var set = required
        var index = 0
        while index < set.count {
            var without = set
            without.remove(at: index)
            if place(without, problem: problem, random: &random, attempts: 10) == nil {
                set = without
            } else {
                index += 1
            }
        }
        return set.sorted()
    }

    private static func tightness(_ item: Int, _ problem: CompiledProblem) -> Double {
        problem.windows[item].reduce(0) { $0 + ($1.upperBound - $1.lowerBound) }
    }
}
