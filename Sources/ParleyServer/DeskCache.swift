import Foundation
import ParleyDesk
import ParleyStore
import Synchronization

/// Each desk's folded state, kept between requests.
///
/// Writes through this server update it at once; for writes from elsewhere (another `parley` process on
/// the same file or database) the store's version is checked at most every `revalidateAfter` seconds, or
/// sooner when a live event announces a newer version, and then only the events appended since are
/// folded in.
final class DeskCache: Sendable {
    private struct Entry {
        var state: DeskState
        var version: Int64
        var checkedAt: Double
        /// Every compartment an engagement of the desk belongs to.
        var compartments: Set<Compartment.ID> = []
    }

    /// A desk redacted for readers cleared for some of its compartments but not all.
    private struct RedactedEntry {
        var redaction: DeskRedaction
        var state = DeskState()
        /// The real version folded in so far.
        var version: Int64 = 0
        var sequences: [Int64] = []
        var events: [DeskEvent] = []
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let redacted = Mutex<[String: RedactedEntry]>([:])
    private let desks = Mutex<(names: [String], checkedAt: Double)?>(nil)
    private let revalidateAfter: Double

    /// A cache that trusts what it holds for `revalidateAfter` seconds.
    init(revalidateAfter: Double = 0.25) { self.revalidateAfter = revalidateAfter }

    /// The desk as of its newest event (at most `revalidateAfter` old for writes made elsewhere).
    func load(_ desk: String, from store: any EventStore, now: Double) async throws -> (
        state: DeskState, version: Int64
    ) {
        let entry = try await entry(desk, from: store, now: now)
        return (entry.state, entry.version)
    }

    private func entry(_ desk: String, from store: any EventStore, now: Double) async throws -> Entry {
        if let entry = entries.withLock({ $0[desk] }), now - entry.checkedAt < revalidateAfter {
            return entry
        }
        let current = try await store.version(of: desk)
        var entry = entries.withLock { $0[desk] } ?? Entry(state: DeskState(), version: 0, checkedAt: now)
        if entry.version > current { entry = Entry(state: DeskState(), version: 0, checkedAt: now) }
        if entry.version < current {
            for event in try await store.read(desk: desk, from: entry.version + 1) {
                let decoded = try event.decoded()
                if case .engagementOpened(let engagement) = decoded.fact, let compartment = engagement.compartment {
                    entry.compartments.insert(compartment)
                }
                entry.state.apply(decoded)
                entry.version = event.sequence
            }
        }
        entry.checkedAt = now
        let fresh = entry
        entries.withLock { entries in
            if (entries[desk]?.version ?? -1) <= fresh.version { entries[desk] = fresh }
        }
        return fresh
    }

    /// The desk as a reader with `clearance` may see it (at most `revalidateAfter` old for writes made
    /// elsewhere, like `load`).
    ///
    /// Readers cleared for every compartment the desk uses share the whole desk; the others share one
    /// redacted copy per set of the desk's compartments they are cleared for, kept up to date by folding
    /// in only what was appended since.
    func view(_ desk: String, for clearance: Clearance, from store: any EventStore, now: Double) async throws
        -> DeskView
    {
        let whole = try await entry(desk, from: store, now: now)
        let compartments = whole.compartments
        guard !clearance.admitsAll(compartments) else {
            return DeskView(
                state: whole.state, version: whole.version, realVersion: whole.version, key: "", redacted: nil)
        }
        let cleared = compartments.filter { clearance.admits($0) }
        let key = desk + "|" + cleared.map(\.rawValue).sorted().joined(separator: ",")
        var entry =
            redacted.withLock { $0[key] } ?? RedactedEntry(redaction: DeskRedaction(for: .only(cleared)))
        if entry.version > whole.version { entry = RedactedEntry(redaction: DeskRedaction(for: .only(cleared))) }
        if entry.version < whole.version {
            for event in try await store.read(desk: desk, from: entry.version + 1) where event.sequence <= whole.version
            {
                if let shown = entry.redaction.pass(try event.decoded()) {
                    entry.state.apply(shown)
                    entry.sequences.append(event.sequence)
                    entry.events.append(shown)
                }
                entry.version = event.sequence
            }
        }
        let fresh = entry
        redacted.withLock { views in
            if views.count > 64 { views.removeAll() }
            if (views[key]?.version ?? -1) <= fresh.version { views[key] = fresh }
        }
        return DeskView(
            state: fresh.state, version: Int64(fresh.sequences.count), realVersion: fresh.version, key: key,
            redacted: (fresh.sequences, fresh.events, fresh.redaction))
    }

    /// Every desk's name (at most `revalidateAfter` old for desks created elsewhere).
    func desks(from store: any EventStore, now: Double) async throws -> [String] {
        if let cached = desks.withLock({ $0 }), now - cached.checkedAt < revalidateAfter { return cached.names }
        let names = try await store.desks()
        desks.withLock { $0 = (names, now) }
        return names
    }

    /// Notes that `desk` has reached `version` (a live event, perhaps written by another server), so the
    /// next load reads what this cache lacks instead of trusting it for the rest of its quarter second.
    func observe(_ desk: String, version: Int64) {
        entries.withLock { entries in
            if let entry = entries[desk], entry.version < version { entries[desk]?.checkedAt = -.infinity }
        }
    }

    /// Forgets what is known of `desk`, after this server appended to it.
    func invalidate(_ desk: String) {
        entries.withLock { entries in entries[desk]?.checkedAt = -.infinity }
        desks.withLock { $0 = nil }
    }
}
