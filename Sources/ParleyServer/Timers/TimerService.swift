import Foundation
import Logging
import ParleyDesk
import ParleyStore
import ServiceLifecycle

/// Runs every desk's timers once a second and hands what fired to the webhook notifier; records the
/// rehearsals' steps as they come due.
///
/// Playbook tries, stops, deadline alarms and missed deadlines, through the ledger's one write path
/// (`DeskLedger.fireTimers`). Everything it knows comes from the log, so a restart resumes with the same
/// due times, and each due item is recorded exactly once.
struct TimerService: Service {
    let server: DeskServer
    let notifier: WebhookNotifier
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await tick()
            // A shutdown need not wait out the interval (nor a test's clock that never moves).
            do { try await cancelWhenGracefulShutdown { try await server.configuration.clock.sleep(interval) } } catch {
                return
            }
        }
    }

    /// One pass: the rehearsals' steps now due, then every desk's timers.
    func tick() async {
        await server.advanceRehearsals(logger: logger)
        do {
            for desk in try await server.desks() {
                do {
                    let fired = try await server.ledger.fireTimers(on: desk, now: server.now)
                    guard !fired.isEmpty else { continue }
                    server.metrics.eventsAppended(fired.count)
                    let state = try await server.ledger.load(desk).state
                    guard let webhook = state.profile?.webhook, let url = URL(string: webhook) else { continue }
                    for stored in fired
                    where ["PlaybookTryDue", "DeadlineAlarmRaised", "DeadlineResolved"].contains(stored.type) {
                        let event = try stored.decoded()
                        notifier.enqueue(
                            .init(
                                desk: desk, url: url, sequence: stored.sequence, type: stored.type, at: event.at,
                                summary: event.notice(in: state)))
                    }
                } catch let error as StoreError {
                    logger.error(
                        "timers failed", metadata: ["parley.desk": "\(desk)", "parley.error": "\(error.message)"])
                }
            }
        } catch {
            logger.error("timers failed", metadata: ["parley.error": "\(error)"])
        }
    }
}
