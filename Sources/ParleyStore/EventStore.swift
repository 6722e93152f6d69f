import Foundation

/// Names of Parley's own streams (not desks) start with this; a desk's name, a slug, never does.
public let systemStreamPrefix = "~"

/// The stream holding accounts, sessions and sign-in refusals: part of the record like any desk.
public let accountsStream = systemStreamPrefix + "accounts"

/// Every stream of the record: the desks, then Parley's own streams that have events.
public func recordStreams(in store: any EventStore) async throws -> [String] {
    try await store.desks() + (try await store.version(of: accountsStream) > 0 ? [accountsStream] : [])
}

/// The event-log contract every engine keeps: per-desk streams with optimistic appends, reads from a
/// sequence number, and subscriptions to what is appended next.
public protocol EventStore: Sendable {
    /// Appends `events` to `desk` if its newest sequence number is `expectedVersion` (0 for a new desk),
    /// all or nothing, chaining each to the one before.
    /// - Throws: `StoreError` with code `.conflict` when the desk has moved on; nothing is written then.
    func append(_ events: [PendingEvent], to desk: String, expectedVersion: Int64) async throws -> [StoredEvent]

    /// The events of `desk` with sequence numbers from `sequence` on, in order.
    /// - Throws: `StoreError` when the storage cannot be read.
    func read(desk: String, from sequence: Int64) async throws -> [StoredEvent]

    /// The newest sequence number of `desk` (0 when it has no events).
    /// - Throws: `StoreError` when the storage cannot be read.
    func version(of desk: String) async throws -> Int64

    /// Every desk that has at least one event, by name; Parley's own streams (names starting with
    /// `systemStreamPrefix`, such as the accounts) are not desks and are left out.
    /// - Throws: `StoreError` when the storage cannot be read.
    func desks() async throws -> [String]

    /// Events of `desk` from `sequence` on: those already stored, then each new one as it is appended.
    func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error>

    /// The event of `desk` with id `id`, if one was stored (how a repeated keyed write finds the first).
    /// - Throws: `StoreError` when the storage cannot be read.
    func event(id: UUID, desk: String) async throws -> StoredEvent?
}

extension EventStore {
    /// Reads the whole desk; engines answer from their index on event ids instead.
    public func event(id: UUID, desk: String) async throws -> StoredEvent? {
        try await read(desk: desk, from: 1).first { $0.id == id }
    }
}
