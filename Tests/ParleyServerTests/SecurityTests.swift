import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyAccess
import ParleyServer
import Testing

@Suite("Web hardening")
struct SecurityTests {
    @Test(
        "every answer carries a strict content security policy, no sniffing, no framing and no referrer",
        arguments: [
            "/desks/dmz-2019", "/desks/dmz-2019/engagements/dmz-handshake", "/api/v1/desks", "/nowhere",
            "/assets/parley.css",
        ])
    func headers(path: String) async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            try await client.execute(uri: path, method: .get) { response in
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("default-src 'self'"))
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("pages have no inline script or style for the policy to block")
    func noInlineCode() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            for path in [
                "/desks/dmz-2019", "/desks/dmz-2019/engagements/dmz-handshake", "/desks/asia-trip/trips/asia-2025",
                "/desks/dmz-2019/timeline?as_of=2019-06-29+21:00", "/desks/dmz-2019/notifications",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(response.status == .ok, "\(path)")
                    #expect(!page.contains(" style="), "\(path) has a style attribute")
                    #expect(!page.contains("<style"), "\(path) has a style element")
                    #expect(!page.contains("<script>") && !page.contains(" onclick="), "\(path) has inline script")
                }
            }
        }
    }

    @Test("a browser without a session is given a form token cookie, and the sign-in form carries it")
    func formsCarryTheToken() async throws {
        try await demoApplication().test(.router) { anonymous in
            try await anonymous.execute(uri: "/login", method: .get) { response in
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("parley_form="))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                let token = String(cookie.dropFirst("parley_form=".count).prefix(43))
                let page = String(buffer: response.body)
                let forms = page.components(separatedBy: "method=\"post\"").count - 1
                #expect(forms > 0)
                #expect(page.components(separatedBy: "name=\"_csrf\" value=\"\(token)\"").count - 1 == forms)
            }
        }
    }

    @Test("a bearer client's pages carry a form token bound to its token, set no cookie, and its form posts pass")
    func bearerPagesBindTheirForms() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            var seen: Set<String> = []
            for path in [
                "/desks/dmz-2019", "/desks/dmz-2019/engagements/dmz-handshake", "/desks/asia-trip/trips/asia-2025",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.headers[.setCookie] == nil, "\(path)")
                    let page = String(buffer: response.body)
                    let forms = page.components(separatedBy: "method=\"post\"").count - 1
                    #expect(forms > 0)
                    let tokens = page.components(separatedBy: "name=\"_csrf\" value=\"").dropFirst().map {
                        String($0.prefix(43))
                    }
                    #expect(tokens.count == forms, "\(path)")
                    seen.formUnion(tokens)
                }
            }
            // One token on every page, and it is the one a form post with that bearer token needs.
            #expect(seen.count == 1)
            let token = try #require(seen.first)
            try await client.execute(
                uri: "/desks/dmz-2019/new/party", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(token)&name=Switzerland")
            ) { response in
                #expect(response.status == .seeOther, "\(String(buffer: response.body))")
            }
            try await client.execute(
                uri: "/desks/dmz-2019/new/party", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(String(repeating: "A", count: 43))&name=Sweden")
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test(
        "a form without the browser's token is refused with 403 and saves nothing",
        arguments: [
            ("", "parley_form=\(testFormToken)"),
            ("&_csrf=\(String(repeating: "X", count: 43))", "parley_form=\(testFormToken)"),
            ("&_csrf=\(testFormToken)", ""),
        ])
    func formWithoutToken(field: String, cookie: String) async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            if !cookie.isEmpty { headers[.cookie] = cookie }
            try await client.execute(
                uri: "/desks/asia-trip/attempts", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "channel=letter&outcome=refused&at=2025-10-12+09%3A00&note=forged&version=40" + field)
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("without its security token"))
            }
            try await client.execute(uri: "/api/v1/desks/asia-trip/summary", method: .get) { response in
                #expect(response.headers[HTTPField.Name("X-Desk-Version")!] == "40")
            }
        }
    }

    @Test(
        "a signed-in browser's forms carry a token bound to its session: the cookie's own token, or another session's, is refused"
    )
    func formTokenBoundToSession() async throws {
        try await demoApplication().test(.router) { client in
            func session() async throws -> String {
                let answer = try await client.execute(
                    uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"name":"officer","password":"\#(TestUsers.password)"}"#))
                let json = try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [String: Any]
                return try #require(json?["token"] as? String)
            }
            let mine = try await session()
            let theirs = try await session()
            let bound = AccountBook.formToken(boundTo: mine)
            let cookie = "parley_session=\(mine); parley_form=\(testFormToken)"
            let page = try await client.execute(uri: "/desks/asia-trip", method: .get, headers: [.cookie: cookie])
            let html = String(buffer: page.body)
            #expect(html.components(separatedBy: "name=\"_csrf\" value=\"\(bound)\"").count > 2)
            #expect(!html.contains(testFormToken))
            for (token, expected) in [
                (testFormToken, HTTPResponse.Status.forbidden),
                (AccountBook.formToken(boundTo: theirs), .forbidden),
                (bound, .seeOther),
            ] {
                let response = try await client.execute(
                    uri: "/desks/asia-trip/attempts", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                    body: ByteBuffer(
                        string: "channel=letter&outcome=refused&at=2025-10-12+09%3A00&note=n&_csrf=\(token)"))
                #expect(response.status == expected, "\(token.prefix(6))")
            }
        }
    }

    @Test("an API write that is not JSON is refused with 415, so another site's form cannot make one")
    func apiWritesAreJSON() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            try await client.execute(
                uri: "/api/v1/desks/asia-trip/signals", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "summary=forged")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("markup typed into any text field, through any form or the API, is shown inert on every page")
    func everyTextFieldIsInert() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous)
            /// A payload naming its field, so a leak says where it came from.
            func payload(_ field: String) -> String { "<img src=x onerror=alert('\(field)')>\"'&" }
            var shownFields: [String] = []
            // Reference nouns: an item as a person supplies it, with markup tried in each of its strings.
            // A string the desk refuses there (an id, a zone, a reference) is not free text.
            let samples: [(String, [String: Any])] = [
                ("parties", ["name": "P"]),
                ("principals", ["name": "N", "title": "T", "party": "us"]),
                ("venues", ["name": "V", "city": "C", "latitude": 35.1, "longitude": 129.0, "zone": "Asia/Seoul"]),
                (
                    "engagements",
                    ["title": "E", "principals": ["trump"], "counterpart": "dprk", "purpose": "p", "duration": "1h"]
                ),
                ("channels", ["name": "Ch", "kind": "fax", "party": "dprk"]),
                (
                    "tasks",
                    [
                        "title": "T", "kind": "logistics", "engagement": "kim-meeting", "venue": "busan",
                        "duration": "1h", "owner": "o",
                    ]
                ),
            ]
            for (collection, sample) in samples {
                for (key, value) in sample where value is String {
                    var item = sample
                    item["id"] = "xss-\(collection.prefix(4))-\(key.replacingOccurrences(of: "_", with: "-"))"
                    item[key] = payload("\(collection).\(key)")
                    let body = try JSONSerialization.data(withJSONObject: item)
                    try await client.execute(
                        uri: "/api/v1/desks/asia-trip/\(collection)", method: .post,
                        headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)
                    ) { response in
                        if response.status == .created { shownFields.append("\(collection).\(key)") }
                    }
                }
            }
            // The records with shapes of their own, through the forms people use.
            let forms: [(String, [String: String])] = [
                (
                    "/desks/asia-trip/attempts",
                    [
                        "channel": "letter", "at": "2025-10-12 09:00", "outcome": "unanswered",
                        "note": payload("attempt.note"),
                    ]
                ),
                (
                    "/desks/asia-trip/engagements/kim-meeting/signals",
                    [
                        "summary": payload("signal.summary"), "quote": payload("signal.quote"),
                        "attribution": payload("signal.attribution"), "stance": "open", "grade": "B2",
                        "at": "2025-10-12 10:00",
                    ]
                ),
                (
                    "/desks/asia-trip/engagements/kim-meeting/deadlines",
                    ["title": payload("deadline.title"), "owed_by": "us", "due": "2025-10-28 18:00"]
                ),
                (
                    "/desks/asia-trip/engagements/kim-meeting/move",
                    [
                        "to": "outreach", "at": "2025-10-20 09:00", "by": payload("move.by"),
                        "reason": payload("move.reason"),
                    ]
                ),
            ]
            for (uri, fields) in forms {
                try await client.execute(uri: "/api/v1/desks/asia-trip/summary", method: .get) { response in
                    let version = response.headers[HTTPField.Name("X-Desk-Version")!] ?? "0"
                    var all = fields.merging(["version": version, "_csrf": testFormToken]) { $1 }
                    all["engagement"] = all["engagement"] ?? "kim-meeting"
                    let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
                    let text = all.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                        .joined(separator: "&")
                    try await client.execute(
                        uri: uri, method: .post,
                        headers: [
                            .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
                        ], body: ByteBuffer(string: text)
                    ) { response in
                        #expect(response.status == .seeOther, "\(uri): \(String(buffer: response.body).prefix(300))")
                    }
                }
                shownFields += fields.keys.filter { fields[$0]!.hasPrefix("<img") }.map { "\(uri) \($0)" }
            }
            #expect(shownFields.count >= 16, "\(shownFields)")
            // Every page of the desk: nothing arrives as markup.
            var pages = [
                "/desks/asia-trip", "/desks/asia-trip/timeline", "/desks/asia-trip/notifications",
                "/desks/asia-trip/trips/asia-2025",
            ]
            try await client.execute(uri: "/api/v1/desks/asia-trip/engagements", method: .get) { response in
                let items =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]
                pages += (items ?? []).compactMap { $0["id"] as? String }.map { "/desks/asia-trip/engagements/\($0)" }
            }
            var escapedSeen = 0
            for uri in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(!page.contains("<img src=x"), "\(uri) shows markup from a text field")
                    escapedSeen += page.components(separatedBy: "&lt;img src=x onerror=alert(").count - 1
                }
            }
            #expect(escapedSeen >= 10)
        }
    }
}
