import Foundation
import Logging
import ParleyDesk
import ParleyStore
import ServiceLifecycle
import Synchronization

/// Runs every desk's timers once a second and hands what fired to the webhook notifier.
///
/// Playbook tries, stops, deadline alarms and missed deadlines. Everything it knows comes from the log,
/// so a restart resumes with the same due times, and each due item is recorded exactly once.
struct TimerService: Service {
    let server: DeskServer
    let notifier: WebhookNotifier
    let interval: Duration
    let logger: Logger
    /// When each desk was created in this store: timers act only on what falls due after it.
    private let created = CreationTimes()

    init(server: DeskServer, notifier: WebhookNotifier, interval: Duration, logger: Logger) {
        self.server = server
        self.notifier = notifier
        self.interval = interval
        self.logger = logger
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await tick()
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    /// One pass over every desk.
    func tick() async {
        do {
            for desk in try await server.desks() {
                do {
                    // Decide on the server's cached state first; only read the log when something is due.
                    let since = try await created.time(of: desk, in: server.ledger.store)
                    let now = server.now
                    let (cached, _) = try await server.load(desk, as: .all)
                    guard !DeskTimers.due(in: cached, now: now, since: since).isEmpty else { continue }
                    let fired = try await server.ledger.fireTimers(on: desk, now: now, since: since)
                    guard !fired.isEmpty else { continue }
                    server.cache.invalidate(desk)
                    server.metrics.eventsAppended(fired.count)
                    let (state, _) = try await server.load(desk, as: .all)
                    guard let webhook = state.profile?.webhook, let url = URL(string: webhook) else { continue }
                    for stored in fired
                    where ["PlaybookTryDue", "DeadlineAlarmRaised", "DeadlineResolved"].contains(stored.type) {
                        let event = try stored.decoded()
                        notifier.enqueue(
                            .init(
                                desk: desk, url: url, sequence: stored.sequence, type: stored.type, at: event.at,
                                summary: event.summary))
                    }
                } catch let error as StoreError {
                    // Another writer came first; the next tick sees its events and decides again.
                    if case .conflict = error.code { continue }
                    logger.error(
                        "timers failed", metadata: ["parley.desk": "\(desk)", "parley.error": "\(error.message)"])
                }
            }
        } catch {
            logger.error("timers failed", metadata: ["parley.error": "\(error)"])
        }
    }
}

/// The recording time of each desk's first event, read once per desk.
private final class CreationTimes: Sendable {
    private let times = Mutex<[String: Date]>([:])

    func time(of desk: String, in store: any EventStore) async throws -> Date {
        if let known = times.withLock({ $0[desk] }) { return known }
        let first = try await store.read(desk: desk, from: 1).first?.recordedAt ?? .distantPast
        times.withLock { $0[desk] = first }
        return first
    }
}
