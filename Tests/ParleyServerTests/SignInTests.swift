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

/// A clock the test moves by hand.
private final class TestClock: Sendable {
    let time = Mutex(Date(timeIntervalSince1970: 1_761_000_000))
    func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// The demo desks and the test users on `clock`, and the ledger, for looking at the log.
private func application(
    clock: TestClock = TestClock(), steady: ManualClock = ManualClock(), secureCookies: Bool = false
) async throws -> (
    some ApplicationProtocol, DeskLedger
) {
    let ledger = DeskLedger(
        store: InMemoryEventStore(),
        environment: DeskEnvironment(now: { clock.time.withLock { $0 } }, newID: { UUID() }))
    for (fileName, text) in try DemoScenarios.all() {
        _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "test")
    }
    try await TestUsers.add(to: ledger)
    return (
        buildApplication(
            ledger: ledger,
            configuration: .init(
                timerInterval: .zero, secureCookies: secureCookies, passwordHasher: .testing, clock: steady.clock)),
        ledger
    )
}

private let formHeaders: HTTPFields = [
    .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
]

private func signInForm(_ name: String, _ password: String, next: String = "/desks/dmz-2019") -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics
    return ByteBuffer(
        string: "name=\(name)&password=\(password.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            + "&next=\(next.addingPercentEncoding(withAllowedCharacters: allowed)!)&_csrf=\(testFormToken)")
}

/// The session cookie a response sets, as a Cookie header value.
private func sessionCookie(_ response: TestResponse) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix("parley_session=") }?.split(separator: ";").first
        .map(String.init)
}

