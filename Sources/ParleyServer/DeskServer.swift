import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

/// What every route works with: the desks' ledger, the clock, and the server's counters.
struct DeskServer: Sendable {
    let ledger: DeskLedger
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let cache = DeskCache()
    let rendered = RenderCache()
    /// A monotonic clock in seconds for the planner's time limit.
    let elapsed: @Sendable () -> Double

    /// The desk's state and version, or 404 when there is no such desk.
    func load(_ desk: String) async throws -> (state: DeskState, version: Int64) {
        let loaded = try await cache.load(desk, from: ledger.store, now: elapsed())
        guard loaded.state.profile != nil else { throw HTTPError(.notFound, message: "no desk named '\(desk)'") }
        return loaded
    }

    /// Every desk's name.
    func desks() async throws -> [String] { try await cache.desks(from: ledger.store, now: elapsed()) }

    /// Runs a command for `actor`, counting what it appends.
    func execute(_ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64?) async throws
        -> [StoredEvent]
    {
        let stored = try await ledger.execute(command, on: desk, actor: actor, expectedVersion: expectedVersion)
        cache.invalidate(desk)
        metrics.eventsAppended(stored.count)
        return stored
    }

    /// A fresh slug for something created from the web or the API (`attempt-1a2b3c4d`).
    func newSlug(_ prefix: String) -> String {
        prefix + "-" + ledger.environment.newID().uuidString.lowercased().prefix(8)
    }

    /// The stamp under which a rendering of `desk` at `version` stays valid: the version and the second.
    func stamp(_ version: Int64) -> String { "\(version)@\(Int(now.timeIntervalSince1970))" }

    /// Now, from the injected clock.
    var now: Date { InstantText.rounded(ledger.environment.now()) }
}
