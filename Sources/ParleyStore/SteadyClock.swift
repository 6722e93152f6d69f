/// A monotonic clock for whatever waits or judges how fresh a copy is (caches, timers, retries): the
/// system's, or in tests one that moves only when told, so that nothing has to sleep to see time pass.
///
/// Separate from `DeskEnvironment.now`, the wall clock that dates what is recorded.
public struct SteadyClock: Sendable {
    /// The time elapsed since the clock began; it never goes back.
    public var elapsed: @Sendable () -> Duration
    /// Suspends the caller for `duration` on this clock.
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// A clock from its two readings.
    public init(
        elapsed: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.elapsed = elapsed
        self.sleep = sleep
    }

    /// The system's monotonic clock (`ContinuousClock`).
    public static let system: SteadyClock = {
        let clock = ContinuousClock()
        let origin = clock.now
        return SteadyClock(elapsed: { clock.now - origin }, sleep: { try await clock.sleep(for: $0) })
    }()
}
