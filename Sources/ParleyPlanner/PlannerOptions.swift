/// How long and how the planner searches: limits, seed, clock, and an earlier itinerary to start from.
public struct PlannerOptions: Sendable {
    /// The seed of the search's random choices; the same seed and iteration limit give the same answer.
    public var seed: UInt64
    /// Stop after this many search iterations.
    public var iterationLimit: Int?
    /// Stop once `clock` has advanced this many seconds since the search began.
    public var timeLimit: Double?
    /// A monotonic clock in seconds, injected so the planner never reads the wall clock itself.
    public var clock: (@Sendable () -> Double)?
    /// A previous itinerary to start from, so a re-plan moves as little as it can.
    public var warmStart: PlanningSolution?
    /// The search's knobs; the defaults are the measured ones.
    public var tuning = SearchTuning()
    /// How many decisions the exhaustive search of a small problem may take (0: never search exhaustively).
    ///
    /// When they run out (or a tenth of the time limit passes) the bounded search takes over.
    public var exactNodeLimit = 200_000

    /// Options; give an iteration limit, or a time limit with a clock, or both.
    public init(
        seed: UInt64 = 1, iterationLimit: Int? = nil, timeLimit: Double? = nil,
        clock: (@Sendable () -> Double)? = nil, warmStart: PlanningSolution? = nil
    ) {
        self.seed = seed
        self.iterationLimit = iterationLimit
        self.timeLimit = timeLimit
        self.clock = clock
        self.warmStart = warmStart
    }
}
