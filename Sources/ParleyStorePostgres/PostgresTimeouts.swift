import Foundation
import PostgresNIO
import Synchronization

/// How long the PostgreSQL store waits on the database, at most, for each thing it asks of it.
///
/// Every wait is bounded, so a request never outlives a database that stopped answering (killed,
/// restarting, cut off by the network) and a server always finishes its graceful shutdown.
public struct PostgresTimeouts: Sendable {
    /// Waiting for a pooled connection before the database is called unavailable.
    public var lease: Duration
    /// The shorter wait once a wait has failed, until a connection is had again: an outage costs each
    /// request this long, not `lease`.
    public var degradedLease: Duration
    /// One operation (a statement, a transaction) once it has its connection.
    public var operation: Duration
    /// Opening a connection, handshake included.
    public var connect: Duration
    /// Between looks at whether the database is back, during an outage.
    public var probe: Duration
    /// Between looks at the desks someone follows here, even without a notification (in case one was
    /// lost: a server that died between its commit and its notification); also how often the listening
    /// connection must show it still answers.
    public var follow: Duration

    /// Bounds with the given values.
    public init(
        lease: Duration, degradedLease: Duration, operation: Duration, connect: Duration, probe: Duration,
        follow: Duration = .seconds(2)
    ) {
        self.lease = lease
        self.degradedLease = degradedLease
        self.operation = operation
        self.connect = connect
        self.probe = probe
        self.follow = follow
    }

    /// What `parley serve` uses: a connection within 5 s (half a second during an outage), an answer
    /// within 10 s (far beyond any statement Parley makes), a look for the database's return every 200 ms,
    /// and at the followed desks every 2 s.
    public static let standard = PostgresTimeouts(
        lease: .seconds(5), degradedLease: .milliseconds(500), operation: .seconds(10), connect: .seconds(5),
        probe: .milliseconds(200))
}

/// Why a bounded wait on the database ended without an answer.
enum DatabaseWaitFailure: Error {
    /// No connection came within the lease bound; `body` never started, so nothing was done.
    case noConnection(Duration)
    /// The operation started but got no answer within the operation bound; its connection was closed.
    case noAnswer(Duration)
    /// The caller was cancelled before a connection came; nothing was done.
    case cancelled
}

/// One operation's race against its bounds: exactly one of the work, the watch and the caller's
/// cancellation settles it, and the caller is answered at once whatever the work is still doing.
///
/// The work runs in a task of its own, so no await inside it, however stuck, can hold the caller: a
/// lease the pool never grants, a query on a connection the server stopped answering. A lease granted
/// after the caller was answered runs nothing; a query past its bound has its connection closed, which
/// ends it.
final class BoundedOperation<Value: Sendable>: Sendable {
    private enum Phase {
        case waiting
        case running(PostgresConnection, since: ContinuousClock.Instant)
        case settled
    }

    private struct State {
        var phase = Phase.waiting
        var continuation: CheckedContinuation<Value, any Error>?
        var work: Task<Void, Never>?
        var watch: UInt64?
    }

    private let state = Mutex(State())

