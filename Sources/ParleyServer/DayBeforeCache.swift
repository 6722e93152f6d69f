import Foundation
import ParleyDesk
import ParleyStore
import Synchronization

/// Each whole desk as it was known a day before now, kept and moved forward instead of refolded.
///
/// The home page shows each engagement's change since a day before, so every rebuild needed each desk's
/// whole log read, decoded and folded up to `now − 1 day` (about a second at 20 desks of 2 000 events).
/// Kept per desk: the state folded up to a moment, the highest sequence in it, and the sequences (with
/// when they were learned) of the events not yet known then. A later moment or version applies only what
/// became known since, read from the store from the first such sequence; if any of it comes before
/// something already applied (folding goes in log order), the desk is folded again from the start.
final class DayBeforeCache: Sendable {
    private struct Kept: Sendable {
        var version: Int64
        var moment: Date
        var state: DeskState
        var lastApplied: Int64
        /// Events after the moment, as (sequence, learned), in sequence order.
        var pending: [(sequence: Int64, learned: Date)]
    }

    private let kept = Mutex<[String: Kept]>([:])
    /// One caller at a time per desk: after a start, every open page asks at once, and each would fold the
    /// whole desk (32 at once took 35 s at 20 desks of 2 000 events); the ones after the first move the
    /// kept state forward instead.
    private let turns = StreamTurns()
    /// The most desks kept (each holds a folded desk).
    static let capacity = 256

    /// The whole of `desk` at `version` as known at `moment`; `read(from)` gives its decoded events from a
    /// sequence on, in order (at least up to `version`).
    func state(
        of desk: String, version: Int64, asOf moment: Date,
        read: (Int64) async throws -> [(sequence: Int64, event: DeskEvent)]
    ) async throws -> DeskState {
        await turns.begin(desk)
        defer { turns.end(desk) }
        if let previous = kept.withLock({ $0[desk] }), previous.version <= version, previous.moment <= moment,
            let moved = try await advance(previous, to: version, moment: moment, read: read)
        {
            store(desk, moved)
            return moved.state
        }
        let events = try await read(1).prefix { $0.sequence <= version }
        var state = DeskState()
        var last: Int64 = 0
        var pending: [(sequence: Int64, learned: Date)] = []
        for (sequence, event) in events {
            if event.isPast(moment, .asKnown) {
                state.append(event, entry: sequence)
                last = sequence
            } else {
                pending.append((sequence, event.learned))
            }
        }
        state.settle()
        // Folded in log order with some events left out: only a later event may be added without a refold.
        let fresh = Kept(version: version, moment: moment, state: state, lastApplied: last, pending: pending)
        store(desk, fresh)
        return state
    }

    private func store(_ desk: String, _ value: Kept) {
        kept.withLock { kept in
            if kept[desk] == nil, kept.count >= Self.capacity, let evicted = kept.keys.first { kept[evicted] = nil }
            kept[desk] = value
        }
    }

    /// `kept` moved to `version` and `moment`, or nil when that needs a fold from the start.
    private func advance(
        _ kept: Kept, to version: Int64, moment: Date,
        read: (Int64) async throws -> [(sequence: Int64, event: DeskEvent)]
    ) async throws -> Kept? {
        var next = kept
        next.version = version
        next.moment = moment
        let due = kept.pending.filter { $0.learned <= moment }.map(\.sequence)
        let firstNew = kept.version + 1
        guard !due.isEmpty || version > kept.version else { return next }
        // Anything to apply must come after what was applied, or the log order would be broken.
        if let first = due.first, first < kept.lastApplied { return nil }
        let from = min(due.first ?? firstNew, firstNew)
        let events = try await read(from).prefix { $0.sequence <= version }
        let dueSet = Set(due)
        var applied = false
        next.pending = kept.pending.filter { $0.learned > moment }
        for (sequence, event) in events {
            let isNew = sequence >= firstNew
            guard isNew || dueSet.contains(sequence) else { continue }
            if event.isPast(moment, .asKnown) {
                guard sequence > next.lastApplied else { return nil }
                next.state.append(event, entry: sequence)
                next.lastApplied = sequence
                applied = true
            } else if isNew {
                next.pending.append((sequence, event.learned))
            }
        }
        // A pending event now due but after a new one left pending is fine; one due that was not read
        // (a store that answered short) is not.
        guard Set(events.map(\.sequence)).isSuperset(of: dueSet) else { return nil }
        if applied { next.state.settle() }
        return next
    }
}
