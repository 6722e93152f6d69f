import Synchronization

/// Streams folded into states that grow with their logs, and the one place anything is appended to a
/// stream (docs/adr/0017).
///
/// A stream is read from the start once; after that only the events appended since the version held are
/// read and folded in. One read per stream is under way at a time: whoever needs a fresher copy while one
/// is under way waits for the next, which all of them share. A write decides on the copy held, appends at
/// its version, and when another writer came first folds in what that writer appended and decides again
/// at once (`write`); writes to one stream from this process take turns (`StreamTurns`), so they race
/// only other processes. What a write appends is folded into the copy as it commits, so no read of the store
/// follows a write.
///
/// Copies are trusted for `freshFor` on the injected clock (writes from other processes show within it,
/// or sooner when `observe` hears of them); at most `capacity` streams are kept, and a name whose stream
/// has no events leaves nothing behind.
public final class FoldedStreams<State: Sendable>: Sendable {
    /// How one stored event changes the state.
    public typealias Fold = @Sendable (inout State, StoredEvent) throws -> Void
    /// What is done once after a batch of events is folded in (a desk folds itself again after a
    /// retraction once per batch, not once per retraction).
    public typealias Settle = @Sendable (inout State) -> Void

    /// A stream's state as of one version.
    public struct Folded: Sendable {
        /// The state.
        public var state: State
        /// The sequence number of the last event folded in (0: none).
        public var version: Int64

        /// A state at a version.
        public init(state: State, version: Int64) {
            self.state = state
            self.version = version
        }
    }

    /// What a write's decision says to do.
    public enum Decision: Sendable {
        /// Append these events after the version decided on.
        case append([PendingEvent])
        /// Nothing to write (or the decider has its answer already).
        case nothing
        /// Decide again on a copy read from the store now (the copy held may be behind).
        case readAgain
    }

    /// What a write did.
    public struct Written: Sendable {
        /// The events appended (none when the decision was `.nothing`).
        public var stored: [StoredEvent]
        /// The version decided on.
        public var before: Int64
        /// The stream just after `stored`.
        public var after: Folded
        /// How many times the write was decided.
        public var attempts: Int
    }

    private struct Entry: Sendable {
        var folded: Folded
        /// When the store was last seen to hold nothing newer; nil when it must be looked at again.
        var checkedAt: Duration?
        var usedAt: Duration
    }

    private struct Fills: Sendable {
        var running: Task<Folded, any Error>
        /// The read that starts when `running` ends, for those who asked after it began.
        var next: Task<Folded, any Error>?
    }

    /// The copy held, or the read to wait for.
    private enum Look: Sendable {
        case held(Folded)
        case read(Task<Folded, any Error>)
    }

    private struct Shared: Sendable {
        var entries: [String: Entry] = [:]
        var fills: [String: Fills] = [:]
    }

    /// The log.
    public let store: any EventStore
    private let empty: State
    private let fold: Fold
    private let settle: Settle
    private let clock: SteadyClock
    private let freshFor: Duration
    private let capacity: Int
    private let shared = Mutex(Shared())
    private let turns = StreamTurns()

    /// Streams of `store`, each folded from `empty` by `fold`, trusted for `freshFor` on `clock`.
    public init(
        store: any EventStore, empty: State, clock: SteadyClock, freshFor: Duration, capacity: Int = 256,
        settle: @escaping Settle = { _ in }, fold: @escaping Fold
    ) {
        self.settle = settle
        self.store = store
        self.empty = empty
        self.fold = fold
        self.clock = clock
        self.freshFor = freshFor
        self.capacity = max(capacity, 1)
    }

    /// How many streams are kept.
    public var count: Int { shared.withLock { $0.entries.count } }

    /// The stream as of its newest event (at most `freshFor` old for writes made elsewhere).
    /// - Throws: `StoreError`, or the fold's error for an event it cannot take.
    public func current(_ stream: String) async throws -> Folded {
        let now = clock.elapsed()
        let cached = shared.withLock { shared -> Entry? in
            shared.entries[stream]?.usedAt = now
            return shared.entries[stream]
        }
        if let cached, let checked = cached.checkedAt, now - checked < freshFor { return cached.folded }
        // A read under way began just now: fresh enough for a reader, who need not wait for another.
        return try await refreshed(stream, joining: true)
    }

