/// The independent checker: recomputes every time from the problem alone and lists what is broken.
///
/// It shares no code with the search, so a bug in the search's bookkeeping cannot hide here.
public enum PlanChecker {
    /// Tolerance for comparing recomputed times.
    static let tolerance = 1e-6

    /// Every rule `solution` breaks; empty when it is feasible.
    public static func violations(of solution: PlanningSolution, in problem: PlanningProblem) -> [PlanViolation] {
        var found: [PlanViolation] = []
        guard solution.routes.count == problem.tours.count else {
            return [.routeCount(expected: problem.tours.count, found: solution.routes.count)]
        }
        var seen = Set<Int>()
        var groups = Set<Int>()
        for (tourIndex, route) in solution.routes.enumerated() {
            let tour = problem.tours[tourIndex]
            var location = tour.start
            var clock = tour.earliestStart
            for visit in route {
                guard problem.items.indices.contains(visit.item) else {
                    found.append(.unknownItem(tour: tourIndex, item: visit.item))
                    continue
                }
                let item = problem.items[visit.item]
                if !seen.insert(visit.item).inserted { found.append(.visitedTwice(item: visit.item)) }
                if let group = item.group, !groups.insert(group).inserted {
                    found.append(.groupVisitedTwice(group: group))
                }
                let arrival = clock + problem.travel[location][item.location]
                if abs(visit.arrival - arrival) > tolerance {
                    found.append(
                        .timeMismatch(
                            tour: tourIndex, item: visit.item, field: "arrival", recorded: visit.arrival,
                            recomputed: arrival))
                }
                if visit.start < arrival - tolerance {
                    found.append(.startsBeforeArrival(tour: tourIndex, item: visit.item))
                }
                let inWindow = item.windows.contains {
                    visit.start >= $0.lowerBound - tolerance && visit.start <= $0.upperBound + tolerance
                }
                if !inWindow { found.append(.outsideWindows(tour: tourIndex, item: visit.item, start: visit.start)) }
                if let pin = item.pin, pin.tour != tourIndex || abs(pin.start - visit.start) > tolerance {
                    found.append(.pinMoved(item: visit.item))
                }
                let departure = visit.start + item.duration
                if abs(visit.departure - departure) > tolerance {
                    found.append(
                        .timeMismatch(
                            tour: tourIndex, item: visit.item, field: "departure", recorded: visit.departure,
                            recomputed: departure))
                }
                clock = max(departure, visit.departure)
                location = item.location
            }
            let returnsAt = clock + problem.travel[location][tour.end]
            if returnsAt > tour.latestEnd + tolerance {
                found.append(.budgetExceeded(tour: tourIndex, returnsAt: returnsAt, latestEnd: tour.latestEnd))
            }
        }
        for (index, item) in problem.items.enumerated() where item.isRequired && !seen.contains(index) {
            found.append(item.pin != nil ? .pinMoved(item: index) : .mandatoryMissing(item: index))
        }
        return found
    }
}
