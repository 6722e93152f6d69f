import Foundation
import Logging
import ParleyDesk
import ParleyStore
import ServiceLifecycle
import Synchronization

/// Posts due playbook tries and deadline alarms to a desk's webhook as JSON, retrying with backoff.
///
/// Deliveries run on their own tasks so that a slow or failing receiver never holds up the desk. Every
/// delivery is kept for the notifications page with its outcome in four words (see `DeliveryOutcome`);
/// the technical reason of a failure goes to the operator's log only. Addresses the policy refuses are
/// never connected to, and a refusal is not retried.
final class WebhookNotifier: Service, Sendable {
    /// One notification to deliver.
    struct Job: Sendable {
        let desk: String
        let url: URL
        let sequence: Int64
        let type: String
        let at: Date
        let summary: String
    }

    /// What became of one notification.
    struct Delivery: Sendable {
        let job: Job
        var attempts: Int
        var delivered: Bool
        /// What the last try came to; nil before the first.
        var outcome: DeliveryOutcome?
        var finishedAt: Date?
    }

    /// Waits before each retry (the first try is immediate).
    let backoff: [Duration]
    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let log = Mutex<[Delivery]>([])
    private let logger: Logger
    private let poster: WebhookPoster
    /// What the retries wait on.
    private let clock: SteadyClock
    /// The wall clock that dates a finished delivery.
    private let now: @Sendable () -> Date

    init(
        backoff: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)],
        poster: WebhookPoster = WebhookPoster(policy: OutboundAddressPolicy()), clock: SteadyClock = .system,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
        self.backoff = backoff
        self.clock = clock
        self.now = now
        self.poster = poster
        self.logger = logger
    }

    /// Queues a notification; never waits.
    func enqueue(_ job: Job) { continuation.yield(job) }

    /// The newest deliveries for `desk`, newest first.
    func deliveries(for desk: String) -> [Delivery] {
        log.withLock { $0.filter { $0.job.desk == desk }.reversed() }
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            for await job in jobs.cancelOnGracefulShutdown() {
                group.addTask { await self.deliver(job) }
            }
        }
    }

    private func deliver(_ job: Job) async {
        let index = log.withLock { log in
            if log.count >= 500 { log.removeFirst(100) }
            log.append(Delivery(job: job, attempts: 0, delivered: false))
            return log.count - 1
        }
        let body: [String: String] = [
            "desk": job.desk, "sequence": String(job.sequence), "type": job.type, "at": InstantText.format(job.at),
            "summary": job.summary,
        ]
        let payload = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        for attempt in 0...backoff.count {
            if attempt > 0 {
                let wait = backoff[attempt - 1]
                // A shutdown does not wait for the retries (nor for a test's clock that never moves).
                do { try await cancelWhenGracefulShutdown { [clock] in try await clock.sleep(wait) } } catch { return }
            }
            var detail = ""
            let outcome = await poster.post(payload, to: job.url) { detail = $0 }
            update(index, job) { delivery in
                delivery.attempts = attempt + 1
                delivery.outcome = outcome
                delivery.delivered = outcome == .delivered
            }
            if outcome == .delivered { break }
            logger.warning(
                "webhook delivery failed",
                metadata: [
                    "parley.desk": "\(job.desk)", "parley.seq": "\(job.sequence)", "parley.outcome": "\(outcome)",
                    "parley.error": "\(detail)",
                ])
            // The address will not become acceptable by waiting; only the operator can allow it.
            if outcome == .refusedByAddressPolicy { break }
        }
        update(index, job) { $0.finishedAt = now() }
    }

    private func update(_ index: Int, _ job: Job, _ change: (inout Delivery) -> Void) {
        log.withLock { log in
            // The log may have been trimmed meanwhile; find the entry by what it carries.
            let position =
                log.indices.contains(index) && log[index].job.sequence == job.sequence
                    && log[index].job.desk == job.desk
                ? index : log.lastIndex { $0.job.sequence == job.sequence && $0.job.desk == job.desk }
            if let position { change(&log[position]) }
        }
    }
}
