import Foundation
import HTTPTypes
import Hummingbird
import ParleyDesk
import ParleyStore
import ServiceLifecycle

/// Server-Sent Events fed by a desk's log: each appended event is announced as it is stored.
struct LiveController: Sendable {
    let server: DeskServer

    func register(on router: Router<DeskRequestContext>) {
        router.get("/desks/:desk/live") { request, context -> Response in
            let desk = try context.parameters.require("desk")
            _ = try await server.load(desk)
            // Resume after the last event the browser saw, or start from now.
            let lastSeen = request.headers[.lastEventID].flatMap { Int64($0) }
            var from = (lastSeen ?? 0) + 1
            if lastSeen == nil { from = try await server.ledger.store.version(of: desk) + 1 }
            let events = server.ledger.store.subscribe(desk: desk, from: from)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: .init { writer in
                    try await writer.write(ByteBuffer(string: ": connected to desk \(desk)\nretry: 2000\n\n"))
                    for try await event in events.cancelOnGracefulShutdown() {
                        // The browser re-reads the page on this event; the page must already include it.
                        server.cache.observe(desk, version: event.sequence)
                        let summary = (try? event.decoded().summary) ?? event.type
                        let data = try JSON.encoder().encode(
                            LiveEvent(sequence: event.sequence, type: event.type, summary: summary))
                        try await writer.write(
                            ByteBuffer(
                                string:
                                    "event: desk\nid: \(event.sequence)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
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
