import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyAccess
import ParleyDesk
import ParleyScenarios
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

private let formHeaders: HTTPFields = [
    .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
]

/// A desk named `watch` with a hotline playbook and, optionally, a webhook; its engagement in
/// `compartment`, if given.
func watchDesk(webhook: String?, compartment: Compartment.ID? = nil) async throws -> DeskLedger {
    let ledger = DeskLedger(
        store: InMemoryEventStore(), environment: DeskEnvironment(now: { Date() }, newID: { UUID() }))
    let zone = try TimeZoneID.validated("Asia/Seoul", field: "zone")
    let opened = ZonedTime(Date().addingTimeInterval(-3600), zone: zone)
    let commands: [DeskCommand] = [
        .openDesk(DeskProfile(name: "watch", title: "Watch", zone: zone, opened: opened, webhook: webhook)),
        .registerParty(Party(id: "dprk", name: "DPRK")), .registerParty(Party(id: "us", name: "US")),
        .registerPrincipal(Principal(id: "p", name: "P", title: "", party: "us")),
        .openEngagement(
            OpenEngagement(
                Engagement(
                    id: "e", title: "Meeting", principals: ["p"], counterpart: "dprk", purpose: "", priority: 2,
                    trip: nil,
                    duration: Minutes(60), venues: [], windows: [], opened: opened, compartment: compartment))),
        .registerChannel(
            RegisterChannel(Channel(id: "hotline", name: "Hotline", kind: .hotline, party: "dprk", status: .dormant))),
        .definePlaybook(
            DefinePlaybook(
                Playbook(
                    id: "reach", name: "Reach them", engagement: "e",
                    steps: [PlaybookStep(channel: "hotline", wait: Minutes(30))]))),
    ]
    for command in commands { _ = try await ledger.execute(command, on: "watch", actor: "test") }
    return ledger
}

/// Asks `check` again (each time after letting other tasks run) until it holds, at most `tries` times:
/// for what follows an answer over the network by a moment, with no clock to wait on.
func eventually(tries: Int = 2_000, _ check: () async throws -> Bool) async rethrows -> Bool {
    for _ in 0..<tries {
        if try await check() { return true }
        await Task.yield()
    }
    return false
}

/// Lets the server's timers run one more pass on `clock`: they wait on it between passes, so once they
/// wait again the pass is done.
func runTimers(on clock: ManualClock, interval: Duration = .seconds(1), sleepers: Int = 1) async {
    await clock.sleepers(atLeast: sleepers)
    clock.advance(by: interval)
    await clock.sleepers(atLeast: sleepers)
}

@Suite("Timers in the server")
struct TimerServerTests {
    @Test("a playbook started from the engagement page makes its first try due, shown on the dashboard")
    func startFromPage() async throws {
        let ledger = try await watchDesk(webhook: nil)
        try await TestUsers.add(to: ledger)
        let clock = ManualClock()
        let app = buildApplication(ledger: ledger, configuration: .init(clock: clock.clock))
        try await app.test(.live) { anonymous in
            let client = SignedInClient(anonymous)
            try await client.execute(
                uri: "/desks/watch/playbooks/reach/start", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "version=7&at=&_csrf=\(testFormToken)")
            ) { response in #expect(response.status == .seeOther) }
            await runTimers(on: clock)
            let page = String(buffer: try await client.execute(uri: "/desks/watch", method: .get).body)
            #expect(page.contains("<span class=\"tag warn\">try now</span> <strong>Hotline</strong> · Reach them"))
            let types = try await ledger.store.read(desk: "watch", from: 1).map(\.type)
            #expect(types.filter { $0 == "PlaybookTryDue" }.count == 1)
        }
    }

