import Foundation
import Synchronization

/// Whether a store's `run()` has brought it up: not yet, ready, or ended (failed or shut down).
///
/// Requests made before the store is ready wait for it, within a bound, instead of finding no schema;
/// after it has ended they fail at once with why.
final class StoreReadiness: Sendable {
    private enum State {
        case starting([UUID: CheckedContinuation<Void, any Error>])
        case ready
        case ended(any Error)
    }

    private let state = Mutex(State.starting([:]))

    /// Marks the store ready and lets every waiting request go on.
    func succeed() {
        settle(nil)
    }

    /// Marks the store ended with `error`, which every waiting and later request gets.
    func end(_ error: any Error) {
        settle(error)
    }

    private func settle(_ error: (any Error)?) {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            switch state {
            case .starting(let waiting):
                state = error.map { .ended($0) } ?? .ready
                return Array(waiting.values)
            case .ready:
                if let error { state = .ended(error) }
                return []
            case .ended:
                return []
            }
        }
        for continuation in waiting {
            if let error { continuation.resume(throwing: error) } else { continuation.resume() }
        }
    }

    /// Returns once the store is ready; throws why it ended, or `timeout` when it is not ready within
    /// `bound`.
    func wait(within bound: Duration, timeout: @escaping @Sendable () -> any Error) async throws {
        switch state.withLock({ $0 }) {
        case .ready: return
        case .ended(let error): throw error
        case .starting: break
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.wait() }
            group.addTask {
                try await Task.sleep(for: bound)
                throw timeout()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Returns once the store is ready; throws why it ended, or `CancellationError`.
    func wait() async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    switch state {
                    case .starting(var waiting):
                        if Task.isCancelled { return .failure(CancellationError()) }
                        waiting[id] = continuation
                        state = .starting(waiting)
                        return nil
                    case .ready: return .success(())
                    case .ended(let error): return .failure(error)
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard case .starting(var waiting) = state else { return nil }
                let continuation = waiting.removeValue(forKey: id)
                state = .starting(waiting)
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }
}
