import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyAccess
import Testing

@testable import ParleyServer

/// Calendar feeds: a secret address a calendar application fetches without a session.
@Suite("Calendar feeds")
struct CalendarFeedTests {
    private static let json: HTTPFields = [.contentType: "application/json"]
    private static let form: HTTPFields = [
        .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
    ]

    /// Issues a feed through the API and answers its path and id.
    private static func issue(_ body: String, by client: SignedInClient) async throws -> (url: String, id: String) {
        try await client.execute(
            uri: "/api/v1/calendar-feeds", method: .post, headers: json, body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .created, "\(String(buffer: response.body))")
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            return (try #require(answer["url"] as? String), try #require(answer["id"] as? String))
        }
    }

    /// What a client without any session gets at `url`.
    private static func fetch(_ url: String, _ client: some TestClientProtocol) async throws -> (
        HTTPResponse.Status, String
    ) {
        try await client.execute(uri: url, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    @Test("a trip's feed answers without a session: stays, planned meetings, journeys and deadlines, each in its zone")
    func tripFeed() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            let officer = SignedInClient(anonymous)
            try await officer.execute(
                uri: "/desks/asia-trip/trips/asia-2025/plan", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)")
            ) { #expect($0.status == .seeOther) }
            let feed = try await Self.issue(#"{"desk":"asia-trip","trip":"asia-2025"}"#, by: viewer)
            #expect(feed.url.hasPrefix("/calendars/") && feed.url.hasSuffix(".ics"))
            let (status, text) = try await Self.fetch(feed.url, anonymous)
            #expect(status == .ok)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(text.contains("TZID:Asia/Seoul") && text.contains("TZID:Asia/Tokyo"))
            #expect(text.contains("SUMMARY:Stay: "))
            #expect(text.contains("SUMMARY:Planned: ") || text.contains("SUMMARY:Agreed: "))
            #expect(text.contains("SUMMARY:Travel: "))
            #expect(text.contains("SUMMARY:Deadline: Decide whether to send a security team"))
            // The secret is the whole credential: the list never shows it again.
            let secret = String(feed.url.dropFirst("/calendars/".count).dropLast(4))
            try await viewer.execute(uri: "/api/v1/calendar-feeds", method: .get) { response in
                let listed = String(buffer: response.body)
                #expect(listed.contains(feed.id) && !listed.contains(secret))
            }
            try await viewer.execute(uri: "/calendar-feeds", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(feed.id) && !page.contains(secret))
            }
        }
    }

    @Test("revoked, unknown and malformed addresses all get the same 404; only the owner or an admin revokes")
    func revoking() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            let officer = SignedInClient(anonymous)
            let admin = SignedInClient(anonymous, as: "admin")
            let first = try await Self.issue(#"{"desk":"dmz-2019"}"#, by: viewer)
            let second = try await Self.issue(#"{"desk":"dmz-2019","trip":null}"#, by: viewer)
            #expect(try await Self.fetch(first.url, anonymous).0 == .ok)
            // Someone else's feed is as unknown to an officer as no feed.
            try await officer.execute(uri: "/api/v1/calendar-feeds/\(first.id)", method: .delete) {
                #expect($0.status == .notFound)
            }
            #expect(try await Self.fetch(first.url, anonymous).0 == .ok)
            try await viewer.execute(uri: "/api/v1/calendar-feeds/\(first.id)", method: .delete) {
                #expect($0.status == .noContent)
            }
            try await admin.execute(
                uri: "/calendar-feeds/\(second.id)/revoke", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)")
            ) { #expect($0.status == .seeOther) }
            let revoked = try await Self.fetch(first.url, anonymous)
            let unknown = try await Self.fetch("/calendars/\(String(repeating: "x", count: 43)).ics", anonymous)
            let malformed = try await Self.fetch("/calendars/nothing", anonymous)
            #expect(revoked.0 == .notFound && unknown.0 == .notFound && malformed.0 == .notFound)
            #expect(revoked.1 == unknown.1 && unknown.1 == malformed.1)
            #expect(try await Self.fetch(second.url, anonymous).0 == .notFound)
        }
    }

