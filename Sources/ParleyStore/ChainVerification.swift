/// The outcome of walking a desk's hash chain.
public enum ChainVerification: Sendable, Equatable {
    /// Every event links to the one before and carries the hash of its own content.
    case intact(count: Int, head: String)
    /// The first event that does not match, and how.
    case broken(sequence: Int64, reason: String)

    /// Walks `events` (one desk, in order from sequence 1) and reports the first mismatch.
    public static func verify(_ events: [StoredEvent]) -> ChainVerification {
        var previous = EventHash.genesis
        for (offset, event) in events.enumerated() {
            let expectedSequence = Int64(offset) + 1
            guard event.sequence == expectedSequence else {
                return .broken(sequence: expectedSequence, reason: "event \(expectedSequence) is missing")
            }
            guard event.previousHash == previous else {
                return .broken(sequence: event.sequence, reason: "its link does not match the hash of the event before")
            }
            guard EventHash.compute(event) == event.hash else {
                return .broken(sequence: event.sequence, reason: "its content does not match its hash")
            }
            previous = event.hash
        }
        return .intact(count: events.count, head: previous)
    }
}
