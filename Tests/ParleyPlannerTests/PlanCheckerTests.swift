import ParleyPlanner
import Testing

/// One tour on a line of three locations 10 apart; item 0 at location 1, item 1 at location 2.
private let problem = PlanningProblem(
    tours: [Tour(start: 0, end: 0, earliestStart: 0, latestEnd: 100)],
    items: [
        PlanItem(location: 1, duration: 10, score: 3, windows: [0...50], group: 7),
        PlanItem(location: 2, duration: 10, score: 4, windows: [30...40], mandatory: true),
        PlanItem(location: 1, duration: 5, score: 1, windows: [0...90], pin: (tour: 0, start: 60)),
        PlanItem(location: 1, duration: 5, score: 1, windows: [0...90], group: 7),
    ],
    travel: [[0, 10, 20], [10, 0, 10], [20, 10, 0]])

/// A feasible answer: 0 at 10–20, 1 at 30–40, 2 at 60–65, home at 75.
private let valid = [
    Visit(item: 0, arrival: 10, start: 10, departure: 20), Visit(item: 1, arrival: 30, start: 30, departure: 40),
    Visit(item: 2, arrival: 50, start: 60, departure: 65),
]

private func with(_ change: (inout [Visit]) -> Void) -> PlanningSolution {
    var route = valid
    change(&route)
    return PlanningSolution(routes: [route], omissions: [:])
}

@Suite("Independent checker")
struct PlanCheckerTests {
    @Test("a feasible solution passes")
    func accepts() {
        #expect(PlanChecker.violations(of: PlanningSolution(routes: [valid], omissions: [:]), in: problem).isEmpty)
    }

    @Test(
        "each broken rule is caught",
        arguments: [
            (
                "route count", PlanningSolution(routes: [valid, []], omissions: [:]),
                PlanViolation.routeCount(expected: 1, found: 2)
            ),
            (
                "unknown item", with { $0.append(Visit(item: 9, arrival: 80, start: 80, departure: 85)) },
                .unknownItem(tour: 0, item: 9)
            ),
            (
                "visited twice", with { $0.append(Visit(item: 2, arrival: 65, start: 65, departure: 70)) },
                .visitedTwice(item: 2)
            ),
            (
                "arrival ignores travel", with { $0[1].arrival = 25 },
                .timeMismatch(tour: 0, item: 1, field: "arrival", recorded: 25, recomputed: 30)
            ),
            (
                "starts before arrival",
                with {
                    $0[0].start = 5
                    $0[0].departure = 15
                }, .startsBeforeArrival(tour: 0, item: 0)
            ),
            (
                "outside its window",
                with {
                    $0[1] = Visit(item: 1, arrival: 30, start: 45, departure: 55)
                    $0[2].arrival = 65
                    $0[2].start = 65
                    $0[2].departure = 70
                }, .outsideWindows(tour: 0, item: 1, start: 45)
            ),
            (
                "service shorter than its duration", with { $0[0].departure = 15 },
                .timeMismatch(tour: 0, item: 0, field: "departure", recorded: 15, recomputed: 20)
            ),
            (
                "over budget", with { $0[2] = Visit(item: 2, arrival: 50, start: 90, departure: 95) },
                .budgetExceeded(tour: 0, returnsAt: 105, latestEnd: 100)
            ),
            ("pin moved", with { $0[2] = Visit(item: 2, arrival: 50, start: 62, departure: 67) }, .pinMoved(item: 2)),
            (
                "mandatory missing",
                with {
                    $0.remove(at: 1)
                    $0[1].arrival = 30
                }, .mandatoryMissing(item: 1)
            ),
            (
                "two alternatives", with { $0.append(Visit(item: 3, arrival: 75, start: 75, departure: 80)) },
                .groupVisitedTwice(group: 7)
            ),
        ] as [(String, PlanningSolution, PlanViolation)])
    func rejects(rule: String, solution: PlanningSolution, violation: PlanViolation) {
        #expect(
            PlanChecker.violations(of: solution, in: problem).contains(violation),
            "\(rule): \(PlanChecker.violations(of: solution, in: problem))")
    }
}
