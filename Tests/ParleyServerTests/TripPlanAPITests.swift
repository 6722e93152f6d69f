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
}
