import Foundation
import ParleyDesk

/// Runs commands against desks kept in an event store: load, fold, decide, append with the version read.
public struct DeskLedger: Sendable {
    /// Where the events live.
    public let store: any EventStore
    /// The clock and id source.
    public let environment: DeskEnvironment

    /// A ledger over `store`.
    public init(store: any EventStore, environment: DeskEnvironment) {
        self.store = store
        self.environment = environment
    }

    /// The desk as its log builds it, with the version that a write based on it must expect.
    /// - Throws: `StoreError`, or `EventDecodingError` for a log this version cannot read.
    public func load(_ desk: String) async throws -> (state: DeskState, version: Int64) {
        let events = try await store.read(desk: desk, from: 1)
        let state = DeskState.folding(try events.map { try $0.decoded() })
        return (state, events.last?.sequence ?? 0)
    }

    /// Decides `command` on the current desk and appends what it yields; with `expectedVersion`, only if
    /// the desk is still at that version.
    /// - Throws: `DeskError` when the desk refuses; `StoreError` with `.conflict` when another writer came first.
    public func execute(
        _ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64? = nil
    ) async throws -> [StoredEvent] {
        let (state, version) = try await load(desk)
        // A writer that read the desk earlier (a form, an API client) must not act on a desk that moved on.
        if let expectedVersion, expectedVersion != version {
            throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: version)
        }
        let now = InstantText.rounded(environment.now())
        let events = try state.decide(command, now: now)
        return try await append(events, to: desk, expectedVersion: version, actor: actor, recordedAt: now)
    }

    /// Decides `command` on `state`, a copy of the desk at `version` the caller already holds, and appends
    /// what it yields after that version.
    ///
    /// Saves reading the desk again; if the copy is behind the log, the append is refused as a conflict
    /// and nothing is written.
    /// - Throws: `DeskError` when the desk refuses; `StoreError` with `.conflict` when the log has moved on.
    public func execute(
        _ command: DeskCommand, on desk: String, actor: String, decidingOn state: DeskState, at version: Int64,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws -> [StoredEvent] {
        let now = InstantText.rounded(environment.now())
        let events = try state.decide(command, now: now)
        guard let key = idempotencyKey else {
            return try await append(events, to: desk, expectedVersion: version, actor: actor, recordedAt: now)
        }
        let pending = try events.enumerated().map { index, event in
            try PendingEvent(
                event, id: key.eventID(desk: desk, actor: actor, index: index), actor: actor, recordedAt: now)
        }
        return try await store.append(pending, to: desk, expectedVersion: version)
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
        guard try await store.version(of: desk) == 0 else { throw DeskError.deskAlreadyOpened(desk) }
        let now = InstantText.rounded(environment.now())
        return try await append(contents.events, to: desk, expectedVersion: 0, actor: actor, recordedAt: now)
    }

    /// Walks the hash chain of `desk`.
    /// - Throws: `StoreError` when the storage cannot be read.
    public func verify(_ desk: String) async throws -> ChainVerification {
        ChainVerification.verify(try await store.read(desk: desk, from: 1))
    }

    private func append(
        _ events: [DeskEvent], to desk: String, expectedVersion: Int64, actor: String, recordedAt: Date
    ) async throws -> [StoredEvent] {
        let pending = try events.map {
            try PendingEvent($0, id: environment.newID(), actor: actor, recordedAt: recordedAt)
        }
        return try await store.append(pending, to: desk, expectedVersion: expectedVersion)
    }
}
