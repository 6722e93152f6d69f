import Synchronization

/// Work on one stream (or any named thing) from this process takes turns, in the order it asked.
///
/// Writers in one process racing to the same version would mostly refuse each other (every append but
/// one is a conflict, and an unlucky writer can lose every retry); taking turns leaves conflicts only
/// with other processes, which the write path's retries absorb. The store serializes appends to a
/// stream anyway, so nothing that could run at once is held back.
public final class StreamTurns: Sendable {
    private struct Queue: Sendable {
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// The streams being written, each with the writers waiting for it.
    private let queues = Mutex<[String: Queue]>([:])

    /// Turns on nothing yet.
    public init() {}

    /// Waits for this process's turn to write to `stream`; `end(stream)` must follow.
    public func begin(_ stream: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = queues.withLock { queues in
                guard queues[stream] != nil else {
                    queues[stream] = Queue()
                    return true
                }
                queues[stream]?.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Ends the current turn on `stream` and gives the next to the writer that has waited longest.
    public func end(_ stream: String) {
        let next = queues.withLock { queues -> CheckedContinuation<Void, Never>? in
            guard let first = queues[stream]?.waiting.first else {
                queues[stream] = nil
                return nil
            }
            queues[stream]?.waiting.removeFirst()
            return first
        }
        next?.resume()
    }
}
