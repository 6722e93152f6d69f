import ParleyPlanner
import ParleyTestSupport

/// Small random problems for comparing the planner with exhaustive search.
enum RandomInstances {
    /// A problem with `items` items and `tours` tours, some items with two windows, some in pairs of
    /// alternatives; roughly half the items fit.
    static func make(seed: UInt64, items: Int, tours: Int) -> PlanningProblem {
        var random = SeededRandom(seed: seed &+ 0x1234_5678)
        let locations = items + 1
        let x = (0..<locations).map { _ in Double(random.int(0...100)) }
        let y = (0..<locations).map { _ in Double(random.int(0...100)) }
        func distance(_ a: Int, _ b: Int) -> Double {
            let dx = x[a] - x[b]
            let dy = y[a] - y[b]
            // Rounded up, so that going through a third place is never quicker (rounding down can make it
            // so by a minute, and then the branch and bound proves nothing).
            return (dx * dx + dy * dy).squareRoot().rounded(.up)
        }
        let travel: [[Double]] = (0..<locations).map { a in (0..<locations).map { b in distance(a, b) } }
        let horizon = Double(random.int(150...300))
        var planItems: [PlanItem] = []
        for index in 1...items {
            let open = Double(random.int(0...Int(horizon * 0.7)))
            let width = Double(random.int(10...80))
            var windows = [open...(open + width)]
            if random.int(0...3) == 0 {
                let second = open + width + Double(random.int(20...60))
                windows.append(second...(second + Double(random.int(10...40))))
            }
            let group: Int? = index <= 4 && random.int(0...1) == 0 ? 100 + (index - 1) / 2 : nil
            planItems.append(
                PlanItem(
                    location: index, duration: Double(random.int(5...20)), score: Double(random.int(1...10)),
                    windows: windows, group: group))
        }
        let tour = Tour(start: 0, end: 0, earliestStart: 0, latestEnd: horizon)
        return PlanningProblem(tours: Array(repeating: tour, count: tours), items: planItems, travel: travel)
    }
}

extension SeededRandom {
    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}

/// The optimum by exhaustive search: every ordered assignment of items to tours, starting each visit as
/// early as its windows allow (never worse for what follows).
enum ExhaustiveSearch {
    static func optimum(_ problem: PlanningProblem) -> Double {
        var used = Array(repeating: false, count: problem.items.count)
        var groups = Set<Int>()
        var best = 0.0
        func extend(tour: Int, location: Int, clock: Double, score: Double) {
            let info = problem.tours[tour]
            // Close this tour here (if it can get home) and move on to the next.
            if clock + problem.travel[location][info.end] <= info.latestEnd {
                if tour + 1 < problem.tours.count {
                    let next = problem.tours[tour + 1]
                    extend(tour: tour + 1, location: next.start, clock: next.earliestStart, score: score)
                } else {
                    best = max(best, score)
                }
            }
            for (index, item) in problem.items.enumerated() where !used[index] {
                if let group = item.group, groups.contains(group) { continue }
                let arrival = clock + problem.travel[location][item.location]
                guard
                    let window = item.windows.sorted(by: { $0.lowerBound < $1.lowerBound }).first(where: {
                        arrival <= $0.upperBound
                    })
                else { continue }
                let start = max(arrival, window.lowerBound)
                used[index] = true
                if let group = item.group { groups.insert(group) }
                extend(tour: tour, location: item.location, clock: start + item.duration, score: score + item.score)
                used[index] = false
                if let group = item.group { groups.remove(group) }
            }
        }
        extend(tour: 0, location: problem.tours[0].start, clock: problem.tours[0].earliestStart, score: 0)
        return best
    }
}
