extension PlannerOptions {
    /// The system's monotonic clock, in seconds since this call: the form `clock` takes.
    ///
    /// Here, beside the options that take it, so the command line and the server both get it from the
    /// core rather than one reaching into the other.
    public static func monotonicClock() -> @Sendable () -> Double {
        let clock = ContinuousClock()
        let origin = clock.now
        return {
            let elapsed = (clock.now - origin).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        }
    }
}