    /// The copy held of `stream`, without waiting, and whether it is fresh (nil when none is held).
    public func held(_ stream: String) -> (folded: Folded, fresh: Bool)? {
        let now = clock.elapsed()
        return shared.withLock { shared in
            shared.entries[stream].map { entry in
                (entry.folded, entry.checkedAt.map { now - $0 < freshFor } ?? false)
            }
        }
    }

    /// The stream with every event stored before this call folded in (or, given `reaching`, as soon as
    /// the copy held has that version: this process's own writes are folded in as they commit).
    /// - Throws: `StoreError`, or the fold's error for an event it cannot take.
    public func refreshed(_ stream: String, reaching version: Int64? = nil) async throws -> Folded {
        try await refreshed(stream, reaching: version, joining: false)
    }

    private func refreshed(_ stream: String, reaching version: Int64? = nil, joining: Bool) async throws -> Folded {
        let answer = shared.withLock { shared -> Look in
            if let version, let entry = shared.entries[stream], entry.folded.version >= version {
                return .held(entry.folded)
            }
            guard let fills = shared.fills[stream] else {
                let task = Task { try await self.fill(stream) }
                shared.fills[stream] = Fills(running: task)
                return .read(task)
            }
            if joining { return .read(fills.running) }
            // The running read may have begun before what the caller needs was stored: wait for the next.
            if let next = fills.next { return .read(next) }
            let running = fills.running
            let next = Task {
                _ = try? await running.value
                return try await self.fill(stream)
            }
            shared.fills[stream]?.next = next
            return .read(next)
        }
        switch answer {
        case .held(let held): return held
        case .read(let task): return try await task.value
        }
    }

    /// Reads what the store has after the copy held, folds it in, and keeps the result.
    ///
    /// A stream not held yet is folded aside and then kept; one held is grown in place, under the lock,
    /// by the few events it lacks (never copied whole, and never behind a write that committed meanwhile).
    private func fill(_ stream: String) async throws -> Folded {
        var finished = false
        do {
            while true {
                let held = shared.withLock { $0.entries[stream]?.folded.version }
                let events = try await store.read(desk: stream, from: (held ?? 0) + 1)
                guard held != nil else {
                    var folded = Folded(state: empty, version: 0)
                    for event in events {
                        try fold(&folded.state, event)
                        folded.version = event.sequence
                    }
                    settle(&folded.state)
                    finished = true
                    return keep(folded, of: stream, filling: true)
                }
                let now = clock.elapsed()
                let fold = self.fold
                let settle = self.settle
                let grown = try shared.withLock { shared throws -> Folded? in
                    // Made room for meanwhile: read it whole.
                    guard shared.entries[stream] != nil else { return nil }
                    finished = true
                    Self.finishFill(&shared, stream)
                    do {
                        for event in events where event.sequence == shared.entries[stream]!.folded.version + 1 {
                            try fold(&shared.entries[stream]!.folded.state, event)
                            shared.entries[stream]!.folded.version = event.sequence
                        }
                        settle(&shared.entries[stream]!.folded.state)
                    } catch {
                        shared.entries[stream] = nil
                        throw error
                    }
                    shared.entries[stream]!.checkedAt = now
                    return shared.entries[stream]!.folded
                }
                if let grown { return grown }
            }
        } catch {
            if !finished { shared.withLock { Self.finishFill(&$0, stream) } }
            throw error
        }
    }

    private static func finishFill(_ shared: inout Shared, _ stream: String) {
        if let next = shared.fills[stream]?.next {
            shared.fills[stream] = Fills(running: next)
        } else {
            shared.fills[stream] = nil
        }
    }

    /// Keeps `folded` unless a newer copy is held (a write that committed meanwhile); answers what is kept.
    @discardableResult
    private func keep(_ folded: Folded, of stream: String, filling: Bool) -> Folded {
        let now = clock.elapsed()
        let capacity = self.capacity
        return shared.withLock { shared in
            if filling { Self.finishFill(&shared, stream) }
            if let held = shared.entries[stream], held.folded.version >= folded.version {
                // What was just read or written is no newer than the copy held, so the copy is current.
                shared.entries[stream]?.checkedAt = now
                return held.folded
            }
            // No such stream (or not yet): nothing to keep, so made-up names cannot grow the memory.
            guard folded.version > 0 else { return folded }
            if shared.entries[stream] == nil, shared.entries.count >= capacity,
                let stalest = shared.entries.min(by: { $0.value.usedAt < $1.value.usedAt })?.key
            {
                shared.entries.removeValue(forKey: stalest)
            }
            shared.entries[stream] = Entry(folded: folded, checkedAt: now, usedAt: now)
            return folded
        }
    }

