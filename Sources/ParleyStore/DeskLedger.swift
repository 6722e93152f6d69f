import Foundation
import ParleyDesk
import Synchronization

/// The one write path to desks (docs/adr/0017): every writer (the web desk, the API, the timers,
/// imports, replays, the command line) loads, decides, appends and, when another writer came first,
/// decides again here, and nowhere else.
///
/// Desks are kept folded between calls and grown by the events appended since (`FoldedStreams`), so a
/// write decides on the copy held and costs one append; a copy that is behind costs a conflict and a new
/// decision on the copy with the newer events folded in, at once. Who writes is an input: the actor, their
/// clearance (what they may see and where they may open engagements) and the version they were shown,
/// counted as they count it (`DeskView`).
public struct DeskLedger: Sendable {
    /// Where the events live.
    public let store: any EventStore
    /// The wall clock that dates what is recorded, and the id source.
    public let environment: DeskEnvironment
    /// The monotonic clock that says how fresh a kept desk is.
    public let clock: SteadyClock
    private let folds: FoldedStreams<FoldedDesk>
    private let views: RedactedViews
    private let names = KeptNames()

    /// A ledger over `store`; desks read through it are trusted for `freshFor` on `clock` (writes made
    /// elsewhere show within it), at most `capacity` of them kept.
    public init(
        store: any EventStore, environment: DeskEnvironment, clock: SteadyClock = .system,
        freshFor: Duration = .milliseconds(250), capacity: Int = 256
    ) {
        self.store = store
        self.environment = environment
        self.clock = clock
        folds = FoldedStreams(
            store: store, empty: FoldedDesk(), clock: clock, freshFor: freshFor, capacity: capacity,
            settle: { $0.settle() }, fold: { try $0.take($1) })
        views = RedactedViews()
    }

    /// How many folded desks and redacted copies are kept now.
    public var keptCount: Int { folds.count + views.count }

    /// How many times a write without an expected version is decided again on a desk that others keep
    /// changing before it answers "busy".
    public static let unversionedAttempts = 50
    /// How many times a write with an expected version, or the timers, are decided again.
    static let versionedAttempts = 5
    static let timerAttempts = 20

    // MARK: Reading

    /// The desk as its log builds it, with the version that a write based on it must expect.
    /// - Throws: `StoreError`, or `EventDecodingError` for a log this version cannot read.
    public func load(_ desk: String) async throws -> (state: DeskState, version: Int64) {
        let folded = try await folded(desk)
        return (folded.state.state, folded.version)
    }

    /// The desk as a reader with `clearance` may see it, numbered as they count it.
    /// - Throws: `StoreError`, or `EventDecodingError` for a log this version cannot read.
    public func view(_ desk: String, as clearance: Clearance) async throws -> DeskView {
        try await view(of: try await folded(desk), desk, as: clearance)
    }

    /// Every desk's name (at most `freshFor` old for desks created elsewhere).
    /// - Throws: `StoreError` when the storage cannot be read.
    public func desks() async throws -> [String] {
        let now = clock.elapsed()
        if let cached = names.kept.withLock({ $0 }), now - cached.checkedAt < .milliseconds(250) {
            return cached.names
        }
        let fresh = try await store.desks()
        names.kept.withLock { $0 = (fresh, now) }
        return fresh
    }

    /// Notes that `desk` has reached `version` (a live event, perhaps written by another server).
    public func observe(_ desk: String, version: Int64) { folds.observe(desk, version: version) }

    /// Makes the next look at `desk` ask the store for what is new.
    public func invalidate(_ desk: String) {
        folds.invalidate(desk)
        names.kept.withLock { $0 = nil }
    }

    private func folded(_ desk: String) async throws -> FoldedStreams<FoldedDesk>.Folded {
        // Not a desk's name, so no desk: the accounts stream is not read as one.
        guard !desk.hasPrefix(systemStreamPrefix) else { return .init(state: FoldedDesk(), version: 0) }
        return try await folds.current(desk)
    }

    private func view(of whole: FoldedStreams<FoldedDesk>.Folded, _ desk: String, as clearance: Clearance)
        async throws -> DeskView
    {
        try await views.view(of: whole, desk, as: clearance, from: store)
    }

