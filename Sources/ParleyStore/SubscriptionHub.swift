import Foundation
import Synchronization

/// Fans appended events out to subscribers, and builds subscriptions that first replay what is stored
/// and then follow what is appended, with no gap and no repeat between the two.
public final class SubscriptionHub: Sendable {
    private let subscribers = Mutex<[UUID: (desk: String, continuation: AsyncStream<StoredEvent>.Continuation)]>([:])

    /// A hub with no subscribers.
    public init() {}

    /// Hands freshly appended events to every subscriber of their desk.
    public func publish(_ events: [StoredEvent]) {
        let targets = subscribers.withLock { $0.values.map { $0 } }
        for event in events {
            for target in targets where target.desk == event.desk { target.continuation.yield(event) }
        }
    }

    /// The desks someone is following now, so an engine fed from elsewhere reads only what is watched.
    public func followedDesks() -> Set<String> {
        subscribers.withLock { Set($0.values.map(\.desk)) }
    }

    /// A subscription to `desk` from `sequence`: stored events read with `read`, then live ones.
    ///
    /// Live events arriving out of step (a gap, as when another process appended) trigger a fresh read,
    /// so the subscriber always sees every sequence number once, in order.
    public func subscribe(
        desk: String, from sequence: Int64,
        read: @escaping @Sendable (Int64) async throws -> [StoredEvent]
    ) -> AsyncThrowingStream<StoredEvent, any Error> {
        let token = UUID()
        let (live, continuation) = AsyncStream.makeStream(of: StoredEvent.self)
        subscribers.withLock { $0[token] = (desk, continuation) }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: token) }
        }
        let cursor = SubscriptionCursor(next: max(sequence, 1), live: live, read: read)
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
}

/// One subscriber's place in a desk's stream.
private actor SubscriptionCursor {
    private var nextSequence: Int64
    private var backlog: [StoredEvent] = []
    private var backlogLoaded = false
    private var live: AsyncStream<StoredEvent>.Iterator
    private let read: @Sendable (Int64) async throws -> [StoredEvent]

    init(next: Int64, live: AsyncStream<StoredEvent>, read: @escaping @Sendable (Int64) async throws -> [StoredEvent]) {
        self.nextSequence = next
        self.live = live.makeAsyncIterator()
        self.read = read
    }

    func next() async throws -> StoredEvent? {
        while true {
            if !backlogLoaded {
                backlog = try await read(nextSequence)
                backlogLoaded = true
            }
            if !backlog.isEmpty {
                let event = backlog.removeFirst()
                guard event.sequence == nextSequence else { continue }
                nextSequence += 1
                return event
            }
            // The iterator wraps a shared buffer, so advancing a copy advances the subscription.
            var iterator = live
            let received = await iterator.next(isolation: self)
            live = iterator
            guard let event = received else { return nil }
            if event.sequence < nextSequence { continue }
            if event.sequence > nextSequence {
                backlogLoaded = false
                continue
            }
            nextSequence += 1
            return event
        }
    }
}