    @Test("due tries are POSTed to the desk's webhook, retried with backoff until they are taken, and shown on a page")
    func webhookRetries() async throws {
        let received = Mutex<[String]>([])
        let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        let receiverRouter = Router()
        receiverRouter.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = String(buffer: try await request.body.collect(upTo: 65_536))
            let count = received.withLock {
                $0.append(body)
                return $0.count
            }
            arrived.yield()
            return count < 3 ? .internalServerError : .ok
        }
        let receiver = Application(
            router: receiverRouter, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { receiverClient in
            let hook = "http://127.0.0.1:\(receiverClient.port!)/hook"
            let ledger = try await watchDesk(webhook: hook)
            let start = ZonedTime(Date(), zone: try TimeZoneID.validated("UTC", field: "zone"))
            _ = try await ledger.execute(.startPlaybook("reach", at: start), on: "watch", actor: "test")
            try await TestUsers.add(to: ledger)
            let clock = ManualClock()
            let app = buildApplication(
                ledger: ledger,
                configuration: .init(
                    webhookBackoff: [.milliseconds(50), .milliseconds(50), .milliseconds(50)],
                    webhookAllowList: [try AddressRange(parsing: "127.0.0.1/32")], clock: clock.clock))
            try await app.test(.live) { anonymous in
                let client = SignedInClient(anonymous)
                var arrival = arrivals.makeAsyncIterator()
                // The first pass of the timers fires the try; each refusal is retried after its wait.
                for _ in 0..<2 {
                    await arrival.next()
                    await clock.sleepers(atLeast: 2)
                    clock.advance(by: .milliseconds(50))
                }
                await arrival.next()
                // Another pass of the timers sends nothing again.
                await runTimers(on: clock)
                let bodies = received.withLock { $0 }
                #expect(bodies.count == 3)
                #expect(
                    bodies.allSatisfy {
                        $0.contains("\"type\":\"PlaybookTryDue\"") && $0.contains("\"desk\":\"watch\"")
                    })
                // Titles and names, not ids.
                #expect(
                    bodies.allSatisfy {
                        $0.contains("Playbook “Reach them” for “Meeting”: try Hotline now (step 1, try 1)")
                    },
                    "\(bodies)")
                let delivered = "<span class=\"tag ok\">delivered</span></td><td class=\"num\">3</td>"
                let shown = try await eventually {
                    let page = try await client.execute(uri: "/desks/watch/notifications", method: .get)
                    return String(buffer: page.body).contains(delivered)
                }
                #expect(shown)
            }
        }
    }

    @Test("a delivery about a compartment's engagement is listed only for its members, in their numbers")
    func notificationsRedacted() async throws {
        let received = Mutex(0)
        let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
        let receiverRouter = Router()
        receiverRouter.post("/hook") { _, _ -> HTTPResponse.Status in
            received.withLock { $0 += 1 }
            arrived.yield()
            return .ok
        }
        let receiver = Application(
            router: receiverRouter, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await receiver.test(.live) { receiverClient in
            let ledger = try await watchDesk(
                webhook: "http://127.0.0.1:\(receiverClient.port!)/hook", compartment: "inner")
            let start = ZonedTime(Date(), zone: try TimeZoneID.validated("UTC", field: "zone"))
            _ = try await ledger.execute(.startPlaybook("reach", at: start), on: "watch", actor: "test")
            try await TestUsers.add(to: ledger)
            let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
            try await book.createCompartment("inner", title: "Inner", actor: "test")
            try await book.addMember("admin", to: "inner", actor: "test")
            let clock = ManualClock()
            let app = buildApplication(
                ledger: ledger,
                configuration: .init(
                    webhookAllowList: [try AddressRange(parsing: "127.0.0.1/32")], clock: clock.clock))
            try await app.test(.live) { anonymous in
                var arrival = arrivals.makeAsyncIterator()
                await arrival.next()
                // Another pass of the timers sends nothing again.
                await runTimers(on: clock)
                #expect(received.withLock { $0 } == 1)
                let member = String(
                    buffer: try await SignedInClient(anonymous, as: "admin").execute(
                        uri: "/desks/watch/notifications", method: .get
                    ).body)
                // The member counts 9 events: desk, 2 parties, principal, engagement, channel, playbook,
                // its start and its due try.
                #expect(member.contains("<td>#9 PlaybookTryDue"))
                let outsider = String(
                    buffer: try await SignedInClient(anonymous, as: "officer").execute(
                        uri: "/desks/watch/notifications", method: .get
                    ).body)
                #expect(outsider.contains("nothing sent since the server started"))
                #expect(!outsider.contains("PlaybookTryDue") && !outsider.contains("Reach them"))
            }
        }
    }
}
