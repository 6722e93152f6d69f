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

    /// The desk as the asker may see it, with the version they are shown; 404 when there is no such desk.
    func load(_ desk: String, as clearance: Clearance = RequestIdentity.clearance) async throws -> (
        state: DeskState, version: Int64
    ) {
        let view = try await view(desk, as: clearance)
        return (view.state, view.version)
    }

    /// The desk as a reader with `clearance` may see it; 404 when there is no such desk.
    ///
    /// Where the desk exists but everything on it is hidden from the reader, they still see the desk:
    /// desks are not compartmented, only engagements are.
    func view(_ desk: String, as clearance: Clearance = RequestIdentity.clearance) async throws -> DeskView {
        let view = try await cache.view(desk, for: clearance, from: ledger.store, now: elapsed())
        guard view.state.profile != nil else { throw HTTPError(.notFound, message: "no desk named '\(desk)'") }
        return view
    }

    /// Every desk's name.
    func desks() async throws -> [String] { try await cache.desks(from: ledger.store, now: elapsed()) }

    /// Runs a command for `actor`, counting what it appends; returns the asker's numbers of the events
    /// appended.
    ///
    /// The command is decided on the cached desk, so a write costs one append rather than a read of the
    /// whole log. A cache that is behind only costs a retry: `expectedVersion` is compared with the
    /// version the asker is shown, looked at afresh before calling it a conflict; without one, the writer
    /// did not ask to be told of other writes, so the command is decided again on the newer desk (a few
    /// times at most). A write hidden from the asker never makes their write a conflict, or they would
    /// learn of it.
    ///
    /// For a reader who cannot see everything, the command is first decided on the desk as they see it,
    /// so a command naming something hidden is refused exactly as if it did not exist.
    @discardableResult
    func execute(
        _ command: DeskCommand, on desk: String, actor: String, expectedVersion: Int64?,
        as clearance: Clearance = RequestIdentity.clearance
    ) async throws -> [Int64] {
        // Not `view`: a desk not opened yet is no 404 here, its opening is a command like any other.
        func look() async throws -> DeskView {
            try await cache.view(desk, for: clearance, from: ledger.store, now: elapsed())
        }
        // In the asker's numbers: the store's would tell them how much they cannot see.
        func conflict(expected: Int64) async throws -> StoreError {
            .conflict(desk: desk, expected: expected, actual: try await look().version)
        }
        var attempt = 0
        while true {
            attempt += 1
            var seen = try await look()
            if let expectedVersion, expectedVersion != seen.version {
                cache.invalidate(desk)
                seen = try await look()
                guard expectedVersion == seen.version else {
                    throw StoreError.conflict(desk: desk, expected: expectedVersion, actual: seen.version)
                }
            }
            if case .openEngagement(let engagement) = command, !clearance.admits(engagement.compartment) {
                throw DeskError.invalidValue(
                    field: "compartment", expected: "a compartment you are a member of",
                    found: engagement.compartment?.rawValue ?? "")
            }
            if seen.isRedacted { _ = try seen.state.decide(seen.asSeen(command), now: now) }
            let (state, version) = try await cache.load(desk, from: ledger.store, now: elapsed())
            // Decided on the very desk whose version was checked, or looked at again.
            guard version == seen.realVersion else {
                cache.invalidate(desk)
                guard attempt < 5 else { throw try await conflict(expected: expectedVersion ?? seen.version) }
                continue
            }
            do {
                let stored = try await ledger.execute(
                    command, on: desk, actor: actor, decidingOn: state, at: version)
                cache.invalidate(desk)
                metrics.eventsAppended(stored.count)
                // A reader who saw the whole desk still does (what they may create they may see): their
                // numbers are the store's, with no read of the desk on the write's path.
                guard seen.isRedacted else { return stored.map(\.sequence) }
                let after = try await look()
                return stored.compactMap { after.viewerSequence(of: $0.sequence) }
            } catch let error as StoreError {
                guard case .conflict = error.code else { throw error }
                cache.invalidate(desk)
                guard attempt < 5 else { throw try await conflict(expected: expectedVersion ?? seen.version) }
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
