import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Planning a trip through the API, as the web desk's Re-plan button does.
@Suite("Trip planning through the API")
struct TripPlanAPITests {
    @Test("a trip is planned and its itinerary recorded; a stale version is 409, a stray field 400, a viewer 403")
    func plan() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let json: HTTPFields = [.contentType: "application/json"]
            let uri = "/api/v1/desks/asia-trip/trips/asia-2025/plan"
            let version = try await officer.execute(uri: uri, method: .post, headers: json) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let itinerary = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                #expect(itinerary["trip"] as? String == "asia-2025")
                #expect(((itinerary["visits"] as? [Any]) ?? []).count >= 3)
                return try #require(response.headers[.init("X-Desk-Version")!].flatMap { Int64($0) })
            }
            try await officer.execute(uri: "/api/v1/desks/asia-trip/itineraries/asia-2025", method: .get) {
                #expect($0.status == .ok)
            }
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"expected_version":\#(version - 1)}"#, .conflict, "conflict"),
                (#"{"seed":7}"#, .badRequest, "\"field\":\"seed\""),
                (#"{"expected_version":"soon"}"#, .badRequest, "\"field\":\"expected_version\""),
                (#"{"expected_version":true}"#, .badRequest, "\"field\":\"expected_version\""),
            ]
            for (body, status, says) in cases {
                try await officer.execute(uri: uri, method: .post, headers: json, body: ByteBuffer(string: body)) {
                    #expect($0.status == status, "\(body)")
                    #expect(String(buffer: $0.body).contains(says), "\(body): \(String(buffer: $0.body))")
                }
            }
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/trips/moon-2030/plan", method: .post, headers: json
            ) { #expect($0.status == .notFound) }
            try await SignedInClient(anonymous, as: "viewer").execute(uri: uri, method: .post, headers: json) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test(
        "a trip an agreed slot makes impossible answers 422 naming the conflict and the ways out, on the API and the page"
    )
    func clashNamesWaysOut() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let json: HTTPFields = [.contentType: "application/json"]
            // Half an hour at Busan at 20:00, after the summit in Gyeongju ends at 19:00: the road takes
            // longer than the hour between them.
            let move =
                #"{"to":"confirmed","at":"2025-10-21 07:00 Asia/Seoul","by":"staff","reason":"Agreed","#
                + #""slot":{"start":"2025-10-29 20:00 Asia/Seoul","duration":"30m","venue":"busan"}}"#
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/engagements/kim-meeting/move", method: .post, headers: json,
                body: ByteBuffer(string: move)
            ) { #expect($0.status == .ok, "\(String(buffer: $0.body))") }
            let waysOut =
                "It would fit if Summit with the ROK president moves 35m earlier, to 2025-10-29 15:25 KST"
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/trips/asia-2025/plan", method: .post, headers: json
            ) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(
                    body.contains("Possible meeting with the DPRK leader (kim-meeting)") && body.contains(waysOut),
                    "\(body)")
            }
            let form: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            try await officer.execute(
                uri: "/desks/asia-trip/trips/asia-2025/plan", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)")
            ) { response in
                // On the trip page, where the staff were, not on a bare error page.
                let page = String(buffer: response.body)
                #expect(response.status == .unprocessableContent)
                #expect(page.contains("id=\"plan-refused\"") && page.contains(waysOut))
                #expect(page.contains("<h1>Asia trip with APEC in South Korea"))
            }
        }
    }

    @Test(
        "the trip brief, after a plan: each day in its own zone, visits and journeys in local times, proven best, the meetings' odds"
    )
    func brief() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/trips/asia-2025/plan", method: .post,
                headers: [.contentType: "application/json"]
            ) { #expect($0.status == .created) }
            try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025/brief", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                for expected in [
                    "<h3>Wed 29 Oct 2025, Asia/Tokyo (JST)</h3>", "<h3>Thu 30 Oct 2025, Asia/Seoul (KST)</h3>",
                    "14:00 KST–15:00 KST</td><td><strong>Address to the APEC business leaders&#39; gathering</strong>",
                    "journey, ", "Proven best", "Meeting with China&#39;s leader</td><td>confirmed</td>",
                    "<h3>Left out</h3>", "principal Donald Trump",
                ] {
                    #expect(body.contains(expected), "\(expected)")
                }
            }
            try await officer.execute(uri: "/desks/asia-trip/trips/asia-2025", method: .get) { response in
                #expect(String(buffer: response.body).contains("/desks/asia-trip/trips/asia-2025/brief"))
            }
            try await officer.execute(uri: "/desks/asia-trip/trips/moon-2030/brief", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }
}
