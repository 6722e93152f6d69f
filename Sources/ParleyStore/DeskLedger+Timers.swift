import Foundation
import ParleyDesk

extension DeskLedger {
    /// Records everything the desk's timers say is due at `now` (playbook tries, stops, deadline alarms,
    /// missed deadlines) in one append, so that it happens exactly once: a second scheduler, or the same
    /// one after a restart, finds it recorded (or gets a conflict and tries again on its next tick).
    ///
    /// `beforeAppend` runs after the due work is decided and before it is written (fault drills use it).
    /// - Throws: `StoreError` (`.conflict` when another writer came first).
    /// Only what falls due from the moment the desk was created in this store is fired (history imported
    /// from a scenario is left as recorded), unless `since` says otherwise.
    public func fireTimers(
        on desk: String, now: Date, since: Date? = nil, actor: String = "scheduler", beforeAppend: () -> Void = {}
    ) async throws -> [StoredEvent] {
        let stored = try await store.read(desk: desk, from: 1)
        var state = DeskState.folding(try stored.map { try $0.decoded() })
        let version = stored.last?.sequence ?? 0
        let commands = DeskTimers.due(in: state, now: now, since: since ?? stored.first?.recordedAt ?? .distantPast)
        guard !commands.isEmpty else { return [] }
        var events: [DeskEvent] = []
        for command in commands {
            let decided = try state.decide(command, now: now)
            for event in decided { state.apply(event) }
            events += decided
        }
        beforeAppend()
        let recordedAt = InstantText.rounded(now)
        let pending = try events.map {
            try PendingEvent($0, id: environment.newID(), actor: actor, recordedAt: recordedAt)
        }
        return try await store.append(pending, to: desk, expectedVersion: version)
    }
}
