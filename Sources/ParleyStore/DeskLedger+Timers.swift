import Foundation
import ParleyDesk

extension DeskLedger {
    /// Records everything the desk's timers say is due at `now` (playbook tries, stops, deadline alarms,
    /// missed deadlines) in one append, so that it happens exactly once: a second scheduler, or the same
    /// one after a restart, finds it recorded.
    ///
    /// Decided on the desk as kept; when another writer came first, decided again at once on the desk
    /// with its events folded in (so timers are not starved by a busy desk).
    /// `beforeAppend` runs after the due work is decided and before it is written (fault drills use it).
    /// Only what falls due from the moment the desk was created in this store is fired (history imported
    /// from a scenario is left as recorded), unless `since` says otherwise.
    /// - Throws: `StoreError` (`.conflict` when the desk changed under every attempt).
    public func fireTimers(
        on desk: String, now: Date, since: Date? = nil, actor: String = "scheduler", beforeAppend: () -> Void = {}
    ) async throws -> [StoredEvent] {
        try await writeTimers(on: desk) { folded, _ in
            var state = folded.state.state
            let commands = DeskTimers.due(
                in: state, now: now, since: since ?? folded.state.createdAt ?? .distantPast)
            guard !commands.isEmpty else { return .nothing }
            var events: [DeskEvent] = []
            for command in commands {
                let decided = try state.decide(command, now: now, as: .all)  // the desk's own timers
                for event in decided { state.apply(event) }
                events += decided
            }
            beforeAppend()
            return .append(
                try pending(events, desk: desk, actor: actor, at: InstantText.rounded(now), key: nil))
        }
    }
}
