import Synchronization

/// One task that ends every bounded wait on the database once it is past its bound.
///
/// A task of its own per operation, sleeping out its bound, cost 6–10 % of the CPU of an append under
/// load (ADR 0017): most operations finish in a millisecond and the task is made and cancelled for
/// nothing. One watch looks at the operations under way a few times a second instead, so a bound is
/// kept to within `tick` — ample for bounds of half a second and more.
final class BoundWatch: Sendable {
    /// Asked at or after its deadline: answers a later deadline to be asked again then, or nil when done.
    typealias Expiry = @Sendable (_ now: ContinuousClock.Instant) -> ContinuousClock.Instant?

    private struct Watched {
        var deadline: ContinuousClock.Instant
        let expire: Expiry
    }

    private struct State {
        var watched: [UInt64: Watched] = [:]
        var nextID: UInt64 = 0
        var looking = false
    }

    /// The watch every PostgreSQL store of this process shares.
    static let shared = BoundWatch(tick: .milliseconds(50))

    private let state = Mutex(State())
    private let tick: Duration

    /// A watch that looks every `tick`, while anything is watched.
    init(tick: Duration) {
        self.tick = tick
    }

    /// Asks `expire` at `deadline` (within a tick), until it answers nil or `forget` is called.
    func watch(until deadline: ContinuousClock.Instant, _ expire: @escaping Expiry) -> UInt64 {
        let (id, start) = state.withLock { state -> (UInt64, Bool) in
            state.nextID &+= 1
            state.watched[state.nextID] = Watched(deadline: deadline, expire: expire)
            defer { state.looking = true }
            return (state.nextID, !state.looking)
        }
        if start { Task { await self.look() } }
        return id
    }

    /// Stops watching `id` (its operation settled).
    func forget(_ id: UInt64) {
        _ = state.withLock { $0.watched.removeValue(forKey: id) }
    }

    /// Looks every tick until nothing is watched.
    private func look() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let due = state.withLock { state -> [(UInt64, Expiry)]? in
                guard !state.watched.isEmpty else {
                    state.looking = false
                    return nil
                }
                return state.watched.compactMap { id, watched in watched.deadline <= now ? (id, watched.expire) : nil }
            }
            guard let due else { return }
            for (id, expire) in due {
                let later = expire(now)
                state.withLock { state in
                    if let later {
                        state.watched[id]?.deadline = later
                    } else {
                        state.watched[id] = nil
                    }
                }
            }
        }
    }
}
