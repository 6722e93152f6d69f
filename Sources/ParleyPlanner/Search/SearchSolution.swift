/// A solution under construction or search: routes, which items are visited, and the score.
struct SearchSolution {
    var routes: [Route]
    var visited: [Bool]
    var groupTaken: [Bool]
    var score: Double = 0

    init(problem: CompiledProblem) {
        routes = problem.tours.indices.map { Route(tour: $0, problem: problem) }
        visited = Array(repeating: false, count: problem.itemCount)
        groupTaken = Array(repeating: false, count: problem.groupCount)
    }

    /// Total time on the road and at visits: the tie-breaker between equal scores (less is better).
    var totalTime: Double {
        routes.reduce(0) { $0 + $1.endArrival }
    }

    /// Whether `item` could be added: not visited, and no alternative of its group is.
    @inline(__always)
    func isCandidate(_ item: Int, problem: CompiledProblem) -> Bool {
        !visited[item] && (problem.group[item] < 0 || !groupTaken[problem.group[item]])
    }

    mutating func markVisited(_ item: Int, _ value: Bool, problem: CompiledProblem) {
        visited[item] = value
        if problem.group[item] >= 0 { groupTaken[problem.group[item]] = value }
        score += value ? problem.score[item] : -problem.score[item]
    }

    /// Inserts `item` on route `route` before `position`; false when infeasible.
    mutating func insert(_ item: Int, route: Int, at position: Int, problem: CompiledProblem) -> Bool {
        guard routes[route].insert(item, at: position, problem: problem) else { return false }
        markVisited(item, true, problem: problem)
        return true
    }

    /// The cheapest feasible place for `item`: route, position and the delay it causes.
    func bestInsertion(of item: Int, problem: CompiledProblem) -> (route: Int, position: Int, shift: Double)? {
        var best: (route: Int, position: Int, shift: Double)?
        for (routeIndex, route) in routes.enumerated() where problem.allowed(item, on: route.tour) {
            for position in 0...route.count {
                if let shift = route.insertionShift(item, at: position, problem: problem),
                    shift < (best?.shift ?? .infinity)
                {
                    best = (routeIndex, position, shift)
                }
            }
        }
        return best
    }

    /// Adds items greedily by score² / delay (with random noise of relative size `noise`) until none fits.
    mutating func insertGreedily(
        problem: CompiledProblem, candidates: [Int], noise: Double, exponent: Int = 2, random: inout SplitMix64
    ) {
        while true {
            var best: (item: Int, route: Int, position: Int)?
            var bestRatio = -Double.infinity
            for item in candidates where isCandidate(item, problem: problem) {
                guard let place = bestInsertion(of: item, problem: problem) else { continue }
                let score = problem.score[item]
                let weight = exponent == 1 ? score : exponent == 2 ? score * score : score * score * score
                var ratio = weight / max(place.shift, 1e-3)
                if noise > 0 { ratio *= 1 + noise * (random.unit() * 2 - 1) }
                if ratio > bestRatio {
                    bestRatio = ratio
                    best = (item, place.route, place.position)
                }
            }
            guard let best else { return }
            _ = insert(best.item, route: best.route, at: best.position, problem: problem)
        }
    }

    /// Removes, from each route, a random run of optional visits (strength: the largest share of a route
    /// removed), and sometimes a few scattered visits too.
    mutating func perturb(problem: CompiledProblem, strength: Double, random: inout SplitMix64) {
        for index in routes.indices {
            let count = routes[index].count
            guard count > 0 else { continue }
            let longest = max(1, Int(Double(count) * strength))
            let length = Int.random(in: 1...longest, using: &random)
            let first = Int.random(in: 0..<count, using: &random)
            var positions = Set<Int>()
            for offset in 0..<length where first + offset < count {
                let item = routes[index].items[first + offset]
                if !problem.required[item] { positions.insert(first + offset) }
            }
            if random.unit() < 0.3 {
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let position = Int.random(in: 0..<count, using: &random)
                    if !problem.required[routes[index].items[position]] { positions.insert(position) }
                }
            }
            for position in positions { markVisited(routes[index].items[position], false, problem: problem) }
            routes[index].remove(positions: positions, problem: problem)
        }
    }

    /// Swaps a visited item for an unvisited one worth more (or as much, for less time), until no swap helps.
    mutating func swapInBetterItems(problem: CompiledProblem, candidates: [Int]) {
        var improved = true
        var passes = 0
        while improved && passes < 4 {
            improved = false
            passes += 1
            for routeIndex in routes.indices {
                var position = 0
                while position < routes[routeIndex].count {
                    let out = routes[routeIndex].items[position]
                    if problem.required[out] {
                        position += 1
                        continue
                    }
                    var reduced = routes[routeIndex]
                    reduced.remove(at: position, problem: problem)
                    let saved = routes[routeIndex].endArrival - reduced.endArrival
                    var best: (item: Int, position: Int, gain: Double, shift: Double)?
                    for item in candidates where item != out && problem.allowed(item, on: reduced.tour) {
                        let sameGroup = problem.group[item] >= 0 && problem.group[item] == problem.group[out]
                        guard !visited[item], problem.group[item] < 0 || !groupTaken[problem.group[item]] || sameGroup
                        else { continue }
                        let gain = problem.score[item] - problem.score[out]
                        if gain < 0 { continue }
                        for insertAt in 0...reduced.count {
                            guard let shift = reduced.insertionShift(item, at: insertAt, problem: problem) else {
                                continue
                            }
                            // Equal score only if it saves time.
                            if gain == 0 && shift >= saved - CompiledProblem.epsilon { continue }
                            if best == nil || gain > best!.gain || (gain == best!.gain && shift < best!.shift) {
                                best = (item, insertAt, gain, shift)
                            }
                        }
                    }
                    if let best, reduced.insert(best.item, at: best.position, problem: problem) {
                        markVisited(out, false, problem: problem)
                        routes[routeIndex] = reduced
                        markVisited(best.item, true, problem: problem)
                        improved = true
                    }
                    position += 1
                }
            }
        }
    }

    /// The answer's form.
    func solution(problem: CompiledProblem) -> PlanningSolution {
        PlanningSolution(routes: routes.map { $0.visits(problem: problem) }, omissions: [:])
    }
}
