import ParleyPlanner

/// Seeded planning problems shaped like real trips, for measuring how fast small trips are solved.
///
/// A trip of 3 to 6 days across three cities 400 km apart, a day in one city (the last day's night in
/// the next), four venues per city within 20 km. A third of the items are fixed commitments at set
/// times on their day; the rest are candidate meetings worth 10 to 50, each at one to three venues of
/// its day's city (alternatives), with a window of half a day to two days. Travel is distance (km) in
/// minutes plus 15 (a motorcade forming up), so going through a third place is never quicker.
struct TripLikeProblems {
    private var state: UInt64

    /// A generator; the same seed makes the same problems.
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A problem with `items` items (commitments and meeting alternatives).
    mutating func make(items count: Int) -> PlanningProblem {
        let days = int(3...6)
        // Location 0…11: city c's venue v is 4c+v; the first venue of each city is its hotel.
        var x: [Double] = []
        var y: [Double] = []
        for city in 0..<3 {
            for _ in 0..<4 {
                x.append(Double(city * 400 + int(0...20)))
                y.append(Double(int(0...20)))
            }
        }
        let travel = (0..<12).map { a in
            (0..<12).map { b -> Double in
                guard a != b else { return 0 }
                let dx = x[a] - x[b]
                let dy = y[a] - y[b]
                return (dx * dx + dy * dy).squareRoot().rounded(.up) + 15
            }
        }
        func city(ofDay day: Int) -> Int { day * 3 / days }
        // Each day starts at its city's hotel and ends at the next day's (the move is in the evening).
        let tours = (0..<days).map { day in
            Tour(
                start: 4 * city(ofDay: day), end: 4 * city(ofDay: min(days - 1, day + 1)),
                earliestStart: Double(day * 1440 + 420), latestEnd: Double(day * 1440 + 1380))
        }
        var items: [PlanItem] = []
        var group = 0
        var fixed: [[ClosedRange<Double>]] = Array(repeating: [], count: days)
        while items.count < count {
            let day = int(0...(days - 1))
            let venue = 4 * city(ofDay: day) + int(1...3)
            if int(0...2) == 0 {
                // Commitments an hour apart at least, and over by 15:00 on a day that ends in another city.
                let start = Double(day * 1440 + int(9...19) * 60)
                let length = Double(int(1...3) * 60)
                let busy = (start - 60)...(start + length + 60)
                let moves = city(ofDay: day) != city(ofDay: min(days - 1, day + 1))
                guard !fixed[day].contains(where: { $0.overlaps(busy) }),
                    !moves || start + length <= Double(day * 1440 + 900)
                else { continue }
                fixed[day].append(busy)
                items.append(
                    PlanItem(
                        location: venue, duration: length, score: 0, windows: [start...start],
                        mandatory: true, pin: (tour: day, start: start)))
            } else {
                let open = Double(day * 1440 + int(8...14) * 60)
                let close = min(open + Double(int(6...36) * 60), Double((days - 1) * 1440 + 1200))
                let duration = Double(int(2...4) * 30)
                guard close - duration > open else { continue }
                let score = Double(int(1...5) * 10)
                let alternatives = min(int(1...3), count - items.count)
                for _ in 0..<alternatives {
                    items.append(
                        PlanItem(
                            location: 4 * city(ofDay: day) + int(1...3), duration: duration, score: score,
                            windows: [open...(close - duration)], group: group))
                }
                group += 1
            }
        }
        return PlanningProblem(tours: tours, items: items, travel: travel)
    }
}