    @Test("a feed is refused by name for an unknown trip, an unknown field or a desk that does not exist")
    func refusals() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"desk":"asia-trip","trip":"moon-2030"}"#, .unprocessableContent, "\"field\":\"trip\""),
                (#"{"desk":"asia-trip","when":"now"}"#, .badRequest, "\"field\":\"when\""),
                (#"{"trip":"asia-2025"}"#, .badRequest, "\"field\":\"desk\""),
                (#"{"desk":"no-such-desk"}"#, .notFound, "not-found"),
            ]
            for (body, status, says) in cases {
                try await viewer.execute(
                    uri: "/api/v1/calendar-feeds", method: .post, headers: Self.json, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(String(buffer: response.body).contains(says), "\(body): \(String(buffer: response.body))")
                }
            }
            // The form keeps what was typed and says what was wrong.
            try await viewer.execute(
                uri: "/calendar-feeds", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&desk=asia-trip&trip=moon-2030")
            ) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"error-feed\"") && page.contains("value=\"moon-2030\""))
            }
            try await viewer.execute(uri: "/api/v1/calendar-feeds", method: .get) { response in
                #expect(String(buffer: response.body) == "[]")
            }
        }
    }

    @Test(
        "a feed shows what its owner may read now: a compartment's deadline appears for a member and goes when they leave"
    )
    func compartments() async throws {
        try await demoApplication().test(.router) { anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            let officer = SignedInClient(anonymous)
            let viewer = SignedInClient(anonymous, as: "viewer")
            func post(_ uri: String, _ fields: String) async throws {
                try await admin.execute(
                    uri: uri, method: .post, headers: Self.form,
                    body: ByteBuffer(string: "_csrf=\(testFormToken)&\(fields)")
                ) { #expect($0.status == .seeOther, "\(uri): \(String(buffer: $0.body))") }
            }
            try await post("/admin/compartments", "id=quiet-channel&title=Quiet")
            try await post("/admin/compartments/quiet-channel/members", "name=officer")
            let deadline =
                #"{"title":"Quiet reply owed","engagement":"quiet-channel-illustration","owed_by":"dprk","due":"2025-10-28 18:00 Asia/Seoul"}"#
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/deadlines", method: .post, headers: Self.json,
                body: ByteBuffer(string: deadline)
            ) { #expect($0.status == .created, "\(String(buffer: $0.body))") }
            let member = try await Self.issue(#"{"desk":"asia-trip"}"#, by: officer)
            let outsider = try await Self.issue(#"{"desk":"asia-trip"}"#, by: viewer)
            #expect(try await Self.fetch(member.url, anonymous).1.contains("Quiet reply owed"))
            let seen = try await Self.fetch(outsider.url, anonymous).1
            #expect(seen.contains("BEGIN:VCALENDAR") && !seen.contains("Quiet"))
            try await post("/admin/compartments/quiet-channel/members/officer/remove", "")
            #expect(!(try await Self.fetch(member.url, anonymous).1.contains("Quiet")))
        }
    }

    @Test("revoking a person's sessions ends their feeds too; the request log never holds a feed's secret")
    func sessionsRevoked() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            let admin = SignedInClient(anonymous, as: "admin")
            let feed = try await Self.issue(#"{"desk":"dmz-2019"}"#, by: viewer)
            #expect(try await Self.fetch(feed.url, anonymous).0 == .ok)
            try await admin.execute(
                uri: "/admin/users/viewer/revoke", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)")
            ) { #expect($0.status == .seeOther, "\(String(buffer: $0.body))") }
            #expect(try await Self.fetch(feed.url, anonymous).0 == .notFound)
        }
        #expect(RequestLog<BasicRequestContext>.shown("/calendars/abc.ics", query: nil) == "/calendars/…")
        #expect(RequestLog<BasicRequestContext>.shown("/desks/dmz-2019", query: "q=kim") == "/desks/dmz-2019?q=kim")
    }

    @Test("one person holds at most the limit of feeds; the next is refused with what to do")
    func limit() async throws {
        try await demoApplication().test(.router) { anonymous in
            let viewer = SignedInClient(anonymous, as: "viewer")
            for _ in 0..<AccountBook.calendarFeedLimit { _ = try await Self.issue(#"{"desk":"dmz-2019"}"#, by: viewer) }
            try await viewer.execute(
                uri: "/api/v1/calendar-feeds", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"desk":"dmz-2019"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("revoke one first"))
            }
        }
    }
}
