/// Rebuilds a previous itinerary on the current problem, keeping every visit that still fits in its place.
enum WarmStart {
    static func solution(from previous: PlanningSolution, base: SearchSolution, problem: CompiledProblem)
        -> SearchSolution
    {
        var solution = base
        for (tour, visits) in previous.routes.enumerated() where tour < solution.routes.count {
            for visit in visits {
                let item = visit.item
                guard (0..<problem.itemCount).contains(item), solution.isCandidate(item, problem: problem),
                    problem.allowed(item, on: tour)
                else { continue }
                // Keep the previous order: put it after the visits that came before it last time.
                let position =
                    solution.routes[tour].items.firstIndex { other in
                        let otherStart = previous.routes[tour].first { $0.item == other }?.start ?? .infinity
                        return otherStart > visit.start
                    } ?? solution.routes[tour].count
                _ = solution.insert(item, route: tour, at: position, problem: problem)
            }
        }
        return solution
    }
}
