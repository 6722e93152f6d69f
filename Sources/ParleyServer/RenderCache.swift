import Foundation
import Hummingbird
import Synchronization

/// Rendered answers kept while nothing they show can have changed: the same desk version within the same
/// second (pages and summaries show time left to the second).
final class RenderCache: Sendable {
    private let entries = Mutex<[String: (stamp: String, body: ByteBuffer)]>([:])
    private let pages = Mutex<[String: (stamp: String, page: PageTemplate)]>([:])

    /// The page for `route` at `stamp`, rendering and cutting it when the stamp moved on.
    func page(for route: String, stamp: String, render: () throws -> String) rethrows -> PageTemplate {
        if let hit = pages.withLock({ $0[route] }), hit.stamp == stamp { return hit.page }
        let page = PageTemplate(try render())
        pages.withLock { pages in
            if pages.count > 256 { pages.removeAll() }
            pages[route] = (stamp, page)
        }
        return page
    }

    /// The page kept for `route` at `stamp`, if there is one.
    func cachedPage(for route: String, stamp: String) -> PageTemplate? {
        guard let hit = pages.withLock({ $0[route] }), hit.stamp == stamp else { return nil }
        return hit.page
    }

    /// The page kept for `route` at any stamp, if there is one (to show while it is being rebuilt).
    func keptPage(for route: String) -> PageTemplate? { pages.withLock { $0[route]?.page } }

    /// Routes being rebuilt right now, so that one request rebuilds a costly page while the others are
    /// shown the page kept.
    private let rebuilding = Mutex<Set<String>>([])

    /// Claims the rebuild of `route`; false when another request has it.
    func claimRebuild(of route: String) -> Bool { rebuilding.withLock { $0.insert(route).inserted } }

    /// Ends a claimed rebuild of `route`.
    func endRebuild(of route: String) { _ = rebuilding.withLock { $0.remove(route) } }

    /// The body for `route` at `stamp`, rendering it when the stamp moved on.
    func body(for route: String, stamp: String, render: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        if let hit = entries.withLock({ $0[route] }), hit.stamp == stamp { return hit.body }
        let body = try render()
        entries.withLock { entries in
            if entries.count > 256 { entries.removeAll() }
            entries[route] = (stamp, body)
        }
        return body
    }
}
