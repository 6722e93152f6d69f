import Foundation
import Synchronization

/// What one timed load run measured: operations completed, their rate, and latency percentiles.
struct LoadRun: Sendable {
    /// Operations that completed.
    let operations: Int
    /// Wall-clock seconds the run took.
    let seconds: Double
    /// Operations per second.
    var rate: Double { Double(operations) / seconds }
    /// Median latency, milliseconds.
    let p50: Double
    /// 99th-percentile latency, milliseconds.
    let p99: Double

    /// Runs `operation` from `writers` concurrent tasks for `seconds`, timing each call.
    ///
    /// Each task calls it with its own index and a counter of its calls so far. A failure ends the run.
    static func measure(
        writers: Int, seconds: Double,
        _ operation: @escaping @Sendable (_ writer: Int, _ call: Int) async throws -> Void
    ) async throws -> LoadRun {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1_000))
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var own: [Double] = []
                    var call = 0
                    while clock.now < deadline {
                        let began = clock.now
                        try await operation(writer, call)
                        own.append(Self.milliseconds(clock.now - began))
                        call += 1
                    }
                    return own
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }.sorted()
        }
        let elapsed = Self.milliseconds(clock.now - start) / 1_000
        return LoadRun(
            operations: latencies.count, seconds: elapsed, p50: Self.percentile(latencies, 0.50),
            p99: Self.percentile(latencies, 0.99))
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }
}
