import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyAccess
import ParleyDesk
import ParleyScenarios
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// Two servers over the demo desks on one unmoving clock: one whose DMZ desk also holds a compartmented
/// engagement with everything that can touch it, and a twin where that engagement never happened.
private struct Twins {
    let withSecret: DeskLedger
    let without: DeskLedger

    static let now = Date(timeIntervalSince1970: 1_761_000_000)
    static let secretTitle = "Quiet talks at the truce village"
    /// The hidden things' ids, by the collection that would list them.
    static let hiddenIDs = [
        "engagements": "quiet-talks", "signals": "quiet-signal", "deadlines": "quiet-deadline",
        "tasks": "quiet-task", "attempts": "quiet-attempt", "playbooks": "quiet-playbook",
        "messages": "quiet-message",
    ]

    static func make() async throws -> Twins {
        let twins = Twins(withSecret: try await ledger(), without: try await ledger())
        let book = AccountBook(
            store: twins.withSecret.store, environment: twins.withSecret.environment, hasher: .testing)
        try await book.createCompartment("inner", title: "The quiet channel", actor: "test")
        for member in ["insider"] + Role.allCases.map({ $0.rawValue + "-in" }) {
            try await book.addMember(member, to: "inner", actor: "test")
        }
        for command in secretCommands {
            _ = try await twins.withSecret.execute(command, on: "dmz-2019", actor: "insider")
        }
        // Something everyone sees, after the secret, on both.
        for ledger in [twins.withSecret, twins.without] {
            _ = try await ledger.execute(
                .recordSignal(Self.signal("public-signal", on: "dmz-handshake")), on: "dmz-2019", actor: "officer")
        }
        return twins
    }

    private static func ledger() async throws -> DeskLedger {
        let ledger = DeskLedger(
            store: InMemoryEventStore(), environment: DeskEnvironment(now: { Twins.now }, newID: { UUID() }))
        for (fileName, text) in try DemoScenarios.all() {
            _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "test")
        }
        try await TestUsers.add(to: ledger)
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        try await book.addUser("insider", role: .officer, password: TestUsers.password, actor: "test")
        for role in Role.allCases {
            try await book.addUser(role.rawValue + "-in", role: role, password: TestUsers.password, actor: "test")
        }
        return ledger
    }

    static func signal(_ id: String, on engagement: Engagement.ID) -> Signal {
        Signal(
            id: Signal.ID(id), engagement: engagement, at: Fixtures.kst("06-29 14:00"), summary: "Word of \(id)",
            quote: nil, attribution: ["A source"], stance: .open, grade: try! AdmiraltyGrade(parsing: "B2"))
    }

    /// The secret engagement and one of everything that can touch it.
    static var secretCommands: [DeskCommand] {
        let at = Fixtures.kst("06-29 12:00")
        let engagement = Engagement(
            id: "quiet-talks", title: secretTitle, principals: ["trump", "kim"], counterpart: "dprk",
            purpose: "Talk without cameras", priority: 1, trip: "asia-2019", duration: Minutes(45),
            venues: ["panmunjom"],
            windows: [TimeWindow(from: Fixtures.kst("06-30 09:00"), to: Fixtures.kst("06-30 20:00"))],
            opened: at, compartment: "inner")
        return [
            .openEngagement(OpenEngagement(engagement)),
            .moveEngagement(
                MoveEngagement(engagement: "quiet-talks", to: .exploring, at: at, by: "insider", reason: "asked")),
            .recordSignal(signal("quiet-signal", on: "quiet-talks")),
            .recordMessage(
                InboundMessage(
                    id: "quiet-message", engagement: "quiet-talks", channel: nil, from: "dprk", at: at,
                    summary: "They will come to the truce village.", quote: nil, stance: .favourable, asks: nil)),
            .setDeadline(
                SetDeadline(
                    Deadline(
                        id: "quiet-deadline", title: "Answer on the quiet talks", engagement: "quiet-talks",
                        owedBy: "dprk",
                        due: Fixtures.kst("06-30 06:00"), alarms: [Minutes(60)]))),
            .addAdvanceTasks(
                AddAdvanceTasks([
                    AdvanceTask(
                        id: "quiet-task", title: "Sweep the side room", kind: .securitySweep, engagement: "quiet-talks",
                        venue: "panmunjom", duration: Minutes(60), leadTime: Minutes(30), dependsOn: [])
                ])),
            .recordContactAttempt(
                ContactAttempt(
                    id: "quiet-attempt", channel: "dmz-fax", engagement: "quiet-talks", at: at, outcome: .unanswered,
                    note: "quiet fax")),
            .definePlaybook(
                DefinePlaybook(
                    Playbook(
                        id: "quiet-playbook", name: "Quiet escalation", engagement: "quiet-talks",
                        steps: [PlaybookStep(channel: "dmz-fax", wait: Minutes(30))]))),
        ]
    }

    static func application(_ ledger: DeskLedger, clock: ManualClock = ManualClock()) -> some ApplicationProtocol {
        buildApplication(
            ledger: ledger, configuration: .init(planSeconds: 0.05, passwordHasher: .testing, clock: clock.clock))
    }
}

