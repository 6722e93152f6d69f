import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyDesk
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

/// What a loopback receiver saw: each request's Host header, in order.
private final class Receiver: Sendable {
    let hosts = Mutex<[String]>([])
    var count: Int { hosts.withLock(\.count) }
}

/// Runs `body` with a receiver listening on 127.0.0.1 that answers `status` (with a body a page must
/// never show), and its port.
private func withReceiver(
    answering status: HTTPResponse.Status = .ok, _ body: @escaping @Sendable (Receiver, Int) async throws -> Void
) async throws {
    let receiver = Receiver()
    let router = Router()
    router.post("/hook") { request, _ -> Response in
        receiver.hosts.withLock { $0.append(request.head.authority ?? "") }
        return Response(
            status: status, headers: [.location: "http://127.0.0.2/elsewhere"],
            body: .init(byteBuffer: ByteBuffer(string: "internal-banner: admin console v1.2")))
    }
    let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    try await application.test(.live) { client in try await body(receiver, client.port!) }
}

/// A resolver that knows only `table`, and counts its lookups; the system's resolver is never asked.
private final class TableResolver: Sendable {
    let table: [String: [IPAddress]]
    let lookups = Mutex(0)
    init(_ table: [String: [String]]) { self.table = table.mapValues { $0.compactMap(IPAddress.init) } }

    var resolve: HostResolver {
        { host in
            self.lookups.withLock { $0 += 1 }
            return self.table[host] ?? []
        }
    }
}

private let json = Data(#"{"type":"test"}"#.utf8)

private func range(_ text: String) throws -> AddressRange { try AddressRange(parsing: text) }

@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    @Test("a webhook at 127.0.0.1 is refused without an allow-list: the receiver gets nothing")
    func loopbackRefused() async throws {
        try await withReceiver { receiver, port in
            let poster = WebhookPoster(policy: OutboundAddressPolicy())
            let outcome = await poster.post(json, to: URL(string: "http://127.0.0.1:\(port)/hook")!)
            #expect(outcome == .refusedByAddressPolicy)
            #expect(outcome.description == "refused by address policy")
            #expect(receiver.count == 0)
        }
    }

    @Test("with 127.0.0.1/32 allowed at start, the same webhook is delivered")
    func loopbackAllowed() async throws {
        try await withReceiver { receiver, port in
            let poster = WebhookPoster(policy: OutboundAddressPolicy(allowing: [try range("127.0.0.1/32")]))
            let outcome = await poster.post(json, to: URL(string: "http://127.0.0.1:\(port)/hook")!)
            #expect(outcome == .delivered)
            #expect(receiver.count == 1)
        }
    }

    @Test("a name is refused when any address it resolves to is refused, before any connection")
    func anyResolvedAddressRefuses() async throws {
        try await withReceiver { receiver, port in
            // Both addresses are loopback, so even a wrong connection could not leave this machine.
            let resolver = TableResolver(["hooks.invalid": ["127.0.0.1", "127.0.0.2"]])
            let poster = WebhookPoster(
                policy: OutboundAddressPolicy(allowing: [try range("127.0.0.1/32")]), resolve: resolver.resolve)
            var detail = ""
            let outcome = await poster.post(json, to: URL(string: "http://hooks.invalid:\(port)/hook")!) {
                detail = $0
            }
            #expect(outcome == .refusedByAddressPolicy)
            #expect(detail.contains("127.0.0.2") && detail.contains("loopback"))
            #expect(receiver.count == 0)
        }
    }

    @Test("the connection goes to the address that was vetted, named by the URL's host, resolved once")
    func connectionPinned() async throws {
        try await withReceiver { receiver, port in
            // `.invalid` never resolves (RFC 6761): the delivery can only arrive through the vetted address.
            let resolver = TableResolver(["hooks.invalid": ["127.0.0.1"]])
            let poster = WebhookPoster(
                policy: OutboundAddressPolicy(allowing: [try range("127.0.0.1/32")]), resolve: resolver.resolve)
            let outcome = await poster.post(json, to: URL(string: "http://hooks.invalid:\(port)/hook")!)
            #expect(outcome == .delivered)
            #expect(receiver.hosts.withLock { $0 } == ["hooks.invalid:\(port)"])
            #expect(resolver.lookups.withLock { $0 } == 1)
        }
    }

    @Test(
        "failures say only their class: the receiver's status, body and redirect and the system's error stay out",
        arguments: [
            (HTTPResponse.Status.serviceUnavailable, "failed (HTTP 5xx)"), (.forbidden, "failed (HTTP 4xx)"),
            (.temporaryRedirect, "failed (HTTP 3xx)"),
        ])
    func failureWords(status: HTTPResponse.Status, words: String) async throws {
        try await withReceiver(answering: status) { receiver, port in
            let poster = WebhookPoster(policy: OutboundAddressPolicy(allowing: [try range("127.0.0.0/8")]))
            let outcome = await poster.post(json, to: URL(string: "http://127.0.0.1:\(port)/hook")!)
            #expect(outcome.description == words)
            // A redirect is not followed: one request, to the receiver itself.
            #expect(receiver.count == 1)
        }
    }

    @Test("nothing listening is 'could not connect', whatever the system said")
    func nothingListening() async throws {
        // Port 1 (tcpmux) on loopback: nothing listens there, and a closed test port could be reused meanwhile.
        let poster = WebhookPoster(policy: OutboundAddressPolicy(allowing: [try range("127.0.0.1/32")]))
        let outcome = await poster.post(json, to: URL(string: "http://127.0.0.1:1/hook")!)
        #expect(outcome == .couldNotConnect)
        #expect(outcome.description == "could not connect")
    }

    @Test("through the server: a desk's loopback webhook is refused and listed so, unless the operator allowed it")
    func throughTheServer() async throws {
        for allowed in [false, true] {
            try await withReceiver(answering: allowed ? .internalServerError : .ok) { receiver, port in
                let ledger = try await deskWithDueTry(webhook: "http://127.0.0.1:\(port)/hook")
                // The timers' first pass fires the try; their clock never moves, so there is no second.
                let configuration = ServerConfiguration(
                    webhookBackoff: [], webhookAllowList: allowed ? [try range("127.0.0.1/32")] : [],
                    clock: ManualClock().clock)
                try await buildApplication(ledger: ledger, configuration: configuration).test(.live) { anonymous in
                    let client = SignedInClient(anonymous, as: "officer")
                    let expected = allowed ? "failed (HTTP 5xx)" : "refused by address policy"
                    var page = ""
                    let shown = try await eventually {
                        page = String(
                            buffer: try await client.execute(uri: "/desks/watch/notifications", method: .get).body)
                        return page.contains(expected)
                    }
                    #expect(shown)
                    #expect(receiver.count == (allowed ? 1 : 0))
                    // Neither the receiver's words nor its exact status reach the page.
                    #expect(!page.contains("internal-banner") && !page.contains("HTTP 500"))
                }
            }
        }
    }
}

/// A desk named `watch` whose playbook has a try due now, with `webhook`; the test users added.
private func deskWithDueTry(webhook: String) async throws -> DeskLedger {
    let ledger = try await watchDesk(webhook: webhook)
    let seoul = try TimeZoneID.validated("Asia/Seoul", field: "zone")
    _ = try await ledger.execute(
        .startPlaybook("reach", at: ZonedTime(Date(), zone: seoul)), on: "watch", actor: "test")
    try await TestUsers.add(to: ledger)
    return ledger
}
