import Foundation
import Hummingbird
import ParleyDesk
import ParleyStore

/// What every route works with: the desks' ledger, the clock, renderings and the server's counters.
///
/// HTTP only: the ledger is the one write path and keeps the desks folded; what a desk allows is decided
/// there.
struct DeskServer: Sendable {
    let ledger: DeskLedger
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let rendered = RenderCache()
    /// Each whole desk's entries as search reads them.
    let searchCorpus = SearchCorpus()
    /// Each whole desk's alarms, newest first, by version.
    let alarmIndexes = AlarmIndexCache()
    /// Each whole desk as known a day before now, for the home page's "since yesterday".
    let dayBefore = DayBeforeCache()
    /// The rehearsals this server runs (`DeskServer+Rehearsal.swift`).
    let rehearsals = RehearsalBoard()
    /// A monotonic clock in seconds for the planner's time limit.
    let elapsed: @Sendable () -> Double

    /// The desks kept by the ledger, as live updates and `/metrics` see them.
    var cache: DeskCache { DeskCache(ledger: ledger) }

    /// The desk as the asker may see it, with the version they are shown; 404 when there is no such desk.
    func load(_ desk: String, as clearance: Clearance) async throws -> (
        state: DeskState, version: Int64
    ) {
        let view = try await view(desk, as: clearance)
        return (view.state, view.version)
    }

    /// The desk as a reader with `clearance` may see it; 404 when there is no such desk.
    ///
    /// Where the desk exists but everything on it is hidden from the reader, they still see the desk:
    /// desks are not compartmented, only engagements are.
    func view(_ desk: String, as clearance: Clearance) async throws -> DeskView {
        let view = try await ledger.view(desk, as: clearance)
        guard view.state.profile != nil else { throw HTTPError(.notFound, message: "no desk named '\(desk)'") }
        return view
    }

    /// Every desk's name.
    func desks() async throws -> [String] { try await ledger.desks() }

    /// Runs a command for `actor` through the ledger's write path (`DeskLedger.write`), counting what it
    /// appends; answers what was written, in the asker's numbers.
    ///
    /// A person records as things happen (`DeskLedger.write`'s `live`: no dates in the future, late entries
    /// stamped as learned now), and what they create inside a compartment gets an id with a part made by
    /// the server; unless the write is `replaying` a stored event of a whole story, which keeps its times
    /// (when it happened and when it was learned) and whose later events name the ids it gave.
    @discardableResult
    func execute(
        _ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64?,
        as clearance: Clearance, idempotencyKey: IdempotencyKey? = nil, replaying original: DeskEvent? = nil
    ) async throws -> WriteOutcome {
        let outcome = try await ledger.write(
            command, on: desk, actor: actor, as: clearance, expectedVersion: expectedVersion,
            idempotencyKey: idempotencyKey, sealingCompartmentIDs: original == nil, live: original == nil,
            replaying: original)
        if !outcome.replayed { metrics.eventsAppended(outcome.events.count) }
        return outcome
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
