/// One tour's visits with their service starts and, per visit, how far it could still be delayed
/// (MaxShift), so that an insertion is tested in constant time.
struct Route {
    let tour: Int
    private(set) var items: [Int] = []
    private(set) var start: [Double] = []
    private(set) var wait: [Double] = []
    private(set) var maxShift: [Double] = []
    /// When the tour gets back to its end location.
    private(set) var endArrival: Double = 0
    /// How much later it could get back.
    private(set) var endSlack: Double = 0

    init(tour: Int, problem: CompiledProblem) {
        self.tour = tour
        _ = recompute(problem)
    }

    var count: Int { items.count }

    /// Replaces the visits and recomputes the timing; false (and the route unchanged) when infeasible.
    mutating func setItems(_ newItems: [Int], problem: CompiledProblem) -> Bool {
        let old = items
        items = newItems
        if recompute(problem) { return true }
        items = old
        _ = recompute(problem)
        return false
    }

    mutating func insert(_ item: Int, at position: Int, problem: CompiledProblem) -> Bool {
        var newItems = items
        newItems.insert(item, at: position)
        return setItems(newItems, problem: problem)
    }

    mutating func remove(at position: Int, problem: CompiledProblem) {
        items.remove(at: position)
        _ = recompute(problem)
    }

    /// Removes the visits at `positions` (any order); removing never breaks feasibility.
    mutating func remove(positions: Set<Int>, problem: CompiledProblem) {
        guard !positions.isEmpty else { return }
        items = items.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
        _ = recompute(problem)
    }

    /// Forward pass for starts and waits, backward pass for MaxShift.
    private mutating func recompute(_ problem: CompiledProblem) -> Bool {
        let tourInfo = problem.tours[tour]
        let count = items.count
        start = Array(repeating: 0, count: count)
        wait = Array(repeating: 0, count: count)
        maxShift = Array(repeating: 0, count: count)
        var close = Array(repeating: 0.0, count: count)
        var clock = tourInfo.earliestStart
        var location = tourInfo.start
        var feasible = true
        for index in 0..<count {
            let item = items[index]
            let arrival = clock + problem.time(location, problem.location[item])
            guard let service = problem.serviceStart(item, arrival: arrival) else {
                feasible = false
                start[index] = arrival
                close[index] = arrival
                clock = arrival + problem.duration[item]
                location = problem.location[item]
                continue
            }
            start[index] = service.start
            wait[index] = service.start - arrival
            close[index] = service.close
            clock = service.start + problem.duration[item]
            location = problem.location[item]
        }
        endArrival = clock + problem.time(location, tourInfo.end)
        endSlack = tourInfo.latestEnd - endArrival
        if endSlack < -CompiledProblem.epsilon { feasible = false }
        var nextShift = endSlack
        var nextWait = 0.0
        for index in stride(from: count - 1, through: 0, by: -1) {
            let shift = min(close[index] - start[index], nextWait + nextShift)
            maxShift[index] = shift
            nextShift = shift
            nextWait = wait[index]
        }
        return feasible
    }

    /// When the visit at `position` (or the tour's start, for 0) is left.
    @inline(__always)
    func departure(before position: Int, problem: CompiledProblem) -> (time: Double, location: Int) {
        if position == 0 { return (problem.tours[tour].earliestStart, problem.tours[tour].start) }
        let previous = items[position - 1]
        return (start[position - 1] + problem.duration[previous], problem.location[previous])
    }

    /// The delay that inserting `item` before `position` causes at the next stop, or nil when infeasible.
    @inline(__always)
    func insertionShift(_ item: Int, at position: Int, problem: CompiledProblem) -> Double? {
        let (leave, from) = departure(before: position, problem: problem)
        let location = problem.location[item]
        let arrival = leave + problem.time(from, location)
        guard let service = problem.serviceStart(item, arrival: arrival) else { return nil }
        let after = service.start + problem.duration[item]
        let next: Int
        let oldArrival: Double
        let slack: Double
        if position == count {
            next = problem.tours[tour].end
            oldArrival = endArrival
            slack = endSlack
        } else {
            next = problem.location[items[position]]
            oldArrival = start[position] - wait[position]
            slack = wait[position] + maxShift[position]
        }
        let shift = after + problem.time(location, next) - oldArrival
        if shift <= slack + CompiledProblem.epsilon { return shift }
        // MaxShift only knows the current window of each visit; a later window may still fit.
        if problem.hasMultipleWindows {
            var trial = items
            trial.insert(item, at: position)
            if Route.isFeasible(trial, tour: tour, problem: problem) { return shift }
        }
        return nil
    }

    /// Whether visiting `items` in order on `tour` keeps every window and the budget (a full simulation).
    static func isFeasible(_ items: [Int], tour: Int, problem: CompiledProblem) -> Bool {
        let tourInfo = problem.tours[tour]
        var clock = tourInfo.earliestStart
        var location = tourInfo.start
        for item in items {
            guard problem.allowed(item, on: tour),
                let service = problem.serviceStart(
                    item, arrival: clock + problem.time(location, problem.location[item]))
            else { return false }
            clock = service.start + problem.duration[item]
            location = problem.location[item]
        }
        return clock + problem.time(location, tourInfo.end) <= tourInfo.latestEnd + CompiledProblem.epsilon
    }

    /// The visits with arrival, start and departure, for the answer.
    func visits(problem: CompiledProblem) -> [Visit] {
        items.indices.map { index in
            let item = items[index]
            return Visit(
                item: item, arrival: start[index] - wait[index], start: start[index],
                departure: start[index] + problem.duration[item])
        }
    }
}
