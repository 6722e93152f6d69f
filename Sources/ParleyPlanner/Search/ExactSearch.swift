/// Branch and bound over every way to place a small problem's items, for a plan that is proven best.
///
/// Items are decided one at a time in a fixed order (required first, then by score): each is inserted at
/// every feasible place on every tour, or (if optional) left out. Deciding in a fixed order builds each
/// set of routes exactly once. A branch is cut when its score plus every remaining item that could still
/// be inserted now cannot beat the best found: when travel times obey the triangle inequality, an item
/// that does not fit now never fits after more are added, so the bound is sound. Without that inequality
/// (a staff-set time longer than going through a third place) nothing is claimed, and nothing is run.
struct ExactSearch {
    /// The most items (required and candidates) it takes on; larger problems go to the local search.
    static let largestProblem = 40

    let problem: CompiledProblem
    /// The order in which items are decided.
    private let order: [Int]
    /// How many of `order`'s first items are required.
    private let requiredCount: Int
    /// What the optional items from each position of `order` on are worth together.
    private let remainingScore: [Double]

    /// A search over the required items and `candidates`, or nil when the problem is too large or its
    /// travel times break the triangle inequality.
    init?(problem: CompiledProblem, candidates: [Int]) {
        let required = (0..<problem.itemCount).filter { problem.required[$0] }
        guard required.count + candidates.count <= Self.largestProblem, Self.obeysTriangleInequality(problem) else {
            return nil
        }
        self.problem = problem
        // Pinned before free, then the narrowest windows: dead ends show early.
        let sortedRequired = required.sorted {
            (problem.pinTour[$0] < 0 ? 1 : 0, Self.span($0, problem)) < (
                problem.pinTour[$1] < 0 ? 1 : 0, Self.span($1, problem)
            )
        }
        order = sortedRequired + candidates.sorted { (problem.score[$0], -$0) > (problem.score[$1], -$1) }
        requiredCount = required.count
        var suffix = Array(repeating: 0.0, count: order.count + 1)
        for index in stride(from: order.count - 1, through: 0, by: -1) {
            suffix[index] = suffix[index + 1] + (index < required.count ? 0 : problem.score[order[index]])
        }
        remainingScore = suffix
    }

    /// The best solution, starting from `incumbent` (a feasible one to beat), and whether the search ran
    /// to the end (then nothing scores higher) within `nodeLimit` decisions and before `timeUp` said so
    /// (asked every 256 decisions).
    func run(incumbent: SearchSolution?, nodeLimit: Int, timeUp: (() -> Bool)? = nil) -> (
        best: SearchSolution?, proven: Bool
    ) {
        var state = State(best: incumbent, nodes: 0, limit: nodeLimit, timeUp: timeUp)
        var current = SearchSolution(problem: problem)
        descend(0, &current, &state)
        return (state.best, !state.stopped)
    }

    private struct State {
        var best: SearchSolution?
        var nodes: Int
        let limit: Int
        let timeUp: (() -> Bool)?
        var stopped = false

        /// Counts a decision; true when the search must stop.
        mutating func exhausted() -> Bool {
            if stopped { return true }
            nodes += 1
            if nodes > limit || (nodes & 255 == 0 && timeUp?() == true) { stopped = true }
            return stopped
        }
    }

    private func descend(_ index: Int, _ current: inout SearchSolution, _ state: inout State) {
        guard !state.exhausted() else { return }
        guard index < order.count else {
            if state.best.map({ current.score > $0.score + CompiledProblem.epsilon }) ?? true {
                state.best = current
            }
            return
        }
        let item = order[index]
        let required = index < requiredCount
        if !required, let best = state.best {
            // The cheap bound first (everything left is taken), then the one that asks what still fits.
            if current.score + remainingScore[index] <= best.score + CompiledProblem.epsilon
                || bound(from: index, current) <= best.score + CompiledProblem.epsilon
            {
                return
            }
        }
        if current.isCandidate(item, problem: problem) {
            for routeIndex in current.routes.indices where problem.allowed(item, on: current.routes[routeIndex].tour) {
                for position in 0...current.routes[routeIndex].count {
                    guard current.routes[routeIndex].insertionShift(item, at: position, problem: problem) != nil
                    else { continue }
                    let saved = current
                    if current.insert(item, route: routeIndex, at: position, problem: problem) {
                        descend(index + 1, &current, &state)
                    }
                    current = saved
                    if state.stopped { return }
                }
            }
        }
        if !required { descend(index + 1, &current, &state) }
    }

    /// The current score plus what every undecided item that could still be inserted is worth (the best
    /// of each group of alternatives once).
    private func bound(from index: Int, _ current: SearchSolution) -> Double {
        var total = current.score
        var groupBest: [Int: Double] = [:]
        for item in order[index...] where current.isCandidate(item, problem: problem) {
            let fits = current.routes.contains { route in
                problem.allowed(item, on: route.tour)
                    && (0...route.count).contains { route.insertionShift(item, at: $0, problem: problem) != nil }
            }
            guard fits else { continue }
            let group = problem.group[item]
            if group < 0 {
                total += problem.score[item]
            } else {
                groupBest[group] = max(groupBest[group] ?? 0, problem.score[item])
            }
        }
        return total + groupBest.values.reduce(0, +)
    }

    private static func span(_ item: Int, _ problem: CompiledProblem) -> Double {
        problem.windows[item].reduce(0) { $0 + ($1.upperBound - $1.lowerBound) }
    }

    /// Whether going from one place to another directly is never slower than through a third.
    private static func obeysTriangleInequality(_ problem: CompiledProblem) -> Bool {
        let count = problem.locationCount
        for a in 0..<count {
            for b in 0..<count where b != a {
                let direct = problem.time(a, b)
                for c in 0..<count where c != a && c != b {
                    if problem.time(a, c) + problem.time(c, b) < direct - CompiledProblem.epsilon { return false }
                }
            }
        }
        return true
    }
}