@Suite("Signing in")
struct SignInTests {
    @Test(
        "signing in through the form sets an HttpOnly, SameSite session cookie that opens the desk; signing out ends it"
    )
    func signInAndOut() async throws {
        let (app, _) = try await application()
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: signInForm("viewer", TestUsers.password))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/desks/dmz-2019")
            let setCookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("parley_session=") })
            #expect(
                setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && !setCookie.contains("Secure"))
            let cookie = try #require(sessionCookie(signedIn)) + "; parley_form=\(testFormToken)"
            let page = try await client.execute(uri: "/desks/dmz-2019", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("viewer · viewer"))
            // The sign-out form's token, as the browser has it: bound to this session.
            let token = try #require(
                html.firstRange(of: #"name="_csrf" value=""#).map { html[$0.upperBound...].prefix(43) })
            let out = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(token)"))
            #expect(out.status == .seeOther)
            try await client.execute(uri: "/desks/dmz-2019", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=%2Fdesks%2Fdmz%2D2019")
            }
        }
    }

    @Test("behind TLS the session cookie is Secure")
    func secureCookie() async throws {
        let (app, _) = try await application(secureCookies: true)
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: signInForm("viewer", TestUsers.password))
            #expect(
                signedIn.headers[values: .setCookie].contains {
                    $0.hasPrefix("parley_session=") && $0.contains("; Secure")
                })
        }
    }

    @Test("a wrong password is refused without saying which part was wrong, recorded with the address, and limited")
    func refusalsAndLimits() async throws {
        let (app, ledger) = try await application()
        try await app.test(.router) { client in
            for attempt in 1...5 {
                let refused = try await client.execute(
                    uri: "/login", method: .post, headers: formHeaders, body: signInForm("officer", "guess \(attempt)"))
                #expect(refused.status == .unprocessableContent)
                #expect(String(buffer: refused.body).contains("the name or the password is wrong"))
            }
            // The sixth, even with the right password, waits.
            let limited = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: signInForm("officer", TestUsers.password))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "900")
            // Another account from elsewhere is not held up by it.
            let other = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: signInForm("viewer", TestUsers.password))
            #expect(other.status == .seeOther)
        }
        let refusals = try await ledger.store.read(desk: AccountBook.stream, from: 1).filter {
            $0.type == "SignInFailed"
        }
        #expect(refusals.count == 5)
        #expect(refusals.allSatisfy { $0.actor == "officer" })
        #expect(String(decoding: refusals[0].payload, as: UTF8.self).contains("\"reason\":\"wrong password\""))
    }

    @Test("a session ends by itself after twelve hours")
    func expiry() async throws {
        let clock = TestClock()
        let (app, _) = try await application(clock: clock)
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders, body: signInForm("viewer", TestUsers.password))
            let cookie = try #require(sessionCookie(signedIn))
            clock.advance(by: 11 * 3_600)
            #expect(
                try await client.execute(uri: "/desks/dmz-2019", method: .get, headers: [.cookie: cookie]).status == .ok
            )
            clock.advance(by: 3_600)
            #expect(
                try await client.execute(uri: "/desks/dmz-2019", method: .get, headers: [.cookie: cookie]).status
                    == .seeOther)
        }
    }

    @Test(
        "after signing in the browser returns to the page it asked for on this site, never to another",
        arguments: [("/desks/asia-trip", "/desks/asia-trip"), ("//evil.example/x", "/"), ("https://evil.example", "/")])
    func returnsOnlyHere(next: String, expected: String) async throws {
        let (app, _) = try await application()
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: signInForm("viewer", TestUsers.password, next: next))
            #expect(signedIn.headers[.location] == expected)
        }
    }

    @Test(
        "a return address that a browser could read as another site, or that is not a plain path, returns to the start",
        arguments: [
            "/\t/evil.example/x", "/\n/evil.example", "/\r/evil.example", "/\r\n/evil.example", "\t//evil.example",
            "/\\evil.example", "\\\\evil.example", "/x\\..\\..\\evil.example", "//evil.example", "///evil.example",
            "https://evil.example", "http:evil.example", "javascript:alert(1)", "evil.example", "", " /desks",
            "/ /evil.example", "/\u{0}/evil.example", "/\u{7F}/evil.example", "/\u{3000}/evil.example",
            "/\u{2028}/evil.example", "/\u{A0}/evil.example", "/%2F/evil.example", "/%2f/evil.example",
            "/%5Cevil.example", "/%5cevil.example", "/%09/evil.example", "/%0A/evil.example", "/%0d%0a/evil.example",
            "/%20/evil.example", "%2F%2Fevil.example", "/desks?x=%", "/\u{FF0F}/evil.example",
            "/" + String(repeating: "a", count: 3_000),
        ])
    func hostileReturnAddresses(next: String) async throws {
        let (app, _) = try await application()
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: signInForm("viewer", TestUsers.password, next: next))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/")
            let form = try await client.execute(
                uri: "/login?next=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!, method: .get)
            #expect(String(buffer: form.body).contains(#"name="next" value="/""#))
        }
    }

    @Test(
        "a return address that is a path on this site is kept, query and escapes included",
        arguments: ["/", "/desks/asia-trip", "/desks/dmz-2019/timeline?at=2019-06-30T15%3A00%3A00Z", "/desks?x=a%2Fb"])
    func plainReturnAddresses(next: String) async throws {
        let (app, _) = try await application()
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: signInForm("viewer", TestUsers.password, next: next))
            #expect(signedIn.headers[.location] == next)
        }
    }

    @Test("signing out through the API needs no body: the session ends, and the token is refused afterwards")
    func apiSignOutWithoutBody() async throws {
        let (app, _) = try await application()
        try await app.test(.router) { client in
            let signedIn = try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":"viewer","password":"\#(TestUsers.password)"}"#))
            let answer = try JSONSerialization.jsonObject(with: Data(signedIn.body.readableBytesView)) as? [String: Any]
            let token = try #require(answer?["token"] as? String)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            #expect(try await client.execute(uri: "/api/v1/desks", method: .get, headers: bearer).status == .ok)
            // A body that is not JSON is still refused: only an empty DELETE goes without a type.
            var form = bearer
            form[.contentType] = "application/x-www-form-urlencoded"
            let withForm = try await client.execute(
                uri: "/api/v1/session", method: .delete, headers: form, body: ByteBuffer(string: "a=b"))
            #expect(withForm.status == .unsupportedMediaType)
            let untyped = try await client.execute(
                uri: "/api/v1/session", method: .delete, headers: bearer, body: ByteBuffer(string: "a=b"))
            #expect(untyped.status == .unsupportedMediaType)
            #expect(try await client.execute(uri: "/api/v1/desks", method: .get, headers: bearer).status == .ok)
            let out = try await client.execute(uri: "/api/v1/session", method: .delete, headers: bearer)
            #expect(out.status == .noContent)
            #expect(
                try await client.execute(uri: "/api/v1/desks", method: .get, headers: bearer).status == .unauthorized)
        }
    }

    @Test("what a person records carries their name as its actor")
    func actorIsThePerson() async throws {
        let (app, ledger) = try await application()
        try await app.test(.router) { anonymous in
            let client = SignedInClient(anonymous, as: "officer")
            let response = try await client.execute(
                uri: "/api/v1/desks/asia-trip/signals", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"summary":"s","attribution":["a"],"stance":"open","grade":"B2"}"#))
            #expect(response.status == .created)
        }
        let newest = try #require(try await ledger.store.read(desk: "asia-trip", from: 1).last)
        #expect(newest.type == "SignalRecorded")
        #expect(newest.actor == "officer")
    }

    @Test("an admin ending someone's sessions, or a new password, signs them out on their next request")
    func revocation() async throws {
        let steady = ManualClock()
        let (app, ledger) = try await application(steady: steady)
        try await app.test(.router) { client in
            @Sendable func signIn() async throws -> String {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: formHeaders, body: signInForm("viewer", TestUsers.password))
                guard let cookie = sessionCookie(response) else { throw TestSignInError(detail: "no session cookie") }
                return cookie
            }
            @Sendable func status(_ cookie: String) async throws -> HTTPResponse.Status {
                let response = try await client.execute(
                    uri: "/desks/dmz-2019", method: .get, headers: [.cookie: cookie])
                return response.status
            }
            let first = try await signIn()
            let second = try await signIn()
            #expect(try await status(first) == .ok)
            let admin = SignedInClient(client, as: "admin")
            let revoked = try await admin.execute(
                uri: "/admin/users/viewer/revoke", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "_csrf=\(testFormToken)"))
            #expect(revoked.status == .seeOther)
            #expect(try await status(first) == .seeOther)
            #expect(try await status(second) == .seeOther)
            let third = try await signIn()
            #expect(try await status(third) == .ok)
            try await AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
                .changePassword(
                    of: "viewer", to: "another long password", actor: "admin")
            // Another server changed it: this one's copy of the accounts is trusted for a quarter second.
            steady.advance(by: .milliseconds(300))
            #expect(try await status(third) == .seeOther)
        }
        let closed = try await ledger.store.read(desk: AccountBook.stream, from: 1).filter {
            $0.type == "SessionClosed"
        }
        #expect(closed.count == 2)
        #expect(closed.allSatisfy { $0.actor == "admin" })
    }
}
