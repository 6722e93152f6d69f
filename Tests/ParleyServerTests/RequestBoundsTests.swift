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
import Testing

/// A ledger holding both demo desks and the test users, on a fixed clock.
private func demoLedger() async throws -> DeskLedger {
    let ledger = DeskLedger(
        store: InMemoryEventStore(), environment: .fixed(start: Date(timeIntervalSince1970: 1_761_000_000)))
    for (fileName, text) in try DemoScenarios.all() {
        _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "test")
    }
    try await TestUsers.add(to: ledger)
    return ledger
}

/// What `/metrics` says the desk cache holds, asked as the admin.
private func cachedDesks(_ client: any TestClientProtocol) async throws -> Int {
    let response = try await SignedInClient(client, as: "admin").execute(uri: "/metrics", method: .get)
    let line = String(buffer: response.body).split(separator: "\n").first {
        $0.hasPrefix("parley_desk_cache_entries ")
    }
    return try #require(line.flatMap { Int($0.split(separator: " ")[1]) })
}

private let formHeaders: HTTPFields = [
    .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
]

@Suite("Request bounds")
struct RequestBoundsTests {
    @Test("a body larger than the route reads is 413, even before signing in; nothing is stored")
    func oversizedBodies() async throws {
        let ledger = try await demoLedger()
        let before = try await ledger.store.version(of: "dmz-2019")
        try await buildApplication(ledger: ledger, configuration: .init(passwordHasher: .testing)).test(.router) {
            anonymous in
            let form = "_csrf=\(testFormToken)&name=admin&password=" + String(repeating: "x", count: 200 * 1024)
            try await anonymous.execute(
                uri: "/login", method: .post, headers: formHeaders, body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(String(buffer: response.body).contains("larger than this route accepts"))
            }
            let admin = SignedInClient(anonymous, as: "admin")
            let padding = String(repeating: "x", count: 2 * 1024 * 1024)
            for route in ["attempts", "events", "venues"] {
                let body = #"{"channel":"kcna","outcome":"delivered","note":"\#(padding)"}"#
                try await admin.execute(
                    uri: "/api/v1/desks/dmz-2019/\(route)", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .contentTooLarge, "\(route)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(route)")
                    #expect(String(buffer: response.body).contains(#""status":413"#), "\(route)")
                }
            }
        }
        #expect(try await ledger.store.version(of: "dmz-2019") == before)
    }

    @Test("looking up made-up desk names leaves nothing behind in the server's caches")
    func unknownDesksAreNotKept() async throws {
        let ledger = try await demoLedger()
        // No timers: their ticks would load the real desks at any moment.
        let configuration = ServerConfiguration(timerInterval: .zero, passwordHasher: .testing)
        try await buildApplication(ledger: ledger, configuration: configuration).test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            #expect(try await cachedDesks(anonymous) == 0)
            for index in 0..<1_000 {
                let name = "no-such-desk-\(index)"
                let uri = index.isMultiple(of: 2) ? "/desks/\(name)" : "/api/v1/desks/\(name)/summary"
                try await viewer.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
            for index in 0..<20 {
                let uri = "/desks/" + String(repeating: "d\(index % 10)", count: 4_096)
                try await viewer.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.body.readableBytes < 16 * 1024, "the name is not echoed whole")
                }
            }
            #expect(try await cachedDesks(anonymous) == 0)
            // A real desk is kept, once.
            for _ in 0..<3 { _ = try await viewer.execute(uri: "/desks/dmz-2019", method: .get) }
            #expect(try await cachedDesks(anonymous) == 1)
        }
    }

    @Test(
        "a name that cannot be a desk's (Parley's own accounts stream, an overlong or upper-case name) is 404 on every desk route, and the accounts stream is untouched",
        arguments: ["~accounts", "%7Eaccounts", String(repeating: "a", count: 300), "DMZ-2019"])
    func systemStreamsAreNoDesks(name: String) async throws {
        let ledger = try await demoLedger()
        let events = try await ledger.store.read(desk: "dmz-2019", from: 1)
        let opening = try #require(events.first { $0.type == "DeskOpened" })
        let signal = try #require(events.first { $0.type == "SignalRecorded" })
        let routes = routeAccess(ledger: ledger).filter { $0.template.contains("{desk}") }
        #expect(routes.count > 30)
        try await buildApplication(ledger: ledger, configuration: .init(passwordHasher: .testing)).test(.router) {
            anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            _ = try await admin.execute(uri: "/", method: .get)
            let accountsBefore = try await ledger.store.read(desk: accountsStream, from: 1)
            for route in routes {
                let uri = route.template.replacingOccurrences(of: "{desk}", with: name)
                    .replacingOccurrences(of: "{trip}", with: "asia-2025")
                    .replacingOccurrences(of: "{playbook}", with: "dmz-escalation")
                    .replacingOccurrences(of: "{task}", with: "site-survey")
                    .replacingOccurrences(of: "{id}", with: "dmz-handshake")
                var bodies: [(HTTPFields, String)] = [([:], "")]
                if route.method == .post, route.template.hasPrefix("/api/") {
                    let json: HTTPFields = [.contentType: "application/json"]
                    bodies = [(json, "{}")]
                    if route.template.hasSuffix("/events") {
                        bodies = [opening, signal].map { event in
                            let payload = String(decoding: event.payload, as: UTF8.self)
                            return (json, #"{"type":"\#(event.type)","payload":\#(payload)}"#)
                        }
                    }
                } else if route.method == .post {
                    bodies = [(formHeaders, "_csrf=\(testFormToken)&channel=kcna&outcome=delivered")]
                }
                for (headers, body) in bodies {
                    try await admin.execute(
                        uri: uri, method: route.method, headers: headers,
                        body: body.isEmpty ? nil : ByteBuffer(string: body)
                    ) { response in
                        #expect(response.status == .notFound, "\(route.method) \(route.template) → \(response.status)")
                    }
                }
            }
            #expect(try await ledger.store.read(desk: accountsStream, from: 1) == accountsBefore)
        }
    }

    @Test(
        "a path written another way (repeated slashes, dot segments, encoded slashes) is refused before any check, so an API write in a form is never stored",
        arguments: [
            "//api/v1/desks/dmz-2019/attempts", "/api//v1/desks/dmz-2019/attempts", "/api/v1/desks//dmz-2019/attempts",
            "/./api/v1/desks/dmz-2019/attempts", "/api/v1/desks/dmz-2019/./attempts",
            "/api/v1/desks/asia-trip/../dmz-2019/attempts", "/api/v1/desks/dmz-2019/%2e%2E/dmz-2019/attempts",
            "/api%2Fv1/desks/dmz-2019/attempts", "/api/v1/desks/dmz-2019%2fattempts",
        ])
    func unusualPaths(path: String) async throws {
        let ledger = try await demoLedger()
        let before = try await ledger.store.version(of: "dmz-2019")
        try await buildApplication(ledger: ledger, configuration: .init(passwordHasher: .testing)).test(.router) {
            anonymous in
            let officer = SignedInClient(anonymous)
            try await officer.execute(
                uri: path, method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&channel=kcna&outcome=delivered")
            ) { response in
                #expect(response.status == .notFound || response.status == .unsupportedMediaType, "\(response.status)")
            }
        }
        #expect(try await ledger.store.version(of: "dmz-2019") == before)
    }

    @Test("a page asked for by another spelling of its path is 404; the plain spelling answers")
    func unusualPagePaths() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            for path in [
                "//desks/dmz-2019", "/desks//dmz-2019", "/desks/dmz-2019//timeline", "/desks/./dmz-2019",
                "/desks/dmz-2019/../dmz-2019", "/desks%2Fdmz-2019", "/desks/dmz-2019\\timeline",
            ] {
                try await viewer.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                }
            }
            for path in ["/desks/dmz-2019", "/desks/dmz-2019/timeline", "/api/v1/desks/dmz-2019/summary"] {
                try await viewer.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
        }
    }
}
