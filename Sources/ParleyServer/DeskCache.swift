import Foundation
import ParleyDesk
import ParleyStore
import Synchronization

/// Each desk's folded state, kept between requests and brought up to date by folding only the events
/// appended since (whoever appended them), so a page costs one version check rather than a full replay.
final class DeskCache: Sendable {
    private let entries = Mutex<[String: (state: DeskState, version: Int64)]>([:])

    /// The desk as of its newest event.
    func load(_ desk: String, from store: any EventStore) async throws -> (state: DeskState, version: Int64) {
        let current = try await store.version(of: desk)
        let cached = entries.withLock { $0[desk] }
        if let cached, cached.version == current { return cached }
        var state = cached?.state ?? DeskState()
        var version = cached?.version ?? 0
        if version > current {
            // The log is shorter than what we saw (a restore): start again.
            state = DeskState()
            version = 0
        }
        for event in try await store.read(desk: desk, from: version + 1) {
            state.apply(try event.decoded())
            version = event.sequence
        }
        let fresh = (state, version)
        entries.withLock { entries in
            if (entries[desk]?.version ?? -1) < version { entries[desk] = fresh }
        }
        return fresh
    }
}
