/// The problem in flat arrays for the search's inner loops, checked once on the way in.
struct CompiledProblem {
    /// Tolerance for time comparisons.
    static let epsilon = 1e-7

    let itemCount: Int
    let locationCount: Int
    let travel: [Double]
    let location: [Int]
    let duration: [Double]
    let score: [Double]
    /// Each item's windows, sorted by opening.
    let windows: [[ClosedRange<Double>]]
    let required: [Bool]
    let pinTour: [Int]
    let pinStart: [Double]
    /// Each item's group as 0..<groupCount, or -1.
    let group: [Int]
    let groupCount: Int
    let tours: [Tour]
    /// Whether any item has more than one window (then the fast feasibility test is only a first filter).
    let hasMultipleWindows: Bool

    init(_ problem: PlanningProblem) throws(PlanningError) {
        let locations = problem.travel.count
        guard problem.travel.allSatisfy({ $0.count == locations }) else {
            throw .invalidProblem("the travel matrix must be square")
        }
        guard problem.travel.allSatisfy({ $0.allSatisfy { $0.isFinite && $0 >= 0 } }) else {
            throw .invalidProblem("travel times must be finite and not negative")
        }
        for (index, tour) in problem.tours.enumerated() {
            guard (0..<locations).contains(tour.start), (0..<locations).contains(tour.end) else {
                throw .invalidProblem("tour \(index) starts or ends at an unknown location")
            }
            guard tour.earliestStart <= tour.latestEnd else {
                throw .invalidProblem("tour \(index) ends before it starts")
            }
        }
        var groupIDs: [Int: Int] = [:]
        var group: [Int] = []
        for (index, item) in problem.items.enumerated() {
            guard (0..<locations).contains(item.location) else {
                throw .invalidProblem("item \(index) is at an unknown location \(item.location)")
            }
            guard item.duration >= 0, item.duration.isFinite, item.score.isFinite else {
                throw .invalidProblem("item \(index) has a negative or infinite duration or score")
            }
            guard !item.windows.isEmpty else { throw .invalidProblem("item \(index) has no time window") }
            if let pin = item.pin {
                guard problem.tours.indices.contains(pin.tour) else {
                    throw .invalidProblem("item \(index) is pinned to unknown tour \(pin.tour)")
                }
                guard item.windows.contains(where: { $0.contains(pin.start) }) else {
                    throw .invalidProblem("item \(index) is pinned at \(pin.start), outside its windows")
                }
            }
            if let id = item.group {
                if groupIDs[id] == nil { groupIDs[id] = groupIDs.count }
                group.append(groupIDs[id]!)
            } else {
                group.append(-1)
            }
        }
        itemCount = problem.items.count
        locationCount = locations
        travel = problem.travel.flatMap { $0 }
        location = problem.items.map(\.location)
        duration = problem.items.map(\.duration)
        score = problem.items.map(\.score)
        windows = problem.items.map { $0.windows.sorted { $0.lowerBound < $1.lowerBound } }
        required = problem.items.map(\.isRequired)
        pinTour = problem.items.map { $0.pin?.tour ?? -1 }
        pinStart = problem.items.map { $0.pin?.start ?? 0 }
        self.group = group
        groupCount = groupIDs.count
        tours = problem.tours
        hasMultipleWindows = problem.items.contains { $0.windows.count > 1 }
    }

    @inline(__always)
    func time(_ from: Int, _ to: Int) -> Double { travel[from &* locationCount &+ to] }

    /// The earliest service start of `item` for an arrival at `arrival`, with the close of the window it
    /// falls in; nil when every window has closed (or a pinned item's time has passed).
    @inline(__always)
    func serviceStart(_ item: Int, arrival: Double) -> (start: Double, close: Double)? {
        if pinTour[item] >= 0 {
            return arrival <= pinStart[item] + Self.epsilon ? (pinStart[item], pinStart[item]) : nil
        }
        for window in windows[item] where arrival <= window.upperBound + Self.epsilon {
            return (max(arrival, window.lowerBound), window.upperBound)
        }
        return nil
    }

    /// Whether `item` may go on `tour` at all.
    @inline(__always)
    func allowed(_ item: Int, on tour: Int) -> Bool { pinTour[item] < 0 || pinTour[item] == tour }
}
