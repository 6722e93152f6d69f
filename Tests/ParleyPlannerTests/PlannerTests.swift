import ParleyPlanner
import Testing

private func solve(_ problem: PlanningProblem, seed: UInt64 = 7, iterations: Int = 300, exhaustive: Bool = true)
    throws -> PlanningSolution
{
    var options = PlannerOptions(seed: seed, iterationLimit: iterations)
    if !exhaustive { options.exactNodeLimit = 0 }
    let solution = try Planner.solve(problem, options: options)
    let violations = PlanChecker.violations(of: solution, in: problem)
    #expect(violations.isEmpty, "\(violations)")
    return solution
}

/// A line of locations 0…n at unit spacing ×10: travel time is 10 per step.
private func line(_ count: Int) -> [[Double]] {
    (0..<count).map { a in (0..<count).map { b in Double(abs(a - b) * 10) } }
}

@Suite("Planner")
struct PlannerTests {
    @Test(
        "on small random instances both the bounded search and the branch and bound reach the exhaustive optimum, and only the second says it is proven",
        arguments: (0..<40).map { UInt64($0) })
    func matchesExhaustiveSearch(seed: UInt64) throws {
        let tours = seed % 3 == 0 ? 2 : 1
        let problem = RandomInstances.make(seed: seed, items: tours == 2 ? 7 : 9, tours: tours)
        let optimum = ExhaustiveSearch.optimum(problem)
        let searched = try solve(problem, seed: seed, iterations: 5000, exhaustive: false)
        #expect(searched.score(in: problem) == optimum, "seed \(seed)")
        #expect(!searched.provenBest)
        let proven = try solve(problem, seed: seed, iterations: 1)
        #expect(proven.score(in: problem) == optimum, "seed \(seed)")
        #expect(proven.provenBest)
    }

    @Test("the branch and bound claims nothing when a travel time is longer than going through a third place")
    func noProofWithoutTriangleInequality() throws {
        var problem = RandomInstances.make(seed: 4, items: 8, tours: 1)
        let count = problem.travel.count
        problem.travel[0][count - 1] = problem.travel[0][1] + problem.travel[1][count - 1] + 1
        #expect(try !solve(problem, iterations: 50).provenBest)
    }

    @Test(
        "a larger problem within the branch and bound's size is proven best, and its answer is the bounded search's score or better"
    )
    func provenOnTwentyFiveItems() throws {
        let problem = RandomInstances.make(seed: 11, items: 25, tours: 2)
        let proven = try solve(problem, iterations: 1)
        let searched = try solve(problem, iterations: 3000, exhaustive: false)
        #expect(proven.provenBest)
        #expect(proven.score(in: problem) >= searched.score(in: problem))
    }

    @Test("the same seed and iteration limit give the same itinerary; another seed may differ but stays feasible")
    func deterministic() throws {
        // The bounded search alone: the branch and bound does not depend on the seed.
        let problem = RandomInstances.make(seed: 99, items: 30, tours: 2)
        let first = try solve(problem, seed: 5, iterations: 200, exhaustive: false)
        let second = try solve(problem, seed: 5, iterations: 200, exhaustive: false)
        #expect(first == second)
        _ = try solve(problem, seed: 6, iterations: 200, exhaustive: false)
    }

    @Test("a warm start keeps pinned items in place and keeps the earlier itinerary when nothing better exists")
    func warmStart() throws {
        var problem = RandomInstances.make(seed: 3, items: 12, tours: 2)
        problem.items[0].location = 0
        problem.items[0].windows = [0...400]
        problem.items[0].pin = (tour: 1, start: 60)
        let first = try solve(problem, iterations: 400)
        #expect(first.routes[1].contains { $0.item == 0 && $0.start == 60 })
        // Re-plan from the first answer with a new optional item that cannot fit anywhere.
        problem.items.append(PlanItem(location: 1, duration: 10_000, score: 50, windows: [0...10]))
        let again = try Planner.solve(problem, options: PlannerOptions(seed: 11, iterationLimit: 400, warmStart: first))
        #expect(PlanChecker.violations(of: again, in: problem).isEmpty)
        #expect(again.routes[1].contains { $0.item == 0 && $0.start == 60 })
        #expect(again.routes.map { $0.map(\.item) } == first.routes.map { $0.map(\.item) })
    }

