import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

/// What every route works with: the desks' ledger, the clock, and the server's counters.
struct DeskServer: Sendable {
    let ledger: DeskLedger
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let cache = DeskCache()
    let rendered = RenderCache()
    /// A monotonic clock in seconds for the planner's time limit.
    let elapsed: @Sendable () -> Double

    /// The desk as the asker may see it, with the version they are shown; 404 when there is no such desk.
    func load(_ desk: String, as clearance: Clearance) async throws -> (
        state: DeskState, version: Int64
    ) {
        let view = try await view(desk, as: clearance)
        return (view.state, view.version)
    }

    /// The desk as a reader with `clearance` may see it; 404 when there is no such desk.
    ///
    /// Where the desk exists but everything on it is hidden from the reader, they still see the desk:
    /// desks are not compartmented, only engagements are.
    func view(_ desk: String, as clearance: Clearance) async throws -> DeskView {
        let view = try await cache.view(desk, for: clearance, from: ledger.store, now: elapsed())
        guard view.state.profile != nil else { throw HTTPError(.notFound, message: "no desk named '\(desk)'") }
        return view
    }

    /// Every desk's name.
    func desks() async throws -> [String] { try await cache.desks(from: ledger.store, now: elapsed()) }

    /// Runs a command for `actor`, counting what it appends; answers what was written, in the asker's numbers.
    ///
    /// The command is decided on the cached desk, so a write costs one append rather than a read of the
    /// whole log. A cache that is behind only costs a retry: `expectedVersion` is compared with the
    /// version the asker is shown, looked at afresh before calling it a conflict. Without one the writer
    /// asked to act on the newest desk whatever others wrote, so the command is decided again on the newer
    /// desk until it is stored or refused; only a desk busier than `unversionedAttempts` appends in a row
    /// answers "busy" (503, nothing written). A write hidden from the asker never makes their write a
    /// conflict, or they would learn of it.
    ///
    /// With an idempotency key, a write the same person already made with that key is not made again: the
    /// first write's events are answered, marked `replayed`, on any server and after any restart.
    ///
    /// For a reader who cannot see everything, the command is first decided on the desk as they see it,
    /// so a command naming something hidden is refused exactly as if it did not exist. What is created
    /// inside a compartment gets an id with a part made here (`sealingCompartmentIDs`), unless the write
    /// replays a whole story whose later events name the ids it gave.
    @discardableResult
    func execute(
        _ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64?,
        as clearance: Clearance, idempotencyKey: IdempotencyKey? = nil,
        sealingCompartmentIDs: Bool = true
    ) async throws -> WriteOutcome {
        // Not `view`: a desk not opened yet is no 404 here, its opening is a command like any other.
        func look() async throws -> DeskView {
            try await cache.view(desk, for: clearance, from: ledger.store, now: elapsed())
        }
        // In the asker's numbers: the store's would tell them how much they cannot see.
        func conflict(expected: Int64) async throws -> StoreError {
            .conflict(desk: desk, expected: expected, actual: try await look().version)
        }
        func replayed() async throws -> WriteOutcome? {
            guard let idempotencyKey,
                let stored = try await ledger.events(appendedWith: idempotencyKey, on: desk, actor: actor)
            else { return nil }
            // A key names one write: the same key on another kind of write is a mistake, not a repeat.
            guard stored.first?.type == command.eventType else {
                throw DeskError.invalidValue(
                    field: "Idempotency-Key",
                    expected: "a key not yet used for another kind of write (\(stored.first?.type ?? "?") was recorded "
                        + "with it)", found: idempotencyKey.rawValue)
            }
            cache.invalidate(desk)
            let (state, _) = try await cache.load(desk, from: ledger.store, now: elapsed())
            let seen = try await look()
            return WriteOutcome(
                sequences: stored.compactMap { seen.viewerSequence(of: $0.sequence) }, events: stored, after: state,
                replayed: true)
        }
        if let first = try await replayed() { return first }
        let attempts = expectedVersion == nil ? Self.unversionedAttempts : 5
        var attempt = 0
        while true {
            attempt += 1
            var seen = try await look()
            if let expectedVersion, expectedVersion != seen.version {
                cache.invalidate(desk)
                seen = try await look()
                guard expectedVersion == seen.version else {
                    throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: seen.version)
                }
            }
            if case .openEngagement(let engagement) = command, !clearance.admits(engagement.compartment) {
                throw DeskError.invalidValue(
                    field: "compartment", expected: "a compartment you are a member of",
                    found: engagement.compartment?.rawValue ?? "")
            }
            if seen.isRedacted { _ = try seen.state.decide(seen.asSeen(command), now: now) }
            let (state, version) = try await cache.load(desk, from: ledger.store, now: elapsed())
            let command =
                sealingCompartmentIDs
                ? state.sealingCompartmentIDs(of: command, suffix: newSlug("x").dropFirst(2).description) : command
            // Decided on the very desk whose version was checked, or looked at again.
            guard version == seen.realVersion else {
                cache.invalidate(desk)
                guard attempt < attempts else { throw try await busy(desk, expectedVersion, conflict) }
                continue
            }
            do {
                let stored = try await ledger.execute(
                    command, on: desk, actor: actor, decidingOn: state, at: version, idempotencyKey: idempotencyKey)
                metrics.eventsAppended(stored.count)
                var after = state
                for event in stored { after.apply(try event.decoded()) }
                cache.written(desk, events: stored, after: after, now: elapsed())
                // A reader who saw the whole desk still does (what they may create they may see): their
                // numbers are the store's, with no read of the desk on the write's path.
                guard seen.isRedacted else {
                    return WriteOutcome(
                        sequences: stored.map(\.sequence), events: stored, after: after, replayed: false)
                }
                let mine = try await look()
                return WriteOutcome(
                    sequences: stored.compactMap { mine.viewerSequence(of: $0.sequence) }, events: stored,
                    after: after, replayed: false)
            } catch let error as StoreError {
                switch error.code {
                case .conflict:
                    // A repeat of a keyed write that raced its first: the unique event id caught it.
                    if let first = try await replayed() { return first }
                    cache.invalidate(desk)
                    guard attempt < attempts else { throw try await busy(desk, expectedVersion, conflict) }
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
        }
    }

    /// How many times a write without `expected_version` is decided again on a desk that others keep
    /// changing before it answers "busy".
    static let unversionedAttempts = 50

    /// The answer when every attempt met a newer desk: a conflict for a writer who named a version, "busy"
    /// (nothing written, try again) for one who did not — never a version they did not send.
    private func busy(
        _ desk: String, _ expectedVersion: Int64?, _ conflict: (Int64) async throws -> StoreError
    ) async throws -> StoreError {
        if let expectedVersion { return try await conflict(expectedVersion) }
        return StoreError(
            .unavailable,
            "desk '\(desk)' is changing faster than this write could be decided (\(Self.unversionedAttempts) "
                + "tries); nothing was written")
    }

    /// A fresh slug for something created from the web or the API (`attempt-1a2b3c4d`).
    func newSlug(_ prefix: String) -> String {
        prefix + "-" + ledger.environment.newID().uuidString.lowercased().prefix(8)
    }

    /// The stamp under which a rendering of `desk` at `version` stays valid: the version and the second.
    func stamp(_ version: Int64) -> String { "\(version)@\(Int(now.timeIntervalSince1970))" }

    /// Now, from the injected clock.
    var now: Date { InstantText.rounded(ledger.environment.now()) }
}

/// What a write did: the events it appended (or, for a repeat with the same idempotency key, appended
/// the first time) and the whole desk just after them.
struct WriteOutcome: Sendable {
    /// The events' numbers as the asker sees them.
    let sequences: [Int64]
    /// The events as stored.
    let events: [StoredEvent]
    /// The whole desk after the write (not redacted: callers show only what the asker wrote).
    let after: DeskState
    /// Whether this answers a repeat of an earlier write with the same key, which appended nothing.
    let replayed: Bool
}
