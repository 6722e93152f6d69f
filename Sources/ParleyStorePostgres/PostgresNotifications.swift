import Foundation
import Logging
import PostgresNIO
import Synchronization

/// What the notification channel needs of its store: pooled and dedicated connections, and a way to
/// bring the desks someone follows up to date.
protocol NotificationPeer: Sendable {
    /// Sends `payloads` as notifications on `channel`, in one statement on a pooled connection.
    func notify(_ payloads: [String], on channel: String) async throws
    /// A connection of its own to listen on, opened within the store's bounds.
    func listeningConnection() async throws -> PostgresConnection
    /// Reads `desk` from `sequence` on and hands the events to its subscribers.
    func catchUp(desk: String, from sequence: Int64) async
    /// Hands the newest event of every followed desk to its subscribers, so one that is behind re-reads.
    func catchUpFollowedDesks() async
    /// What went wrong, in words for an operator.
    func describe(_ error: any Error) -> String
}

/// One server's side of the NOTIFY channel that every server on a schema shares: the outbox that tells
/// the others about this server's appends, and the listener that follows theirs.
///
/// Both run only inside `run(with:)`, which the store runs as a child of its own `run()`; cancelling
/// it ends them and closes the listening connection (docs/adr/0016-services-and-layers.md).
final class PostgresNotifications: Sendable {
    /// How often the listener looks at the desks it follows even without a notification, in case one
    /// was lost (a server that died between its commit and its notification).
    private let follow: Duration

    /// The channel of the store's schema.
    let channel: String
    /// Tells this process's own notifications apart from other servers'.
    private let instance: String
    /// Notifications waiting to be sent: desk → first new sequence.
    private let outbox = Mutex<[String: Int64]>([:])
    /// Wakes the sender when the outbox fills; one pending wake-up covers any number of appends.
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    /// How long a listening connection may take to answer its health check.
    private let operation: Duration
    private let logger: Logger

    /// A channel named `channel`, whose own notifications carry `instance`.
    init(channel: String, instance: String, operation: Duration, follow: Duration, logger: Logger) {
        self.follow = follow
        self.channel = channel
        self.instance = instance
        self.operation = operation
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues a notification that `desk` has new events from `sequence` on, and wakes the sender.
    ///
    /// Notifications go out after the commit, batched, rather than inside the appending transaction:
    /// PostgreSQL serialises the commits of all transactions that NOTIFY, which capped appends at about
    /// 3 000/s with 8 or 64 writers here; batched, the appends commit in parallel and a burst costs one
    /// NOTIFY statement. If this process dies between commit and send, listeners still catch up by
    /// their periodic look (`follow`).
    func announce(desk: String, from sequence: Int64) {
        outbox.withLock { $0[desk] = min($0[desk] ?? sequence, sequence) }
        wake.yield()
    }

    /// Sends what is queued and follows other servers until cancelled; call once.
    ///
    /// What is still queued when it ends is dropped: the other servers' periodic look covers it.
    func run(with peer: some NotificationPeer) async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in self.wakeups { await self.sendQueued(with: peer) }
            }
            group.addTask { await self.listen(with: peer) }
        }
    }

    // MARK: - Telling other servers

    private func sendQueued(with peer: some NotificationPeer) async {
        while !Task.isCancelled {
            let batch = outbox.withLock { outbox in
                defer { outbox = [:] }
                return outbox
            }
            guard !batch.isEmpty else { return }
            do {
                try await peer.notify(batch.map { desk, first in "\(instance) \(first) \(desk)" }, on: channel)
            } catch {
                if Task.isCancelled { return }
                logger.warning(
                    "cannot notify other servers; they catch up within \(follow)",
                    metadata: ["parley.error": "\(peer.describe(error))"])
            }
            // Under steady appends, one batch per `batchPause` rather than one per append: each NOTIFY
            // is a transaction, and wakes every listening server. The first after a quiet spell goes at once.
            try? await Task.sleep(for: Self.batchPause)
        }
    }

    /// The least time between two notification batches: followers hear at most this much later.
    private static let batchPause = Duration.milliseconds(2)

    // MARK: - Following other servers

    /// Keeps a listening connection, reconnecting after a failure within at most a second.
    private func listen(with peer: some NotificationPeer) async {
        var pause = Duration.milliseconds(100)
        while !Task.isCancelled {
            do {
                try await listenOnce(with: peer)
                pause = .milliseconds(100)
            } catch {
                if Task.isCancelled { return }
                logger.warning(
                    "lost the notification connection; retrying",
                    metadata: ["parley.error": "\(peer.describe(error))", "parley.retry_ms": "\(pause)"])
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(1))
        }
    }

    /// Holds one listening connection until it fails, stops answering, or the task is cancelled.
    ///
    /// Each wait is bounded: the connection and its LISTEN within the store's `connect` and `operation`,
    /// and every `follow` a `SELECT 1` on it must answer within `operation`, or the connection is
    /// closed (which ends the wait for notifications) and another is made.
    private func listenOnce(with peer: some NotificationPeer) async throws {
        let logger = self.logger
        let operation = self.operation
        let follow = self.follow
        let connection = try await peer.listeningConnection()
        let listening = ListeningFlag()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Closing the connection ends every wait on it: the LISTEN, if it has no answer in time.
                group.addTask {
                    try? await Task.sleep(for: operation)
                    if !Task.isCancelled, !listening.isMarked { try? await connection.close() }
                }
                try await connection.listen(on: channel) { notifications in
                    listening.mark()
                    // Whatever was appended while no one listened: a nudge makes behind subscribers re-read.
                    await peer.catchUpFollowedDesks()
                    try await withThrowingTaskGroup(of: Void.self) { inner in
                        inner.addTask {
                            while true {
                                try await Task.sleep(for: follow)
                                do {
                                    _ = try await withinBound(operation) {
                                        try await connection.query("SELECT 1", logger: logger).collect().count
                                    }
                                } catch {
                                    try? await connection.close()
                                    throw error
                                }
                                await peer.catchUpFollowedDesks()
                            }
                        }
                        inner.addTask {
                            for try await notification in notifications {
                                await self.received(notification.payload, peer: peer)
                            }
                        }
                        // Either ends only by failing (the connection dropped or stopped answering) or by
                        // cancellation.
                        try await inner.next()
                        inner.cancelAll()
                    }
                }
                group.cancelAll()
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func received(_ payload: String, peer: some NotificationPeer) async {
        let parts = payload.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] != instance, let first = Int64(parts[1]) else { return }
        await peer.catchUp(desk: parts[2], from: first)
    }
}

/// Whether the LISTEN has been answered, shared with the watch that closes a connection that never does.
private final class ListeningFlag: Sendable {
    private let flag = Mutex(false)

    func mark() { flag.withLock { $0 = true } }

    var isMarked: Bool { flag.withLock { $0 } }
}
