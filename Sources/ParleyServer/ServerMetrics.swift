import Foundation
import Synchronization

/// Request counts, latencies and appended events, written out in Prometheus' text format.
final class ServerMetrics: Sendable {
    private struct Counters {
        var requests: [String: Int] = [:]
        var latencyBuckets: [String: [Int]] = [:]
        var latencySum: [String: Double] = [:]
        var latencyCount: [String: Int] = [:]
        var events = 0
    }

    /// Upper bounds of the latency histogram, seconds.
    static let buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    private let counters = Mutex(Counters())

    /// Counts one request to `route` that answered `status` after `seconds`.
    func request(method: String, route: String, status: Int, seconds: Double) {
        counters.withLock { counters in
            counters.requests["method=\"\(method)\",route=\"\(route)\",status=\"\(status)\"", default: 0] += 1
            let key = "route=\"\(route)\""
            var buckets = counters.latencyBuckets[key] ?? Array(repeating: 0, count: Self.buckets.count)
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { buckets[index] += 1 }
            counters.latencyBuckets[key] = buckets
            counters.latencySum[key, default: 0] += seconds
            counters.latencyCount[key, default: 0] += 1
        }
    }

    /// Counts appended events.
    func eventsAppended(_ count: Int) { counters.withLock { $0.events += count } }

    /// The Prometheus exposition text.
    var text: String {
        counters.withLock { counters in
            var lines = [
                "# HELP parley_http_requests_total HTTP requests by method, route and status.",
                "# TYPE parley_http_requests_total counter",
            ]
            for (labels, count) in counters.requests.sorted(by: { $0.key < $1.key }) {
                lines.append("parley_http_requests_total{\(labels)} \(count)")
            }
            lines += [
                "# HELP parley_http_request_duration_seconds HTTP request latency by route.",
                "# TYPE parley_http_request_duration_seconds histogram",
            ]
            for (labels, buckets) in counters.latencyBuckets.sorted(by: { $0.key < $1.key }) {
                for (index, bound) in Self.buckets.enumerated() {
                    lines.append(
                        "parley_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(buckets[index])")
                }
                let count = counters.latencyCount[labels] ?? 0
                lines.append("parley_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(count)")
                lines.append("parley_http_request_duration_seconds_sum{\(labels)} \(counters.latencySum[labels] ?? 0)")
                lines.append("parley_http_request_duration_seconds_count{\(labels)} \(count)")
            }
            lines += [
                "# HELP parley_events_appended_total Events appended to desk logs by this server.",
                "# TYPE parley_events_appended_total counter", "parley_events_appended_total \(counters.events)",
            ]
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
