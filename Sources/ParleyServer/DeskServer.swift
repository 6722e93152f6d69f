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
    ///
    /// The command is decided on the cached desk, so a write costs one append rather than a read of the
    /// whole log. A cache that is behind only costs a retry: with `expectedVersion` the desk is looked
    /// at afresh before calling it a conflict; without one, the writer did not ask to be told of other
    /// writes, so the command is decided again on the newer desk (a few times at most).
    func execute(_ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64?) async throws
        -> [StoredEvent]
    {
        var attempt = 0
        while true {
            attempt += 1
            var (state, version) = try await cache.load(desk, from: ledger.store, now: elapsed())
            if let expectedVersion, expectedVersion != version {
                cache.invalidate(desk)
                (state, version) = try await cache.load(desk, from: ledger.store, now: elapsed())
                guard expectedVersion == version else {
                    throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: version)
                }
            }
            do {
                let stored = try await ledger.execute(
                    command, on: desk, actor: actor, decidingOn: state, at: version)
                cache.invalidate(desk)
                metrics.eventsAppended(stored.count)
                return stored
            } catch let error as StoreError {
                guard case .conflict = error.code, expectedVersion == nil, attempt < 5 else { throw error }
                cache.invalidate(desk)
            }
        }
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
