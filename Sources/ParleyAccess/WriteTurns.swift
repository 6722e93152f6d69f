import Synchronization

/// One write at a time to the accounts stream from this process, in the order they asked.
///
/// Writes to one stream from one process would otherwise race each other to the same expected version,
/// and under a burst of sign-ins some lost every retry (answering "try again later" for nothing). Taking
/// turns leaves conflicts only with other servers, which the writer's retries absorb.
final class WriteTurns: Sendable {
    private struct Queue: Sendable {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let queue = Mutex(Queue())

    /// Waits for this process's turn to write; `end` must follow.
    func begin() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = queue.withLock { queue in
                if !queue.busy {
                    queue.busy = true
                    return true
                }
                queue.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Ends the current turn and gives the next to the writer that has waited longest.
    func end() {
        let next = queue.withLock { queue -> CheckedContinuation<Void, Never>? in
            guard !queue.waiting.isEmpty else {
                queue.busy = false
                return nil
            }
            return queue.waiting.removeFirst()
        }
        next?.resume()
    }
}