    /// Decides on the stream and appends what the decision yields at the version decided on; when
    /// another writer came first, folds in what it appended and decides again at once, at most `attempts`
    /// times in all.
    ///
    /// `decide` is told whether the copy it gets was just read from the store (`fresh`) rather than
    /// held. The first decision is made on the copy held (or `start`, or a fresh one with `startFresh`):
    /// a copy that is behind only costs a conflict and a new decision, never a wrong write.
    /// - Throws: what `decide` throws; `StoreError` `.conflict` when every attempt met a newer stream;
    ///   any other `StoreError` of the append (`outcomeUnknown` says whether it may have committed).
    public func write(
        to stream: String, attempts: Int, startFresh: Bool = false, on start: Folded? = nil,
        _ decide: (_ folded: Folded, _ fresh: Bool) async throws -> Decision
    ) async throws -> Written {
        await turns.begin(stream)
        defer { turns.end(stream) }
        var fresh = startFresh
        var folded: Folded
        if let start { folded = start } else { folded = try await startFresh ? refreshed(stream) : current(stream) }
        var attempt = 0
        while true {
            attempt += 1
            switch try await decide(folded, fresh) {
            case .nothing:
                return Written(stored: [], before: folded.version, after: folded, attempts: attempt)
            case .readAgain:
                guard attempt < attempts else {
                    throw StoreError.conflict(desk: stream, expected: folded.version, actual: folded.version)
                }
                folded = try await refreshed(stream)
                fresh = true
            case .append(let pending):
                do {
                    let stored = try await store.append(pending, to: stream, expectedVersion: folded.version)
                    let before = folded.version
                    // The copy held is grown in place: with this reference dropped it is usually the only
                    // one, so folding in a write costs what its events cost, not a copy of the whole stream.
                    folded = Folded(state: empty, version: 0)
                    let after = try await grow(stream, at: before, with: stored)
                    return Written(stored: stored, before: before, after: after, attempts: attempt)
                } catch let error as StoreError {
                    guard case .conflict(_, _, let actual) = error.code, attempt < attempts else { throw error }
                    // A log shorter than the copy (cut back behind this process's back, restored from a
                    // backup) is read again from the start: the only time a stream is folded anew.
                    if actual < folded.version { shared.withLock { _ = $0.entries.removeValue(forKey: stream) } }
                    folded = try await refreshed(stream, reaching: max(actual, folded.version + 1))
                    fresh = true
                }
            }
        }
    }

    /// Folds `stored`, just appended after `version`, into the copy held, and answers the result.
    private func grow(_ stream: String, at version: Int64, with stored: [StoredEvent]) async throws -> Folded {
        let now = clock.elapsed()
        let fold = self.fold
        let settle = self.settle
        let grown = try shared.withLock { shared throws -> Folded? in
            guard shared.entries[stream]?.folded.version == version, let last = stored.last else { return nil }
            do {
                for event in stored { try fold(&shared.entries[stream]!.folded.state, event) }
                settle(&shared.entries[stream]!.folded.state)
            } catch {
                // Events this process just wrote that it cannot fold: a bug; keep nothing half done.
                shared.entries[stream] = nil
                throw error
            }
            shared.entries[stream]!.folded.version = last.sequence
            shared.entries[stream]!.checkedAt = now
            shared.entries[stream]!.usedAt = now
            return shared.entries[stream]!.folded
        }
        if let grown { return grown }
        // No copy at that version is held (made room for, or the write was decided on a caller's copy).
        return try await refreshed(stream, reaching: stored.last?.sequence ?? version)
    }

    /// Notes that `stream` has reached `version` (a live event, perhaps written by another server), so
    /// the next look reads what the copy lacks instead of trusting it for the rest of `freshFor`.
    public func observe(_ stream: String, version: Int64) {
        shared.withLock { shared in
            if let entry = shared.entries[stream], entry.folded.version < version {
                shared.entries[stream]?.checkedAt = nil
            }
        }
    }

    /// Makes the next look at `stream` ask the store for what is new (the copy is kept and grown, not
    /// read again from the start).
    public func invalidate(_ stream: String) {
        shared.withLock { $0.entries[stream]?.checkedAt = nil }
    }
}
