import Foundation
import Synchronization

/// An event store in memory, for tests and throwaway desks; it keeps the same contract as the engines.
public final class InMemoryEventStore: EventStore {
    private let streams = Mutex<[String: [StoredEvent]]>([:])
    private let hub = SubscriptionHub()

    /// An empty store.
    public init() {}

    /// A store holding `events` exactly as given (envelopes, payload bytes and hashes untouched), as a log
    /// kept elsewhere was written; nothing is checked, so `verify` finds what the log holds.
    public init(restoring events: [StoredEvent]) {
        streams.withLock { streams in
            for event in events.sorted(by: { ($0.desk, $0.sequence) < ($1.desk, $1.sequence) }) {
                streams[event.desk, default: []].append(event)
            }
        }
    }

    /// Appends all of `events` or none; see `EventStore.append`.
    public func append(_ events: [PendingEvent], to desk: String, expectedVersion: Int64) async throws
        -> [StoredEvent]
    {
        let stored = try streams.withLock { streams throws(StoreError) -> [StoredEvent] in
            var stream = streams[desk] ?? []
            let actual = stream.last?.sequence ?? 0
            guard actual == expectedVersion else {
                throw .conflict(desk: desk, expected: expectedVersion, actual: actual)
            }
            // Event ids are unique, as the engines' unique index keeps them: a repeated keyed write stops here.
            let ids = Set(events.map(\.id))
            guard ids.count == events.count, !streams.values.contains(where: { $0.contains { ids.contains($0.id) } })
            else { throw .conflict(desk: desk, expected: expectedVersion, actual: actual) }
            var previous = stream.last?.hash ?? EventHash.genesis
            var sealed: [StoredEvent] = []
            for (offset, pending) in events.enumerated() {
                let event = StoredEvent(
                    sealing: pending, desk: desk, sequence: actual + Int64(offset) + 1, previousHash: previous)
                previous = event.hash
                sealed.append(event)
            }
            stream += sealed
            streams[desk] = stream
            return sealed
        }
        hub.publish(stored)
        return stored
    }

    /// See `EventStore.read`.
    public func read(desk: String, from sequence: Int64) async throws -> [StoredEvent] {
        streams.withLock { $0[desk]?.filter { $0.sequence >= sequence } ?? [] }
    }

    /// See `EventStore.version(of:)`.
    public func version(of desk: String) async throws -> Int64 {
        streams.withLock { $0[desk]?.last?.sequence ?? 0 }
    }

    /// See `EventStore.desks`.
    public func desks() async throws -> [String] {
        streams.withLock { $0.filter { !$0.value.isEmpty && !$0.key.hasPrefix(systemStreamPrefix) }.keys.sorted() }
    }

    /// See `EventStore.subscribe`.
    public func subscribe(desk: String, from sequence: Int64) -> AsyncThrowingStream<StoredEvent, any Error> {
        hub.subscribe(desk: desk, from: sequence) { [weak self] next in
            try await self?.read(desk: desk, from: next) ?? []
        }
    }

    /// Replaces a stored event as it is, bypassing the chain: for tests that tamper with the log.
    public func overwrite(_ event: StoredEvent) {
        streams.withLock { streams in
            guard let index = streams[event.desk]?.firstIndex(where: { $0.sequence == event.sequence }) else { return }
            streams[event.desk]![index] = event
        }
    }
}
