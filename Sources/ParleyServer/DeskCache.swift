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
///
/// Only desks that exist are kept: a name with no events costs one version check and leaves nothing
/// behind, so looking up made-up names cannot grow the server's memory. Parley's own streams (`~accounts`)
/// are never read as desks. At most `capacity` desks are kept; the one looked at least recently makes room.
final class DeskCache: Sendable {
    private struct Entry {
        var state: DeskState
        var version: Int64
        var checkedAt: Double
        /// When a reader last asked for it, to choose which desk makes room when the cache is full.
        var usedAt: Double
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
    private let capacity: Int

    /// A cache that trusts what it holds for `revalidateAfter` seconds and keeps at most `capacity` desks.
    init(revalidateAfter: Double = 0.25, capacity: Int = 256) {
        self.revalidateAfter = revalidateAfter
        self.capacity = max(capacity, 1)
    }

    /// How many folded desks and redacted copies are kept now.
    var count: Int { entries.withLock { $0.count } + redacted.withLock { $0.count } }

    /// The cache's size in Prometheus' text format, for `/metrics`.
    var metricsText: String {
        [
            "# HELP parley_desk_cache_entries Folded desks and redacted copies kept between requests.",
            "# TYPE parley_desk_cache_entries gauge", "parley_desk_cache_entries \(count)",
        ].joined(separator: "\n") + "\n"
    }

    /// The desk as of its newest event (at most `revalidateAfter` old for writes made elsewhere).
    func load(_ desk: String, from store: any EventStore, now: Double) async throws -> (
        state: DeskState, version: Int64
    ) {
        let entry = try await entry(desk, from: store, now: now)
        return (entry.state, entry.version)
    }

    private func entry(_ desk: String, from store: any EventStore, now: Double) async throws -> Entry {
        let empty = Entry(state: DeskState(), version: 0, checkedAt: now, usedAt: now)
        // Not a desk's name, so no desk: the accounts stream is not read as one.
        guard !desk.hasPrefix(systemStreamPrefix) else { return empty }
        let cached = entries.withLock { entries -> Entry? in
            entries[desk]?.usedAt = now
            return entries[desk]
        }
        if let cached, now - cached.checkedAt < revalidateAfter { return cached }
        let current = try await store.version(of: desk)
        guard current > 0 else {
            // No such desk (or not yet): nothing to keep.
            entries.withLock { _ = $0.removeValue(forKey: desk) }
            return empty
        }
        var entry = cached ?? empty
        if entry.version > current { entry = empty }
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
        entry.usedAt = now
        let fresh = entry
        let capacity = self.capacity
        entries.withLock { entries in
            guard (entries[desk]?.version ?? -1) <= fresh.version else { return }
            if entries[desk] == nil, entries.count >= capacity,
                let stalest = entries.min(by: { $0.value.usedAt < $1.value.usedAt })?.key
            {
                entries.removeValue(forKey: stalest)
            }
            entries[desk] = fresh
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
        // A desk with no events has nothing to hide, and nothing of it is kept.
        guard whole.version > 0, !clearance.admitsAll(compartments) else {
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

    /// Takes in what this server just appended to `desk`: the desk it decided on, at the version before
    /// `events`, becomes `after` at the version of the last of them.
    ///
    /// So the desk is never read back older than the write (a refresh that began before the commit
    /// cannot put its older copy back: it is refused as older). When the cache holds some other version,
    /// it only forgets, as `invalidate` does.
    func written(_ desk: String, events: [StoredEvent], after state: DeskState, now: Double) {
        guard let first = events.first, let last = events.last else { return }
        let opened = events.compactMap { event -> Compartment.ID? in
            guard case .engagementOpened(let engagement) = try? event.decoded().fact else { return nil }
            return engagement.compartment
        }
        entries.withLock { entries in
            guard var entry = entries[desk], entry.version == first.sequence - 1 else {
                entries[desk]?.checkedAt = -.infinity
                return
            }
            entry.state = state
            entry.version = last.sequence
            entry.checkedAt = now
            entry.usedAt = now
            entry.compartments.formUnion(opened)
            entries[desk] = entry
        }
        desks.withLock { $0 = nil }
    }

    /// Forgets what is known of `desk`, after this server appended to it.
    func invalidate(_ desk: String) {
        entries.withLock { entries in entries[desk]?.checkedAt = -.infinity }
        desks.withLock { $0 = nil }
    }
}