    // MARK: Writing

    /// Decides `command` for `actor` and appends what it yields; answers what was written, in the
    /// actor's numbers.
    ///
    /// The command is decided on the desk as `clearance` sees it first, so a command naming something
    /// hidden is refused exactly as if it did not exist, and then on the whole desk (which refuses an
    /// engagement opened in a compartment the actor is not a member of). With `expectedVersion` (in the
    /// actor's numbers) the desk must still be at that version; a write hidden from the actor never makes
    /// theirs a conflict, or they would learn of it. Without one the actor asked to act on the newest desk,
    /// so the command is decided again on a newer desk until it is stored or refused; only a desk busier
    /// than `unversionedAttempts` appends in a row answers "busy" (nothing written).
    ///
    /// With an idempotency key, a write the same actor already made with that key is not made again: the
    /// first write's events are answered, marked `replayed`, on any server and after any restart. With
    /// `sealingCompartmentIDs`, what is created inside a compartment gets an id with a part made here.
    /// `live` says the actor records as things happen (the browser, the API): a date in the future is
    /// refused, and one in the past is stamped as learned now (`DeskEvent.recordedLive`). `replaying` is
    /// the stored event a replay writes again: what it yields is dated and known as that event was.
    /// - Throws: `DeskError` when the desk refuses; `StoreError` `.conflict` (in the actor's numbers) for
    ///   a stale `expectedVersion`, `.unavailable` for "busy" or storage that failed (saying whether the
    ///   write may have been recorded).
    public func write(
        _ command: DeskCommand, on desk: String, actor: String, as clearance: Clearance = .all,
        expectedVersion: Int64? = nil, idempotencyKey: IdempotencyKey? = nil, sealingCompartmentIDs: Bool = false,
        live: Bool = false, replaying original: DeskEvent? = nil
    ) async throws -> WriteOutcome {
        guard !desk.hasPrefix(systemStreamPrefix) else { throw DeskError.deskNotOpened }
        func replayed() async throws -> WriteOutcome? {
            guard let idempotencyKey,
                let stored = try await events(appendedWith: idempotencyKey, on: desk, actor: actor),
                let last = stored.last
            else { return nil }
            // A key names one write: the same key on another kind of write is a mistake, not a repeat.
            guard stored.first?.type == command.eventType else {
                throw DeskError.invalidValue(
                    field: "Idempotency-Key",
                    expected: "a key not yet used for another kind of write (\(stored.first?.type ?? "?") was recorded "
                        + "with it)", found: idempotencyKey.rawValue)
            }
            let whole = try await folds.refreshed(desk, reaching: last.sequence)
            let seen = try await view(of: whole, desk, as: clearance)
            return WriteOutcome(
                sequences: stored.compactMap { seen.viewerSequence(of: $0.sequence) }, events: stored,
                after: seen.isRedacted ? seen.state : whole.state.state, replayed: true)
        }
        if let first = try await replayed() { return first }
        var replay: WriteOutcome?
        var stale: StoreError?
        var seenRedacted = false
        let written: FoldedStreams<FoldedDesk>.Written
        do {
            written = try await folds.write(
                to: desk, attempts: expectedVersion == nil ? Self.unversionedAttempts : Self.versionedAttempts
            ) { folded, fresh in
                // A repeat of a keyed write that raced its first: the unique event id caught it.
                if fresh, let first = try await replayed() {
                    replay = first
                    return .nothing
                }
                let view = try await view(of: folded, desk, as: clearance)
                if let expectedVersion, expectedVersion != view.version {
                    // The copy held may be behind the asker: look at the store before calling it a conflict.
                    guard fresh else { return .readAgain }
                    stale = .conflict(desk: desk, expected: expectedVersion, actual: view.version)
                    throw stale!
                }
                seenRedacted = view.isRedacted
                let now = InstantText.rounded(environment.now())
                if view.isRedacted {
                    try view.requireRetractable(command, of: folded.state.state)
                    try view.requireAmendable(command, of: folded.state.state)
                    _ = try view.state.decide(view.asSeen(command), now: now, as: clearance)
                }
                let state = folded.state.state
                var command =
                    sealingCompartmentIDs
                    ? state.sealingCompartmentIDs(
                        of: command, suffix: String(environment.newID().uuidString.lowercased().prefix(8)))
                    : command
                if view.isRedacted { command = view.keepingHiddenDependencies(command, of: state) }
                var decided: [DeskEvent]
                do {
                    decided = try state.decide(command, now: original?.at ?? now, as: clearance)
                } catch DeskError.dependencyCycle(let cycle) where view.isRedacted {
                    // A cycle through tasks the actor cannot see is refused without naming them.
                    throw view.hidingUnseen(cycle)
                } catch let error where view.isRedacted {
                    // What the reader sees allowed the retraction, so an entry hidden from them depends on it.
                    guard case .retractEntry(let retraction) = command,
                        let seen = view.viewerSequence(of: retraction.entry)
                    else { throw error }
                    throw DeskError.invalidValue(
                        field: "entry", expected: "an entry no later entry depends on", found: "entry \(seen)")
                }
                if let known = original?.known {
                    decided = decided.map { DeskEvent(at: $0.at, $0.fact, known: known) }
                }
                let events = live ? try DeskEvent.recordedLive(decided, now: now, zone: state.zone) : decided
                guard !events.isEmpty else { return .nothing }
                return .append(try pending(events, desk: desk, actor: actor, at: now, key: idempotencyKey))
            }
        } catch let error as StoreError {
            if let stale { throw stale }
            switch error.code {
            case .conflict:
                if let first = try await replayed() { return first }
                // Never a version the asker did not send: a conflict in their numbers, or "busy".
                guard let expectedVersion else {
                    throw StoreError(
                        .unavailable,
                        "desk '\(desk)' is changing faster than this write could be decided "
                            + "(\(Self.unversionedAttempts) tries); nothing was written")
                }
                let now = try await view(of: try await folds.refreshed(desk), desk, as: clearance)
                throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: now.version)
            case .unavailable:
                // The append may have committed before the connection failed: a keyed write can tell.
                if let first = try? await replayed() { return first }
                // Otherwise (no connection came, the disk refused) nothing was written.
                guard error.outcomeUnknown else { throw error }
                throw StoreError(
                    .unavailable,
                    error.detail
                        + (idempotencyKey == nil
                            ? " (send an Idempotency-Key header so that repeating a write records it once)"
                            : " (repeat the request with the same Idempotency-Key: it is recorded at most once)"),
                    outcomeUnknown: true)
            case .corrupt:
                throw error
            }
        }
        if let replay { return replay }
        if written.before == 0 { names.kept.withLock { $0 = nil } }
        let stored = written.stored
        let after = written.after.state.state
        // A reader who saw the whole desk still does (what they may create they may see): their numbers
        // are the store's, with no read of the desk.
        guard seenRedacted else {
            return WriteOutcome(sequences: stored.map(\.sequence), events: stored, after: after, replayed: false)
        }
        let mine = try await view(of: written.after, desk, as: clearance)
        return WriteOutcome(
            sequences: stored.compactMap { mine.viewerSequence(of: $0.sequence) }, events: stored, after: mine.state,
            replayed: false)
    }

    /// Decides `command` for someone who sees the whole desk and appends what it yields; with
    /// `expectedVersion`, only if the desk is still at that version (`write` with everything else left out).
    /// - Throws: `DeskError` when the desk refuses; `StoreError` with `.conflict` for a stale version.
    @discardableResult
    public func execute(
        _ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64? = nil
    ) async throws -> [StoredEvent] {
        try await write(command, on: desk, actor: actor, expectedVersion: expectedVersion).events
    }

    /// Decides `commands` in order, each on the desk as the ones before it leave it, and appends all
    /// their events in one append: all of them or, when any is refused, nothing.
    /// - Throws: `DeskError` for the first command the desk refuses; `StoreError` on storage failure.
    @discardableResult
    public func execute(all commands: [DeskCommand], on desk: String, actor: String) async throws -> [StoredEvent] {
        try await folds.write(to: desk, attempts: Self.unversionedAttempts) { folded, _ in
            var state = folded.state.state
            var events: [DeskEvent] = []
            let now = InstantText.rounded(environment.now())
            for command in commands {
                let decided = try state.decide(command, now: now, as: .all)  // the command line acts for everyone
                for event in decided { state.apply(event) }
                events += decided
            }
            return events.isEmpty ? .nothing : .append(try pending(events, desk: desk, actor: actor, at: now, key: nil))
        }.stored
    }

    /// Decides `command` on `state`, a copy of the desk at `version` the caller already holds, and appends
    /// what it yields after that version, once: if the copy is behind the log, the append is refused as a
    /// conflict and nothing is written.
    /// - Throws: `DeskError` when the desk refuses; `StoreError` with `.conflict` when the log has moved on.
    public func execute(
        _ command: DeskCommand, on desk: String, actor: String, decidingOn state: DeskState, at version: Int64,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws -> [StoredEvent] {
        try await folds.write(to: desk, attempts: 1, on: .init(state: FoldedDesk(state), version: version)) {
            folded, _ in
            let now = InstantText.rounded(environment.now())
            let events = try folded.state.state.decide(command, now: now, as: .all)
            return .append(try pending(events, desk: desk, actor: actor, at: now, key: idempotencyKey))
        }.stored
    }

    /// The events a write by `actor` with `key` appended to `desk`, or nil when there was no such write.
    /// - Throws: `StoreError` when the storage cannot be read.
    public func events(appendedWith key: IdempotencyKey, on desk: String, actor: String) async throws
        -> [StoredEvent]?
    {
        var found: [StoredEvent] = []
        while let event = try await store.event(
            id: key.eventID(desk: desk, actor: actor, index: found.count), desk: desk)
        {
            found.append(event)
        }
        return found.isEmpty ? nil : found
    }

    /// Creates a desk from a scenario in one append: all of it or, on any failure, nothing.
    /// - Throws: `DeskError.deskAlreadyOpened` when the desk already has events; `StoreError` on storage failure.
    public func importScenario(_ contents: ScenarioContents, actor: String) async throws -> [StoredEvent] {
        let desk = contents.profile.name
        return try await folds.write(to: desk, attempts: 2, startFresh: true) { folded, _ in
            guard folded.version == 0 else { throw DeskError.deskAlreadyOpened(desk) }
            let now = InstantText.rounded(environment.now())
            return .append(try pending(contents.events, desk: desk, actor: actor, at: now, key: nil))
        }.stored
    }

    /// Walks the hash chain of `desk`.
    /// - Throws: `StoreError` when the storage cannot be read.
    public func verify(_ desk: String) async throws -> ChainVerification {
        ChainVerification.verify(try await store.read(desk: desk, from: 1))
    }

    /// `events` ready to append: with ids derived from `key` when there is one, fresh ids otherwise.
    func pending(_ events: [DeskEvent], desk: String, actor: String, at now: Date, key: IdempotencyKey?) throws
        -> [PendingEvent]
    {
        try events.enumerated().map { index, event in
            try PendingEvent(
                event, id: key?.eventID(desk: desk, actor: actor, index: index) ?? environment.newID(), actor: actor,
                recordedAt: now)
        }
    }

    /// Runs `decide` through the one write path with the timers' number of attempts (see `fireTimers`).
    func writeTimers(
        on desk: String,
        _ decide: (FoldedStreams<FoldedDesk>.Folded, Bool) async throws -> FoldedStreams<FoldedDesk>.Decision
    ) async throws -> [StoredEvent] {
        let written = try await folds.write(to: desk, attempts: Self.timerAttempts, decide)
        return written.stored
    }
}

/// What a write did: the events it appended (or, for a repeat with the same idempotency key, appended
/// the first time) and the whole desk just after them.
public struct WriteOutcome: Sendable {
    /// The events' numbers as the writer sees them.
    public let sequences: [Int64]
    /// The events as stored.
    public let events: [StoredEvent]
    /// The desk after the write as the writer may see it (redacted for a writer outside a compartment,
    /// so an answer about what they wrote names nothing hidden from them).
    public let after: DeskState
    /// Whether this answers a repeat of an earlier write with the same key, which appended nothing.
    public let replayed: Bool
}