/// What a reader is given: status, the version header and the body.
private struct Answer: Equatable, CustomStringConvertible {
    let status: Int
    let version: String?
    let body: String
    var description: String { "\(status) v\(version ?? "-") \(body.prefix(300))" }

    init(_ response: TestResponse) {
        status = response.status.code
        version = response.headers[HTTPField.Name("X-Desk-Version")!]
        body = String(buffer: response.body)
    }
}

@Suite("Compartments")
struct CompartmentTests {
    /// Every GET route from the router, made concrete: with the ids of visible things, and again with the
    /// ids of the hidden ones wherever a route takes an id.
    private static func readURIs(_ ledger: DeskLedger) -> [String] {
        var uris: [String] = []
        for route in routeAccess(ledger: ledger) where route.method == .get && route.needs == .read {
            if route.template.hasSuffix("/live") { continue }
            let path = route.template.replacingOccurrences(of: "{desk}", with: "dmz-2019")
                .replacingOccurrences(of: "{trip}", with: "asia-2019")
            guard path.contains("{id}") else {
                uris.append(path)
                continue
            }
            let collection = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            uris.append(
                path.replacingOccurrences(
                    of: "{id}", with: collection == "engagements" ? "dmz-handshake" : "no-such-id"))
            if let hidden = Twins.hiddenIDs[collection] {
                uris.append(path.replacingOccurrences(of: "{id}", with: hidden))
            }
        }
        return uris + [
            "/desks/dmz-2019/timeline?engagement=quiet-talks", "/api/v1/desks/dmz-2019/itineraries/asia-2019",
        ]
    }

    private static let headers: HTTPFields = [.cookie: "parley_form=\(testFormToken)"]

    @Test(
        "a reader outside the compartment gets, from every read route, exactly what they would get had the secret never happened",
        arguments: ["viewer", "officer", "admin"])
    func outsiderSeesTheTwin(reader: String) async throws {
        let twins = try await Twins.make()
        let uris = Self.readURIs(twins.withSecret)
        #expect(uris.count > 30)
        let seen = try await Twins.application(twins.without).test(.router) { client in
            var seen: [String: Answer] = [:]
            for uri in uris {
                seen[uri] = Answer(
                    try await SignedInClient(client, as: reader).execute(uri: uri, method: .get, headers: Self.headers))
            }
            return seen
        }
        try await Twins.application(twins.withSecret).test(.router) { client in
            let outsider = SignedInClient(client, as: reader)
            for uri in uris {
                let answer = Answer(try await outsider.execute(uri: uri, method: .get, headers: Self.headers))
                #expect(answer == seen[uri], "\(reader) GET \(uri)")
                if !uri.contains("quiet") {
                    #expect(!answer.body.contains("Quiet") && !answer.body.contains("quiet"), "\(reader) GET \(uri)")
                }
            }
        }
    }