    /// Runs `body` on a connection from `lease`, within `leaseBound` to get one and `operationBound` to
    /// finish once started.
    static func run(
        lease:
            @escaping @Sendable (@escaping @Sendable (PostgresConnection) async throws -> Value) async throws
            -> Value,
        leaseBound: Duration, operationBound: Duration,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let operation = BoundedOperation<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard operation.begin(continuation) else {
                    // The caller was cancelled before the wait began: nothing is asked of the database.
                    continuation.resume(throwing: DatabaseWaitFailure.cancelled)
                    return
                }
                let watch = BoundWatch.shared.watch(until: .now + leaseBound) { now in
                    operation.expire(at: now, leaseBound: leaseBound, operationBound: operationBound)
                }
                operation.watched(
                    by: watch,
                    work: Task {
                        do {
                            let result = try await lease { connection in
                                guard operation.start(on: connection) else { throw DatabaseWaitFailure.cancelled }
                                return try await body(connection)
                            }
                            operation.settle(.success(result))
                        } catch {
                            operation.settle(.failure(error))
                        }
                    })
            }
        } onCancel: {
            // Only a wait is given up: a statement under way is left to finish (within its bound), so a
            // write is never cut off halfway by our side.
            _ = operation.abandonWaiting(DatabaseWaitFailure.cancelled)
        }
    }

    /// What the watch does at a deadline: gives up a wait for a connection (cancelling the work), or a
    /// statement past its bound (closing its connection); answers the next deadline while it runs in time.
    private func expire(at now: ContinuousClock.Instant, leaseBound: Duration, operationBound: Duration)
        -> ContinuousClock.Instant?
    {
        let phase = state.withLock { $0.phase }
        switch phase {
        case .settled:
            return nil
        case .waiting:
            if abandonWaiting(DatabaseWaitFailure.noConnection(leaseBound)) {
                state.withLock { $0.work }?.cancel()
            }
            return nil
        case .running(_, let since):
            guard now >= since + operationBound else { return since + operationBound }
            if let connection = abandonRunning(DatabaseWaitFailure.noAnswer(operationBound)) {
                Task { try? await connection.close() }
            }
            return nil
        }
    }

    /// Holds the caller's continuation; false when the operation was settled (cancelled) already.
    private func begin(_ continuation: CheckedContinuation<Value, any Error>) -> Bool {
        state.withLock { state in
            if case .settled = state.phase { return false }
            state.continuation = continuation
            return true
        }
    }

    private func start(on connection: PostgresConnection) -> Bool {
        state.withLock { state in
            guard case .waiting = state.phase else { return false }
            state.phase = .running(connection, since: .now)
            return true
        }
    }

    /// Keeps the work and the watch's ticket; forgets the ticket at once if the work is settled already.
    private func watched(by watch: UInt64, work: Task<Void, Never>) {
        let settled = state.withLock { state in
            state.watch = watch
            state.work = work
            if case .settled = state.phase { return true }
            return false
        }
        if settled { BoundWatch.shared.forget(watch) }
    }

    private func settle(_ result: Result<Value, any Error>) {
        let settled = state.withLock { state -> (CheckedContinuation<Value, any Error>?, UInt64?)? in
            if case .settled = state.phase { return nil }
            state.phase = .settled
            defer { state.continuation = nil }
            return (state.continuation, state.watch)
        }
        if let watch = settled?.1 { BoundWatch.shared.forget(watch) }
        settled?.0?.resume(with: result)
    }

    private func abandonWaiting(_ failure: DatabaseWaitFailure) -> Bool {
        let abandoned = state.withLock { state -> (CheckedContinuation<Value, any Error>?, UInt64?)? in
            guard case .waiting = state.phase else { return nil }
            state.phase = .settled
            defer { state.continuation = nil }
            return (state.continuation, state.watch)
        }
        if let watch = abandoned?.1 { BoundWatch.shared.forget(watch) }
        abandoned?.0?.resume(throwing: failure)
        return abandoned?.0 != nil
    }

    private func abandonRunning(_ failure: DatabaseWaitFailure) -> PostgresConnection? {
        let abandoned = state.withLock { state -> (PostgresConnection, CheckedContinuation<Value, any Error>?)? in
            guard case .running(let connection, _) = state.phase else { return nil }
            state.phase = .settled
            defer { state.continuation = nil }
            return (connection, state.continuation)
        }
        abandoned?.1?.resume(throwing: failure)
        return abandoned?.0
    }
}

/// Runs `work` in a task of its own and answers with its result, or throws `DatabaseWaitFailure.noAnswer`
/// once `bound` has passed; a result that comes later is handed to `late` (to close a connection that
/// arrived too late to be used).
func withinBound<Value: Sendable>(
    _ bound: Duration, late: @escaping @Sendable (Value) async -> Void = { _ in },
    _ work: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let race = BoundedRace<Value>()
    return try await withCheckedThrowingContinuation { continuation in
        race.begin(continuation)
        let task = Task {
            do {
                let value = try await work()
                if !race.settle(.success(value)) { await late(value) }
            } catch {
                _ = race.settle(.failure(error))
            }
        }
        race.time(
            Task {
                try? await Task.sleep(for: bound)
                if race.settle(.failure(DatabaseWaitFailure.noAnswer(bound))) { task.cancel() }
            })
    }
}

/// A waiter resumed once, by whichever of a work and its timer comes first; the timer is stopped when
/// the work wins.
private final class BoundedRace<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var timer: Task<Void, Never>?
        var settled = false
    }

    private let state = Mutex(State())

    func begin(_ continuation: CheckedContinuation<Value, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func time(_ timer: Task<Void, Never>) {
        let settled = state.withLock { state in
            state.timer = timer
            return state.settled
        }
        if settled { timer.cancel() }
    }

    /// Resumes the waiter unless it was resumed already; whether this call did.
    func settle(_ result: Result<Value, any Error>) -> Bool {
        let won = state.withLock { state -> (CheckedContinuation<Value, any Error>?, Task<Void, Never>?)? in
            guard !state.settled else { return nil }
            state.settled = true
            defer { state.continuation = nil }
            return (state.continuation, state.timer)
        }
        guard let won else { return false }
        won.1?.cancel()
        won.0?.resume(with: result)
        return true
    }
}
