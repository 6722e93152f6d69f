/// An itinerary problem: tours that each start and end somewhere within a time budget, items that can
/// be visited within time windows, and the travel time between any two locations.
///
/// Times are plain numbers in one unit the caller chooses (the desk uses minutes since a reference
/// instant); the planner knows nothing of calendars or zones.
public struct PlanningProblem: Sendable, Equatable {
    /// The tours to fill, one per principal-day or per principal.
    public var tours: [Tour]
    /// What could be visited.
    public var items: [PlanItem]
    /// `travel[a][b]`: time from location `a` to location `b` (asymmetric allowed).
    public var travel: [[Double]]

    /// A problem over locations `0..<travel.count`.
    public init(tours: [Tour], items: [PlanItem], travel: [[Double]]) {
        self.tours = tours
        self.items = items
        self.travel = travel
    }
}

/// One tour: where it starts and ends, and the time it may use.
public struct Tour: Sendable, Equatable {
    /// The location the tour starts from.
    public var start: Int
    /// The location the tour must return to.
    public var end: Int
    /// The earliest time the tour may leave `start`.
    public var earliestStart: Double
    /// The latest time the tour may arrive at `end`.
    public var latestEnd: Double

    /// A tour from `start` to `end` within `earliestStart…latestEnd`.
    public init(start: Int, end: Int, earliestStart: Double, latestEnd: Double) {
        self.start = start
        self.end = end
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
    }
}

/// Something that could be visited: where, for how long, how much it is worth, and when.
public struct PlanItem: Sendable, Equatable {
    /// The location visited.
    public var location: Int
    /// How long the visit lasts.
    public var duration: Double
    /// What it is worth.
    public var score: Double
    /// When service may start: the earliest and the latest start; waiting for a window to open is allowed.
    public var windows: [ClosedRange<Double>]
    /// Whether every solution must include it.
    public var mandatory: Bool
    /// A tour and start time it is fixed to, if any (a confirmed meeting); a pinned item is mandatory.
    public var pin: (tour: Int, start: Double)?
    /// Items sharing a group are alternatives (one meeting at one of several venues): at most one is visited.
    public var group: Int?

    /// An item at a location.
    public init(
        location: Int, duration: Double, score: Double, windows: [ClosedRange<Double>], mandatory: Bool = false,
        pin: (tour: Int, start: Double)? = nil, group: Int? = nil
    ) {
        self.location = location
        self.duration = duration
        self.score = score
        self.windows = windows
        self.mandatory = mandatory
        self.pin = pin
        self.group = group
    }

    /// Whether every solution must include it.
    public var isRequired: Bool { mandatory || pin != nil }

    /// Items are equal when every field is, the pin included.
    public static func == (lhs: PlanItem, rhs: PlanItem) -> Bool {
        lhs.location == rhs.location && lhs.duration == rhs.duration && lhs.score == rhs.score
            && lhs.windows == rhs.windows && lhs.mandatory == rhs.mandatory
            && lhs.pin?.tour == rhs.pin?.tour && lhs.pin?.start == rhs.pin?.start && lhs.group == rhs.group
    }
}