    @Test(
        "every route that names a thing × every role × member of the compartment or not: an outsider asking for a hidden thing gets the answer for one that does not exist, a member gets it",
        arguments: Role.allCases)
    func idRoutesMatrix(role: Role) async throws {
        let twins = try await Twins.make()
        let routes = routeAccess(ledger: twins.withSecret).filter { route in
            guard let needs = route.needs, role.grants(needs), !route.template.hasSuffix("/live"),
                route.template.contains("/desks/{desk}")
            else { return false }
            // A person's calendar feeds are theirs, not a desk's: CalendarFeedTests covers them.
            return ["{id}", "{playbook}", "{task}", "{deadline}"].contains { route.template.contains($0) }
        }
        #expect(routes.count >= 7)
        // What no compartment holds: parties, principals, venues, trips, channels, itineraries (whose
        // redaction the read-route test covers).
        let uncompartmented: Set = ["parties", "principals", "venues", "trips", "channels", "itineraries"]
        try await Twins.application(twins.withSecret).test(.router) { client in
            for route in routes {
                let segments = route.template.split(separator: "/").map(String.init)
                let parameter = try #require(
                    segments.firstIndex { ["{id}", "{playbook}", "{task}", "{deadline}"].contains($0) })
                // `{collection}/{id}/amend` amends parties, principals, venues and channels, which no compartment holds.
                if uncompartmented.contains(segments[parameter - 1]) || segments[parameter - 1] == "{collection}" {
                    continue
                }
                // `edit/{item}/{id}` changes a shared record or a playbook: asked here about a hidden playbook.
                let collection = segments[parameter - 1] == "{item}" ? "playbooks" : segments[parameter - 1]
                let hidden = try #require(Twins.hiddenIDs[collection], "\(route.template)")
                let uri = { (id: String) in
                    "/"
                        + segments.map { ["{id}", "{playbook}", "{task}", "{deadline}"].contains($0) ? id : $0 }.joined(
                            separator: "/"
                        )
                        .replacingOccurrences(of: "{desk}", with: "dmz-2019")
                        .replacingOccurrences(of: "{item}", with: "playbook")
                }
                var headers = Self.headers
                var body: ByteBuffer?
                if route.method == .post {
                    let api = route.template.hasPrefix("/api/")
                    headers[.contentType] = api ? "application/json" : "application/x-www-form-urlencoded"
                    body = ByteBuffer(string: api ? "{}" : "_csrf=\(testFormToken)")
                }
                for member in [false, true] {
                    let asker = SignedInClient(client, as: role.rawValue + (member ? "-in" : ""))
                    let what = "\(role)\(member ? " member" : "") \(route.method) \(uri(hidden))"
                    let secret = Answer(
                        try await asker.execute(uri: uri(hidden), method: route.method, headers: headers, body: body))
                    let missing = Answer(
                        try await asker.execute(
                            uri: uri("no-such-thing"), method: route.method, headers: headers, body: body))
                    if member {
                        if route.method == .get { #expect(secret.status == 200, "\(what)") }
                    } else {
                        #expect(secret.status == missing.status, "\(what)")
                        #expect(
                            secret.body.replacingOccurrences(of: hidden, with: "no-such-thing") == missing.body,
                            "\(what)")
                    }
                }
            }
        }
    }

    @Test("a member sees the compartment's engagement and what touches it wherever the desk shows them")
    func memberSeesIt() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let insider = SignedInClient(client, as: "insider")
            for uri in [
                "/desks/dmz-2019", "/desks/dmz-2019/engagements/quiet-talks", "/desks/dmz-2019/timeline",
                "/api/v1/desks/dmz-2019/engagements/quiet-talks", "/api/v1/desks/dmz-2019/signals/quiet-signal",
                "/api/v1/desks/dmz-2019/tasks/quiet-task", "/api/v1/desks/dmz-2019/playbooks/quiet-playbook",
            ] {
                let response = try await insider.execute(uri: uri, method: .get, headers: Self.headers)
                #expect(response.status == .ok, "GET \(uri)")
                #expect(
                    String(buffer: response.body).contains(Twins.secretTitle) || uri.hasPrefix("/api/"), "GET \(uri)")
                if ["/desks/dmz-2019", "/desks/dmz-2019/engagements/quiet-talks"].contains(uri) {
                    // Marked, so a member knows not to speak of it outside.
                    let mark = #"<span class="tag secret">compartment inner</span>"#
                    #expect(String(buffer: response.body).contains(mark), "GET \(uri)")
                }
            }
            let summary = try await insider.execute(uri: "/api/v1/desks/dmz-2019/summary", method: .get)
            let outsider = try await SignedInClient(client, as: "officer").execute(
                uri: "/api/v1/desks/dmz-2019/summary", method: .get)
            let insiderVersion = try #require(Int(summary.headers[HTTPField.Name("X-Desk-Version")!] ?? ""))
            let outsiderVersion = try #require(Int(outsider.headers[HTTPField.Name("X-Desk-Version")!] ?? ""))
            #expect(insiderVersion == outsiderVersion + Twins.secretCommands.count)
        }
    }

    @Test(
        "an outsider's writes get the same answers as on the twin: their version, their sequence numbers, and no conflict from hidden writes"
    )
    func outsiderWritesAsOnTheTwin() async throws {
        let twins = try await Twins.make()
        func write(_ ledger: DeskLedger) async throws -> [Answer] {
            try await Twins.application(ledger).test(.router) { client in
                var answers: [Answer] = []
                let officer = SignedInClient(client, as: "officer")
                let version =
                    try await officer.execute(uri: "/api/v1/desks/dmz-2019/summary", method: .get)
                    .headers[HTTPField.Name("X-Desk-Version")!] ?? ""
                let bodies = [
                    #"{"id":"mine","engagement":"dmz-handshake","summary":"Mine","attribution":["Press"],"stance":"open","grade":"C3","at":"2019-06-29T15:00 Asia/Seoul","expected_version":\#(version)}"#,
                    // Naming a hidden engagement is refused as if there were none.
                    #"{"id":"nosy","engagement":"quiet-talks","summary":"Nosy","attribution":["Press"],"stance":"open","grade":"C3","at":"2019-06-29T15:00 Asia/Seoul"}"#,
                    // A stale version is a conflict in the outsider's numbers.
                    #"{"id":"late","engagement":"dmz-handshake","summary":"Late","attribution":["Press"],"stance":"open","grade":"C3","at":"2019-06-29T15:00 Asia/Seoul","expected_version":\#(version)}"#,
                ]
                for body in bodies {
                    answers.append(
                        Answer(
                            try await officer.execute(
                                uri: "/api/v1/desks/dmz-2019/signals", method: .post,
                                headers: [.contentType: "application/json"], body: ByteBuffer(string: body))))
                }
                answers.append(
                    Answer(
                        try await officer.execute(
                            uri: "/api/v1/desks/dmz-2019/engagements/quiet-talks/move", method: .post,
                            headers: [.contentType: "application/json"],
                            body: ByteBuffer(string: #"{"to":"outreach","by":"me","reason":"guess"}"#))))
                return answers
            }
        }
        let onTwin = try await write(twins.without)
        let withSecret = try await write(twins.withSecret)
        #expect(onTwin.map(\.status) == [201, 422, 409, 404] || onTwin.map(\.status) == [201, 422, 409, 422])
        #expect(withSecret == onTwin)
    }

    @Test("an engagement can only be put in a compartment its creator is a member of, and outsiders never see it")
    func creatingInACompartment() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            // A new engagement, as a person supplies one, put in the compartment.
            let body = { (id: String) -> ByteBuffer in
                ByteBuffer(
                    string:
                        #"{"id":"\#(id)","title":"A quiet second meeting","principals":["trump"],"counterpart":"dprk","duration":"1h","compartment":"inner"}"#
                )
            }
            let refused = try await SignedInClient(client, as: "officer").execute(
                uri: "/api/v1/desks/dmz-2019/engagements", method: .post, headers: [.contentType: "application/json"],
                body: body("outsider-try"))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("compartment"))
            let created = try await SignedInClient(client, as: "insider").execute(
                uri: "/api/v1/desks/dmz-2019/engagements", method: .post, headers: [.contentType: "application/json"],
                body: body("second-quiet"))
            #expect(created.status == .created)
            let list = try await SignedInClient(client, as: "admin").execute(
                uri: "/api/v1/desks/dmz-2019/engagements", method: .get)
            #expect(!String(buffer: list.body).contains("second-quiet"))
            #expect(!String(buffer: list.body).contains("outsider-try"))
        }
    }

    @Test(
        "joining a compartment shows its engagements on the next request after the account cache, and leaving hides them again"
    )
    func membershipChanges() async throws {
        let twins = try await Twins.make()
        let book = AccountBook(
            store: twins.withSecret.store, environment: twins.withSecret.environment, hasher: .testing)
        let clock = ManualClock()
        try await Twins.application(twins.withSecret, clock: clock).test(.router) { client in
            let viewer = SignedInClient(client, as: "viewer")
            let uri = "/api/v1/desks/dmz-2019/engagements/quiet-talks"
            #expect(try await viewer.execute(uri: uri, method: .get).status == .notFound)
            try await book.addMember("viewer", to: "inner", actor: "admin")
            clock.advance(by: .milliseconds(300))
            #expect(try await viewer.execute(uri: uri, method: .get).status == .ok)
            try await book.removeMember("viewer", from: "inner", actor: "admin")
            clock.advance(by: .milliseconds(300))
            #expect(try await viewer.execute(uri: uri, method: .get).status == .notFound)
        }
    }

    @Test("admins manage compartments on their page; a bad id or an unknown person is shown beside the form")
    func adminPage() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let admin = SignedInClient(client, as: "admin")
            let formHeaders: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            let create = try await admin.execute(
                uri: "/admin/compartments", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&id=envoys&title=Envoy+traffic"))
            #expect(create.status == .seeOther)
            let add = try await admin.execute(
                uri: "/admin/compartments/envoys/members", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&name=viewer"))
            #expect(add.status == .seeOther)
            let bad = try await admin.execute(
                uri: "/admin/compartments", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&id=Bad+Id&title=x"))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("compartment: expected an id"))
            let nobody = try await admin.execute(
                uri: "/admin/compartments/envoys/members", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&name=nobody"))
            #expect(nobody.status == .unprocessableContent)
            let page = String(buffer: try await admin.execute(uri: "/admin/compartments", method: .get).body)
            #expect(page.contains("envoys") && page.contains("Envoy traffic") && page.contains("viewer"))
            #expect(page.contains("inner") && page.contains("insider"))
        }
        let state = try await AccountBook(store: twins.withSecret.store, environment: .fixed(), hasher: .testing)
            .state()
        #expect(state.compartments["envoys"]?.members == ["viewer"])
    }

    @Test(
        "a trip that a hidden confirmed meeting makes impossible is refused, naming to an outsider only what they may see"
    )
    func infeasibleTripNamesOnlyWhatIsSeen() async throws {
        let twins = try await Twins.make()
        let at = Fixtures.kst("06-29 12:30")
        // Confirmed, and only possible while the principal is at the summit in Seoul.
        var clash = Twins.secretCommands[0]
        if case .openEngagement(var engagement) = clash {
            engagement.id = "quiet-clash"
            engagement.windows = [TimeWindow(from: Fixtures.kst("06-30 11:15"), to: Fixtures.kst("06-30 12:15"))]
            clash = .openEngagement(engagement)
        }
        _ = try await twins.withSecret.execute(clash, on: "dmz-2019", actor: "insider")
        for (index, state) in [
            EngagementState.exploring, .outreach, .inContact, .planning, .proposed, .confirmed,
        ].enumerated() {
            let when = ZonedTime(at.instant.addingTimeInterval(Double(index + 1) * 60), zone: at.zone)
            _ = try await twins.withSecret.execute(
                .moveEngagement(
                    MoveEngagement(engagement: "quiet-clash", to: state, at: when, by: "insider", reason: "on")),
                on: "dmz-2019", actor: "insider")
        }
        try await Twins.application(twins.withSecret).test(.router) { client in
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            var answers: [String: Answer] = [:]
            for name in ["officer", "insider"] {
                answers[name] = Answer(
                    try await SignedInClient(client, as: name).execute(
                        uri: "/desks/dmz-2019/trips/asia-2019/plan", method: .post, headers: headers,
                        body: ByteBuffer(string: "_csrf=\(testFormToken)")))
            }
            let outsider = try #require(answers["officer"])
            let insider = try #require(answers["insider"])
            #expect(insider.status == 422 && insider.body.contains("quiet-clash"), "\(insider)")
            #expect(outsider.status == 422, "\(outsider)")
            #expect(
                outsider.body.contains("cannot all be scheduled") && !outsider.body.contains("quiet"), "\(outsider)")
        }
    }

    @Test(
        "through the events route, as replay feeds a server: only admins who see the whole desk may post; a new desk opens, an outsider's itinerary is refused"
    )
    func eventsRoute() async throws {
        let twins = try await Twins.make()
        let events = try await twins.withSecret.store.read(desk: "asia-trip", from: 1)
        let opening = try #require(events.first { $0.type == "DeskOpened" })
        let secret = try #require(
            events.first {
                $0.type == "EngagementOpened" && String(decoding: $0.payload, as: UTF8.self).contains("quiet-channel")
            })
        try await Twins.application(twins.withSecret).test(.router) { client in
            func post(_ event: StoredEvent, to desk: String, as name: String) async throws -> Answer {
                // The demo's compartmented engagement, moved to this test's compartment under a new id.
                let payload = String(decoding: event.payload, as: UTF8.self)
                    .replacingOccurrences(of: "quiet-channel-illustration", with: "quiet-replayed")
                    .replacingOccurrences(of: "quiet-channel", with: "inner")
                let body = #"{"type":"\#(event.type)","payload":\#(payload)}"#
                return Answer(
                    try await SignedInClient(client, as: name).execute(
                        uri: "/api/v1/desks/\(desk)/events", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: body)))
            }
            // Officers record through the routes for each kind of record; a new desk is an admin's.
            #expect(try await post(opening, to: "fresh-desk", as: "officer").status == 403)
            #expect(try await post(secret, to: "dmz-2019", as: "officer-in").status == 403)
            let opened = try await post(opening, to: "fresh-desk", as: "admin")
            #expect(opened.status == 201, "\(opened)")
            #expect(opened.body == #"[{"sequence":1}]"#)
            // An admin outside the compartment does not see the whole desk: refused before anything is decided.
            let refused = try await post(secret, to: "dmz-2019", as: "admin")
            #expect(refused.status == 403 && refused.body.contains("whole desk"), "\(refused)")
            let accepted = try await post(secret, to: "dmz-2019", as: "admin-in")
            #expect(accepted.status == 201, "\(accepted)")
            let listed = try await SignedInClient(client, as: "officer").execute(
                uri: "/api/v1/desks/dmz-2019/engagements", method: .get)
            #expect(!String(buffer: listed.body).contains("quiet-replayed"))
        }
    }

    @Test("an outsider cannot post back the itinerary they see: the member's itinerary keeps the hidden meeting")
    func itineraryThroughEventsRoute() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let member = SignedInClient(client, as: "admin-in")
            let planned = try await member.execute(
                uri: "/desks/dmz-2019/trips/asia-2019/plan", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)"],
                body: ByteBuffer(string: "_csrf=\(testFormToken)"))
            #expect(planned.status.code < 400, "\(String(buffer: planned.body).prefix(300))")
            let before = String(
                buffer: try await member.execute(uri: "/api/v1/desks/dmz-2019/itineraries", method: .get).body)
            // The itinerary as the log holds it, without the hidden meeting: what an outsider would post back.
            let stored = try await twins.withSecret.store.read(desk: "dmz-2019", from: 1)
            let itinerary = try #require(stored.last { $0.type == "ItineraryPlanned" })
            var payload = try #require(
                try JSONSerialization.jsonObject(with: itinerary.payload) as? [String: Any])
            payload["visits"] = (payload["visits"] as? [[String: Any]])?.filter {
                ($0["ref"] as? String) != "quiet-talks"
            }
            let body = try JSONSerialization.data(withJSONObject: ["type": "ItineraryPlanned", "payload": payload])
            for name in ["admin", "officer"] {
                let answer = try await SignedInClient(client, as: name).execute(
                    uri: "/api/v1/desks/dmz-2019/events", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(bytes: body))
                #expect(answer.status == .forbidden, "\(name): \(String(buffer: answer.body))")
            }
            let after = String(
                buffer: try await member.execute(uri: "/api/v1/desks/dmz-2019/itineraries", method: .get).body)
            #expect(after == before)
        }
    }

    @Test(
        "a trip is planned over the whole desk whoever plans it; an outsider sees the itinerary, its page and its calendar without the hidden meeting"
    )
    func itineraryRedacted() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            let insider = SignedInClient(client, as: "insider")
            let outsider = SignedInClient(client, as: "officer")
            let itinerary = "/api/v1/desks/dmz-2019/itineraries/asia-2019"
            for planner in [insider, outsider] {
                let planned = try await planner.execute(
                    uri: "/desks/dmz-2019/trips/asia-2019/plan", method: .post, headers: headers,
                    body: ByteBuffer(string: "_csrf=\(testFormToken)"))
                #expect(planned.status == .seeOther)
                // Whoever planned, the hidden meeting is in the plan, placed or left out with a reason.
                let whole = String(buffer: try await insider.execute(uri: itinerary, method: .get).body)
                #expect(whole.contains("quiet-talks"))
                for uri in [
                    itinerary, "/desks/dmz-2019/trips/asia-2019", "/desks/dmz-2019/trips/asia-2019/itinerary.ics",
                ] {
                    let answer = try await outsider.execute(uri: uri, method: .get, headers: Self.headers)
                    #expect(answer.status == .ok, "GET \(uri)")
                    let body = String(buffer: answer.body)
                    #expect(!body.contains("quiet") && !body.contains(Twins.secretTitle), "GET \(uri)")
                }
            }
            let calendar = String(
                buffer: try await insider.execute(uri: "/desks/dmz-2019/trips/asia-2019/itinerary.ics", method: .get)
                    .body)
            let placed = String(buffer: try await insider.execute(uri: itinerary, method: .get).body)
            #expect(calendar.contains(Twins.secretTitle) || placed.contains(#""engagement":"quiet-talks""#))
        }
    }

    @Test(
        "an outsider amending a task's dependencies keeps the hidden ones, is answered without them, and is not told of a hidden task in a cycle"
    )
    func amendingAroundHiddenTasks() async throws {
        let twins = try await Twins.make()
        let ledger = twins.withSecret
        // A member makes the visible press task wait for the hidden sweep, and the sweep for the security task.
        var press = AmendAdvanceTask(task: "jsa-press", at: Fixtures.kst("06-29 13:00"), reason: "after the sweep")
        press.dependsOn = ["jsa-site-survey", "quiet-task"]
        var sweep = AmendAdvanceTask(task: "quiet-task", at: Fixtures.kst("06-29 13:00"), reason: "after security")
        sweep.dependsOn = ["jsa-security"]
        _ = try await ledger.execute(.amendAdvanceTask(press), on: "dmz-2019", actor: "insider")
        _ = try await ledger.execute(.amendAdvanceTask(sweep), on: "dmz-2019", actor: "insider")
        try await Twins.application(ledger).test(.router) { client in
            let outsider = SignedInClient(client, as: "officer")
            let headers: HTTPFields = [.contentType: "application/json"]
            // The outsider sees the press task waiting for the survey only, and shortens it.
            let answer = try await outsider.execute(
                uri: "/api/v1/desks/dmz-2019/tasks/jsa-press/amend", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"depends_on":["jsa-site-survey"],"duration":"45m","reason":"quicker"}"#))
            #expect(answer.status == .ok)
            #expect(!String(buffer: answer.body).contains("quiet"), "\(String(buffer: answer.body))")
            // A security task waiting for the press task would close a cycle through the hidden sweep.
            let cycle = try await outsider.execute(
                uri: "/api/v1/desks/dmz-2019/tasks/jsa-security/amend", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"depends_on":["jsa-site-survey","jsa-press"],"reason":"after the press"}"#))
            #expect(cycle.status == .unprocessableContent)
            #expect(!String(buffer: cycle.body).contains("quiet"))
        }
        // The hidden dependency is still there (read from the log: the server keeps a copy of its own).
        let state = DeskState.folding(try await ledger.store.read(desk: "dmz-2019", from: 1).map { try $0.decoded() })
        #expect(state.tasks["jsa-press"]?.dependsOn == ["jsa-site-survey", "quiet-task"])
        #expect(state.tasks["jsa-press"]?.duration == Minutes(45))
    }

    @Test(
        "an outsider retracts an entry by their own number; one that only hidden entries depend on is refused without naming them"
    )
    func retractingAroundHiddenEntries() async throws {
        let twins = try await Twins.make()
        let ledger = twins.withSecret
        // A go-between everyone sees, and a hidden message from them about the secret engagement.
        _ = try await ledger.execute(
            .registerParty(Party(id: "go-between", name: "A go-between")), on: "dmz-2019", actor: "insider")
        _ = try await ledger.execute(
            .recordMessage(
                InboundMessage(
                    id: "quiet-word", engagement: "quiet-talks", channel: nil, from: "go-between",
                    at: Fixtures.kst("06-29 15:00"), summary: "Word from the quiet side", quote: nil, stance: .open,
                    asks: nil)), on: "dmz-2019", actor: "insider")
        let seen = try await ledger.view("dmz-2019", as: .uncompartmented)
        let entries = try await seen.entries(from: ledger.store, desk: "dmz-2019")
        func number(_ matches: (DeskEvent.Fact) -> Bool) throws -> Int64 {
            let found = entries.last { matches($0.event.fact) }?.sequence
            return try #require(found)
        }
        let party = try number {
            if case .partyRegistered(let party) = $0 { return party.id == "go-between" }
            return false
        }
        let signal = try number {
            if case .signalRecorded(let signal) = $0 { return signal.id == "public-signal" }
            return false
        }
        try await Twins.application(ledger).test(.router) { client in
            let outsider = SignedInClient(client, as: "officer")
            let headers: HTTPFields = [.contentType: "application/json"]
            let refused = try await outsider.execute(
                uri: "/api/v1/desks/dmz-2019/entries/\(party)/retract", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"reason":"never heard of them"}"#))
            #expect(refused.status == .unprocessableContent)
            let text = String(buffer: refused.body)
            #expect(
                text.contains("entry \(party)") && !text.contains("quiet") && !text.contains("Word from"), "\(text)")
            // The same answer whether or not hidden entries rest on a shared record: it tells nothing.
            #expect(text.contains("shared records"), "\(text)")
            let retracted = try await outsider.execute(
                uri: "/api/v1/desks/dmz-2019/entries/\(signal)/retract", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"reason":"a rumour"}"#))
            #expect(retracted.status == .ok, "\(String(buffer: retracted.body))")
            #expect(String(buffer: retracted.body).contains("\"entry\":\(signal)"))
        }
        // In the log, the retraction names the signal by the log's own number, not the outsider's.
        let log = try await ledger.store.read(desk: "dmz-2019", from: 1)
        let real = try #require(
            log.last {
                if case .signalRecorded(let signal) = try $0.decoded().fact { return signal.id == "public-signal" }
                return false
            })
        #expect(real.sequence != signal)
        guard case .entryRetracted(let retraction) = try log.last?.decoded().fact else {
            Issue.record("no retraction at the end of the log")
            return
        }
        #expect(retraction.entry == real.sequence)
        let folded = DeskState.folding(try log.map { try $0.decoded() })
        #expect(folded.signals["public-signal"] == nil)
    }

    @Test("search finds the hidden engagement for a member and nothing of it for an outsider")
    func searchRespectsCompartments() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let uri = "/search?q=truce+village"
            let insider = try await SignedInClient(client, as: "insider").execute(uri: uri, method: .get)
            #expect(String(buffer: insider.body).contains("<a href=\"/desks/dmz-2019/engagements/quiet-talks\">"))
            let outsider = try await SignedInClient(client, as: "officer").execute(uri: uri, method: .get)
            #expect(outsider.status == .ok)
            #expect(!String(buffer: outsider.body).contains("quiet-talks"))
            #expect(String(buffer: outsider.body).contains("No results for “truce village”."))
        }
    }
}