    @Test("an item no tour can reach in any window is left out as unreachable")
    func unreachable() throws {
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 100)],
            items: [
                PlanItem(location: 1, duration: 10, score: 5, windows: [0...50]),
                PlanItem(location: 3, duration: 10, score: 9, windows: [0...20]),  // 30 away: too late
            ], travel: line(4))
        let solution = try solve(problem)
        #expect(solution.visitedItems == [0])
        #expect(solution.omissions == [1: .noWindowReachable])
    }

    @Test("an item that cannot fit beside a pinned meeting names that meeting and by how much it misses")
    func clashesWithPinned() throws {
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 200)],
            items: [
                PlanItem(location: 1, duration: 60, score: 1, windows: [20...20], pin: (tour: 0, start: 20)),
                PlanItem(location: 2, duration: 30, score: 9, windows: [30...50]),
            ], travel: line(3))
        let solution = try solve(problem)
        #expect(solution.visitedItems == [0])
        // After the pinned meeting it arrives 40 late for its window (80 + 10 travel against 50); before it,
        // it would push the pinned meeting 50 later.
        #expect(solution.omissions == [1: .clashesWith(item: 0, tour: 0, shortBy: 40)])
    }

    @Test("an item crowded out by better ones says which tour lacks time and by how much")
    func budgetExhausted() throws {
        // Budget 100: item 0 (score 9) takes 10 → 10..70 → back at 80. Item 1 (score 5) would need
        // 10 + 50 + 10 on its own; together they need 10+60+0+50+10 = 130, 30 over.
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 100)],
            items: [
                PlanItem(location: 1, duration: 60, score: 9, windows: [0...100]),
                PlanItem(location: 1, duration: 50, score: 5, windows: [0...100]),
            ], travel: line(2))
        let solution = try solve(problem)
        #expect(solution.visitedItems == [0])
        #expect(solution.omissions == [1: .budgetExhausted(tour: 0, shortBy: 30)])
    }

    @Test("pinned items that overlap are reported as a small conflicting set")
    func infeasible() {
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 500)],
            items: [
                PlanItem(location: 1, duration: 10, score: 1, windows: [0...400], mandatory: true),
                PlanItem(location: 2, duration: 60, score: 1, windows: [100...100], pin: (tour: 0, start: 100)),
                PlanItem(location: 3, duration: 60, score: 1, windows: [120...120], pin: (tour: 0, start: 120)),
                PlanItem(location: 1, duration: 5, score: 3, windows: [0...400]),
            ], travel: line(4))
        #expect(throws: PlanningError.infeasible(conflicting: [1, 2])) {
            try Planner.solve(problem, options: PlannerOptions(iterationLimit: 10))
        }
    }

    @Test(
        "an infeasible problem's ways out are the smallest single changes, each proven by a schedule the checker accepts"
    )
    func waysOut() throws {
        // Two pinned visits: the first ends at 160 at place 1, the second starts at 180 at place 3, and
        // the journey between them takes 40, so the second is reached 20 late. Worked by hand: 20 earlier
        // for the first, 20 shorter for its visit, 20 later for the second, or 20 off the journey; the
        // second visit is too short to lose 20 (at most half), and swapping their order takes 150.
        var travel = line(4)
        travel[1][3] = 40
        travel[3][1] = 40
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 500)],
            items: [
                PlanItem(location: 1, duration: 60, score: 0, windows: [100...100], pin: (tour: 0, start: 100)),
                PlanItem(location: 3, duration: 30, score: 0, windows: [180...180], pin: (tour: 0, start: 180)),
            ], travel: travel)
        #expect(throws: PlanningError.infeasible(conflicting: [0, 1])) {
            try Planner.solve(problem, options: PlannerOptions(iterationLimit: 10))
        }
        let ways = Planner.waysOut(of: problem, conflicting: [0, 1], limit: 10)
        #expect(
            ways.map(\.change) == [
                .earlier(item: 0, by: 20), .shorterVisit(item: 0, by: 20), .later(item: 1, by: 20),
                .shorterTravel(from: 1, to: 3, by: 20), .later(item: 0, by: 150), .earlier(item: 1, by: 150),
            ])
        for way in ways {
            let changed = way.change.applied(to: problem)
            #expect(PlanChecker.violations(of: way.witness, in: changed).isEmpty, "\(way.change)")
            // The witness holds every pinned visit, and the unchanged problem still refuses it.
            #expect(Set(way.witness.visitedItems) == [0, 1])
            #expect(!PlanChecker.violations(of: way.witness, in: problem).isEmpty, "\(way.change)")
        }
        #expect(Planner.waysOut(of: problem, conflicting: [0, 1]).count == 4)
    }

    @Test("only one item of a group of alternatives is visited")
    func groups() throws {
        let problem = PlanningProblem(
            tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 500)],
            items: [
                PlanItem(location: 1, duration: 10, score: 5, windows: [0...400], group: 1),
                PlanItem(location: 2, duration: 10, score: 6, windows: [0...400], group: 1),
            ], travel: line(3))
        let solution = try solve(problem)
        #expect(solution.visitedItems == [1])
    }

    @Test("a search without any limit is refused")
    func noLimit() {
        #expect(throws: PlanningError.noLimit) {
            try Planner.solve(RandomInstances.make(seed: 1, items: 3, tours: 1), options: PlannerOptions())
        }
    }
}
