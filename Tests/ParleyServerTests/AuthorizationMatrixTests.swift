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

/// Who asks: nobody signed in, or a test user of a role.
enum Asker: String, CaseIterable, CustomStringConvertible {
    case anonymous, viewer, officer, admin
    var description: String { rawValue }
    var role: Role? { Role(rawValue: rawValue) }
}

@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    /// A real value for each route parameter, so allowed requests reach their handlers.
    private static func concrete(_ template: String) -> String {
        var path = template.replacingOccurrences(of: "{desk}", with: "dmz-2019")
        for (parameter, value) in [
            ("{trip}", "asia-2019"), ("{playbook}", "no-such-playbook"), ("{task}", "no-such-task"),
            ("{name}", "viewer"),
        ] {
            path = path.replacingOccurrences(of: parameter, with: value)
        }
        if path.contains("/engagements/{id}") { return path.replacingOccurrences(of: "{id}", with: "dmz-handshake") }
        return path.replacingOccurrences(of: "{id}", with: "no-such-id")
    }

    @Test("every route the router has carries an access rule")
    func everyRouteHasARule() async throws {
        let routes = routeAccess(ledger: DeskLedger(store: InMemoryEventStore(), environment: .fixed()))
        #expect(routes.count > 40)
        for route in routes {
            #expect(route.needs != nil, "\(route.method) \(route.template) has no access rule")
        }
    }

    @Test(
        "every route × every role: the open ones answer anyone, the rest send strangers to sign in and refuse a role short of their rule",
        arguments: Asker.allCases)
    func matrix(asker: Asker) async throws {
        let ledger = DeskLedger(
            store: InMemoryEventStore(), environment: .fixed(start: Date(timeIntervalSince1970: 1_761_000_000)))
        for (fileName, text) in try DemoScenarios.all() {
            _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "test")
        }
        try await TestUsers.add(to: ledger)
        let routes = routeAccess(ledger: ledger)
        let app = buildApplication(ledger: ledger, configuration: .init(planSeconds: 0.05, passwordHasher: .testing))
        try await app.test(.router) { client in
            for route in routes {
                let needs = try #require(route.needs, "\(route.method) \(route.template)")
                let allowed = needs == .open || (asker.role?.grants(needs) ?? false)
                // An open event stream never ends; only its refusal is asked for.
                if allowed, route.template.hasSuffix("/live") { continue }
                var headers: HTTPFields = [.cookie: "parley_form=\(testFormToken)"]
                var body: ByteBuffer?
                if let role = asker.role {
                    // A session of its own each time: a route may end the session (sign out).
                    let signIn = try await client.execute(
                        uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: #"{"name":"\#(role.rawValue)","password":"\#(TestUsers.password)"}"#))
                    let answer =
                        try JSONSerialization.jsonObject(with: Data(signIn.body.readableBytesView)) as? [String: Any]
                    headers[.authorization] = "Bearer \(try #require(answer?["token"] as? String))"
                }
                if route.method == .post || route.method == .delete {
                    if route.template.hasPrefix("/api/") {
                        headers[.contentType] = "application/json"
                        body = ByteBuffer(string: "{}")
                    } else {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        body = ByteBuffer(string: "_csrf=\(testFormToken)")
                    }
                }
                let uri = Self.concrete(route.template)
                let response = try await client.execute(uri: uri, method: route.method, headers: headers, body: body)
                let status = response.status
                let toSignIn = status == .seeOther && (response.headers[.location] ?? "").hasPrefix("/login?next=")
                let what = "\(asker) \(route.method) \(uri) → \(status.code)"
                if allowed {
                    #expect(status != .unauthorized && status != .forbidden && !toSignIn, "\(what)")
                } else if asker == .anonymous {
                    #expect(route.template.hasPrefix("/api/") ? status == .unauthorized : toSignIn, "\(what)")
                } else {
                    #expect(status == .forbidden, "\(what)")
                }
            }
        }
    }
}
