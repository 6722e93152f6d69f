import Foundation
import ParleyDesk
import Synchronization

/// A desk as the write path keeps it: its state, the compartments its engagements are in, and when it
/// was created in this store.
public struct FoldedDesk: Sendable {
    /// The whole desk.
    public var state = DeskState()
    /// Every compartment an engagement of the desk belongs to.
    public var compartments: Set<Compartment.ID> = []
    /// When the desk's first event was recorded (nil for a copy not folded from the start).
    public var createdAt: Date?

    /// No desk yet.
    public init() {}

    /// A desk the caller already holds.
    public init(_ state: DeskState) {
        self.state = state
        compartments = Set(state.engagements.values.compactMap(\.compartment))
    }

    /// Folds in the next stored event.
    /// - Throws: `EventDecodingError` for an event this version cannot read.
    mutating func take(_ stored: StoredEvent) throws {
        let event = try stored.decoded()
        if case .engagementOpened(let engagement) = event.fact, let compartment = engagement.compartment {
            compartments.insert(compartment)
        }
        if stored.sequence == 1 { createdAt = stored.recordedAt }
        state.append(event, entry: stored.sequence)
    }

    /// Folds the desk again if a retraction was taken in since (once per batch of events).
    mutating func settle() { state.settle() }
}

/// Desks redacted for readers cleared for some of their compartments but not all: one copy per desk and
/// set of its compartments a reader is cleared for, grown by folding in only what was appended since.
final class RedactedViews: Sendable {
    private struct Entry: Sendable {
        var redaction: DeskRedaction
        var state = DeskState()
        /// The real version folded in so far.
        var version: Int64 = 0
        var sequences: [Int64] = []
        var events: [DeskEvent] = []
    }

    private let entries = Mutex<[String: Entry]>([:])

    var count: Int { entries.withLock { $0.count } }

    /// The desk `whole` as a reader with `clearance` may see it.
    ///
    /// Readers cleared for every compartment the desk uses see the whole desk; the others its redacted
    /// copy, brought up to `whole`'s version (a copy already newer is shown as it is: it is never
    /// folded again from the start for an older reader).
    func view(
        of whole: FoldedStreams<FoldedDesk>.Folded, _ desk: String, as clearance: Clearance, from store: any EventStore
    ) async throws -> DeskView {
        let compartments = whole.state.compartments
        // A desk with no events has nothing to hide.
        guard whole.version > 0, !clearance.admitsAll(compartments) else {
            return DeskView(
                state: whole.state.state, version: whole.version, realVersion: whole.version, key: "", redacted: nil)
        }
        let cleared = compartments.filter { clearance.admits($0) }
        let key = desk + "|" + cleared.map(\.rawValue).sorted().joined(separator: ",")
        var entry = entries.withLock { $0[key] } ?? Entry(redaction: DeskRedaction(for: .only(cleared)))
        if entry.version < whole.version {
            for event in try await store.read(desk: desk, from: entry.version + 1) where event.sequence <= whole.version
            {
                if let shown = entry.redaction.pass(try event.decoded()) {
                    entry.state.append(shown)
                    entry.sequences.append(event.sequence)
                    entry.events.append(shown)
                }
                entry.version = event.sequence
            }
            entry.state.settle()
            let fresh = entry
            entry = entries.withLock { views in
                if views.count > 64 { views.removeAll() }
                if let held = views[key], held.version >= fresh.version { return held }
                views[key] = fresh
                return fresh
            }
        }
        return DeskView(
            state: entry.state, version: Int64(entry.sequences.count), realVersion: entry.version, key: key,
            redacted: (entry.sequences, entry.events, entry.redaction))
    }
}

/// The names of the desks, as last read, and when.
final class KeptNames: Sendable {
    let kept = Mutex<(names: [String], checkedAt: Duration)?>(nil)
}