@Suite("Compartments: shared records under hidden meetings")
struct SharedRecordCompartmentTests {
    @Test(
        "an outsider renames a shared trip or venue, but moving the schedule or place of a hidden meeting through them is refused alike"
    )
    func sharedRecords() async throws {
        let twins = try await Twins.make()
        try await Twins.application(twins.withSecret).test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            func post(_ who: String, _ path: String, _ body: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await SignedInClient(client, as: who).execute(
                    uri: "/api/v1/desks/dmz-2019/\(path)", method: .post, headers: json, body: ByteBuffer(string: body))
                return (response.status, String(buffer: response.body))
            }
            var (status, body) = try await post(
                "officer", "trips/asia-2019/amend", #"{"title":"Asia, June 2019","reason":"Clearer"}"#)
            #expect(status == .ok, "\(body)")
            (status, body) = try await post("officer", "trips/asia-2019/amend", #"{"stays":[],"reason":"Cut short"}"#)
            #expect(status == .unprocessableContent && body.contains("\"field\":\"stays\""), "\(body)")
            (status, body) = try await post(
                "officer", "venues/panmunjom/amend", #"{"name":"Panmunjom (JSA)","reason":"Surveyed"}"#)
            #expect(status == .ok, "\(body)")
            (status, body) = try await post(
                "officer", "venues/panmunjom/amend", #"{"zone":"Asia/Tokyo","reason":"Wrong zone"}"#)
            #expect(status == .unprocessableContent && body.contains("\"field\":\"zone\""), "\(body)")
            // The same refusal for a venue no hidden meeting uses: it says nothing about where one is.
            (status, body) = try await post(
                "officer", "venues/osaka/amend", #"{"zone":"Asia/Seoul","reason":"Wrong zone"}"#)
            #expect(status != .ok, "\(body)")
            // A member opens an engagement in the compartment from the browser and lands on its page, under the
            // id the server sealed.
            let form: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            let opened = try await SignedInClient(client, as: "insider").execute(
                uri: "/desks/dmz-2019/new/engagement", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "title=Second+quiet+talk&counterpart=dprk&principals=trump&duration=1h&compartment=inner&_csrf=\(testFormToken)"
                ))
            #expect(opened.status == .seeOther, "\(String(buffer: opened.body).prefix(300))")
            let location = try #require(opened.headers[.location])
            #expect(location.hasPrefix("/desks/dmz-2019/engagements/second-quiet-talk-"))
            try await SignedInClient(client, as: "insider").execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
            }
            // A member changes the schedule.
            (status, body) = try await post("insider", "trips/asia-2019/amend", #"{"stays":[],"reason":"Cut short"}"#)
            #expect(status == .ok, "\(body)")
        }
    }
}
