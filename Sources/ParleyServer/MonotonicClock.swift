import ParleyPlanner

/// Seconds on the monotonic clock, the form the planner's injected clock takes.
public enum MonotonicClock {
    /// A clock that reads the seconds elapsed since it was made.
    public static func elapsedSeconds() -> @Sendable () -> Double { PlannerOptions.monotonicClock() }
}

extension Duration {
    /// The duration as a number of seconds.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
