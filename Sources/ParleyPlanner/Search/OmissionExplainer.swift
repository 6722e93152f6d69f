/// Says why each optional item is not in the final solution, in terms a planner can act on.
enum OmissionExplainer {
    static func reasons(for solution: SearchSolution, problem: CompiledProblem) -> [Int: OmissionReason] {
        var reasons: [Int: OmissionReason] = [:]
        // The itinerary with only its mandatory and pinned visits, kept in their order.
        var skeleton = solution
        for index in skeleton.routes.indices {
            let kept = skeleton.routes[index].items.filter { problem.required[$0] }
            _ = skeleton.routes[index].setItems(kept, problem: problem)
        }
        for item in 0..<problem.itemCount where !solution.visited[item] && !problem.required[item] {
            if !reachableAlone(item, problem: problem) {
                reasons[item] = .noWindowReachable
            } else if !fitsAnywhere(item, in: skeleton, problem: problem) {
                let short = shortfall(of: item, in: skeleton, problem: problem)
                if let blocker = blocker(of: item, in: skeleton, problem: problem),
                    case .budgetExhausted(let tour, let shortBy) = short
                {
                    reasons[item] = .clashesWith(item: blocker, tour: tour, shortBy: shortBy)
                } else {
                    reasons[item] = short
                }
            } else {
                reasons[item] = shortfall(of: item, in: solution, problem: problem)
            }
        }
        return reasons
    }

    /// Whether some tour could visit the item and nothing else.
    private static func reachableAlone(_ item: Int, problem: CompiledProblem) -> Bool {
        problem.tours.indices.contains { Route.isFeasible([item], tour: $0, problem: problem) }
    }

    private static func fitsAnywhere(_ item: Int, in solution: SearchSolution, problem: CompiledProblem) -> Bool {
        solution.routes.contains { route in
            problem.allowed(item, on: route.tour)
                && (0...route.count).contains { route.insertionShift(item, at: $0, problem: problem) != nil }
        }
    }

    /// A mandatory or pinned visit whose removal would let the item in.
    private static func blocker(of item: Int, in skeleton: SearchSolution, problem: CompiledProblem) -> Int? {
        for route in skeleton.routes {
            for position in route.items.indices {
                var without = route
                without.remove(at: position, problem: problem)
                if (0...without.count).contains(where: { without.insertionShift(item, at: $0, problem: problem) != nil }
                ) {
                    return route.items[position]
                }
            }
        }
        return nil
    }

    /// The tour that comes closest to fitting the item, and by how much it falls short.
    private static func shortfall(of item: Int, in solution: SearchSolution, problem: CompiledProblem) -> OmissionReason
    {
        var best: (tour: Int, short: Double)?
        for route in solution.routes where problem.allowed(item, on: route.tour) {
            for position in 0...route.count {
                let short = shortBy(item, at: position, in: route, problem: problem)
                if short < (best?.short ?? .infinity) { best = (route.tour, short) }
            }
        }
        return .budgetExhausted(tour: best?.tour ?? 0, shortBy: max(best?.short ?? 0, 0))
    }

    /// How much time is missing to insert the item at `position`: lateness for its windows plus the
    /// delay beyond what the rest of the tour can absorb.
    private static func shortBy(_ item: Int, at position: Int, in route: Route, problem: CompiledProblem) -> Double {
        let (leave, from) = route.departure(before: position, problem: problem)
        let arrival = leave + problem.time(from, problem.location[item])
        let lastClose = problem.pinTour[item] >= 0 ? problem.pinStart[item] : problem.windows[item].last!.upperBound
        let late = max(0, arrival - lastClose)
        let start = problem.serviceStart(item, arrival: arrival)?.start ?? lastClose
        let next = position == route.count ? problem.tours[route.tour].end : problem.location[route.items[position]]
        let oldArrival = position == route.count ? route.endArrival : route.start[position] - route.wait[position]
        let slack = position == route.count ? route.endSlack : route.wait[position] + route.maxShift[position]
        let shift = start + problem.duration[item] + problem.time(problem.location[item], next) - oldArrival
        return late + max(0, shift - slack)
    }
}
