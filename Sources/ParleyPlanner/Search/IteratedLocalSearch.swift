/// The search: iterated local search with record-to-record acceptance.
///
/// Each iteration removes a random run of visits from every route (a stronger shake the longer nothing
/// improves), sometimes seeds one random item, refills greedily by score^k / delay with a little noise,
/// and swaps in better items. A candidate within a shrinking margin of the best is kept as the next
/// starting point; after a stall the search restarts from the best, and every few restarts from
/// scratch. See docs/adr/0006-planner-search.md.
struct IteratedLocalSearch {
    let problem: CompiledProblem
    let candidates: [Int]
    let iterationLimit: Int?
    let timeLimit: Double?
    let clock: (@Sendable () -> Double)?
    let tuning: SearchTuning

    func run(from start: SearchSolution, random: inout SplitMix64) -> SearchSolution {
        let began = clock?() ?? 0
        var current = start
        improve(&current, noise: 0, random: &random)
        var best = current
        var iteration = 0
        var stall = 0
        var restarts = 0
        while !finished(iteration: iteration, began: began) {
            iteration += 1
            let progress = self.progress(iteration: iteration, began: began)
            var candidate = current
            let strength = min(tuning.maxStrength, tuning.minStrength + Double(stall) / tuning.strengthRamp)
            candidate.perturb(problem: problem, strength: strength, random: &random)
            if random.unit() < tuning.seedProbability { seedRandomItem(&candidate, random: &random) }
            improve(&candidate, noise: tuning.noise, random: &random)
            if isBetter(candidate, than: best) {
                best = candidate
                current = candidate
                stall = 0
                continue
            }
            stall += 1
            let margin = tuning.margin * (1 - progress) * best.score
            if candidate.score >= best.score - margin {
                current = candidate
            }
            if stall % max(tuning.restartAfter, 1) == 0 {
                restarts += 1
                if tuning.freshEvery > 0 && restarts % tuning.freshEvery == 0 {
                    // Leave the basin: start again from the required items alone, refilled with heavy noise.
                    current = start
                    current.perturb(problem: problem, strength: 1, random: &random)
                    seedRandomItem(&current, random: &random)
                    improve(&current, noise: 0.5, random: &random)
                } else {
                    current = best
                }
            }
        }
        return best
    }

    /// Puts one random unvisited item where it costs least, before the greedy refill: greedy ratios
    /// alone never start from a distant, valuable item that only pays off with the right companions.
    private func seedRandomItem(_ solution: inout SearchSolution, random: inout SplitMix64) {
        guard !candidates.isEmpty else { return }
        let item = candidates[Int.random(in: 0..<candidates.count, using: &random)]
        guard solution.isCandidate(item, problem: problem),
            let place = solution.bestInsertion(of: item, problem: problem)
        else { return }
        _ = solution.insert(item, route: place.route, at: place.position, problem: problem)
    }

    private func improve(_ solution: inout SearchSolution, noise: Double, random: inout SplitMix64) {
        let exponent = tuning.scoreExponent == 0 ? Int.random(in: 1...2, using: &random) : tuning.scoreExponent
        solution.insertGreedily(
            problem: problem, candidates: candidates, noise: noise, exponent: exponent, random: &random)
        if random.unit() < tuning.swapProbability {
            solution.swapInBetterItems(problem: problem, candidates: candidates)
        }
        solution.insertGreedily(problem: problem, candidates: candidates, noise: 0, exponent: exponent, random: &random)
    }

    private func isBetter(_ candidate: SearchSolution, than best: SearchSolution) -> Bool {
        if candidate.score > best.score + CompiledProblem.epsilon { return true }
        return candidate.score > best.score - CompiledProblem.epsilon
            && candidate.totalTime < best.totalTime - CompiledProblem.epsilon
    }

    private func finished(iteration: Int, began: Double) -> Bool {
        if let iterationLimit, iteration >= iterationLimit { return true }
        if let timeLimit, let clock, clock() - began >= timeLimit { return true }
        return false
    }

    private func progress(iteration: Int, began: Double) -> Double {
        var progress = 0.0
        if let iterationLimit { progress = max(progress, Double(iteration) / Double(max(iterationLimit, 1))) }
        if let timeLimit, let clock, timeLimit > 0 { progress = max(progress, (clock() - began) / timeLimit) }
        return min(progress, 1)
    }
}
