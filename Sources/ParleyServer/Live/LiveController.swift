import Foundation
import HTTPTypes
import Hummingbird
import ParleyAccess
import ParleyDesk
import ParleyStore
import ServiceLifecycle

/// Server-Sent Events fed by a desk's log: each appended event is announced as it is stored.
///
/// Only events the reader may see are announced, numbered as the reader numbers them (`DeskView`). The
/// stream ends when the reader's session ends or their compartments change, so what they are sent is
/// never decided on a clearance they no longer hold; the browser reconnects as whoever they now are.
struct LiveController: Sendable {
    let server: DeskServer
    let accounts: AccountBook

    func register(on router: Router<DeskRequestContext>) {
        router.get("/desks/:desk/live") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            let clearance = context.clearance
            let token = AccessControl.token(in: request)
            var view = try await server.view(desk, as: clearance)
            // Resume after the last event the browser saw, or start from now.
            let lastSeen = request.headers[.lastEventID].flatMap { Int64($0) }.map { max($0, 0) }
            if let lastSeen, lastSeen > view.version {
                server.cache.invalidate(desk)
                view = try await server.view(desk, as: clearance)
            }
            var from = try await server.ledger.store.version(of: desk) + 1
            if let lastSeen, lastSeen <= view.version { from = view.realSequence(of: lastSeen) + 1 }
            let events = server.ledger.store.subscribe(desk: desk, from: from)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: .init { writer in
                    try await writer.write(ByteBuffer(string: ": connected to desk \(desk)\nretry: 2000\n\n"))
                    for try await event in events.cancelOnGracefulShutdown() {
                        // The browser re-reads the page on this event; the page must already include it.
                        server.cache.observe(desk, version: event.sequence)
                        if let token {
                            let identity = try await accounts.identify(token: token)
                            guard identity?.clearance == clearance else { break }
                        }
                        var seen = try await server.view(desk, as: clearance)
                        if seen.realVersion < event.sequence {
                            // A read that began before this event was stored refreshed the cache meanwhile.
                            server.cache.invalidate(desk)
                            seen = try await server.view(desk, as: clearance)
                        }
                        guard let shown = try seen.shown(event) else { continue }
                        let data = try JSON.encoder().encode(
                            LiveEvent(sequence: shown.sequence, type: event.type, summary: shown.event.summary))
                        try await writer.write(
                            ByteBuffer(
                                string:
                                    "event: desk\nid: \(shown.sequence)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
                            ))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}

/// What the live stream says about an appended event.
struct LiveEvent: Codable, Sendable {
    let sequence: Int64
    let type: String
    let summary: String
}

extension HTTPField.Name {
    /// The SSE reconnection header.
    static let lastEventID = Self("Last-Event-ID")!
}
