import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParleyServer
import Testing

/// Alarms where people look: per person, acknowledged per person, compartments respected.
@Suite("Alarms")
struct AlarmTests {
    private static let json: HTTPFields = [.contentType: "application/json"]
    private static let form: HTTPFields = [
        .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
    ]

    /// The person's unacknowledged alarms as the API lists them: (total, [(desk, sequence, kind, text)]).
    private static func alarms(of client: SignedInClient) async throws
        -> (total: Int, items: [(desk: String, sequence: Int64, kind: String, text: String)])
    {
        try await client.execute(uri: "/api/v1/alarms", method: .get) { response in
            #expect(response.status == .ok)
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            let items = (answer["alarms"] as? [[String: Any]] ?? []).map {
                (
                    $0["desk"] as? String ?? "", ($0["sequence"] as? NSNumber)?.int64Value ?? 0,
                    $0["kind"] as? String ?? "", $0["text"] as? String ?? ""
                )
            }
            return (answer["total"] as? Int ?? -1, items)
        }
    }

    private static func message(_ summary: String, on engagement: String, by client: SignedInClient) async throws {
        let body = #"{"engagement":"\#(engagement)","from":"dprk","summary":"\#(summary)","stance":"open"}"#
        try await client.execute(
            uri: "/api/v1/desks/asia-trip/messages", method: .post, headers: json, body: ByteBuffer(string: body)
        ) { #expect($0.status == .created, "\(String(buffer: $0.body))") }
    }

    @Test("a message from the other side is an alarm for everyone who may see it, until each acknowledges it")
    func acknowledgedPerPerson() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let viewer = SignedInClient(anonymous, as: "viewer")
            try await Self.message("Pyongyang proposes talks at the border", on: "kim-meeting", by: officer)
            let before = try await Self.alarms(of: viewer)
            let alarm = try #require(before.items.first { $0.text.contains("Pyongyang proposes talks") })
            #expect(alarm.kind == "message" && alarm.desk == "asia-trip")
            #expect(alarm.text.hasPrefix("Message from "))
            // In the header of every page: the area the script fills from /alarms.
            try await viewer.execute(uri: "/desks/dmz-2019", method: .get) { response in
                #expect(String(buffer: response.body).contains("id=\"alarm-area\""))
            }
            try await viewer.execute(uri: "/alarms", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"alarm-list\" data-count=\"\(before.total)\""))
                #expect(page.contains("Pyongyang proposes talks at the border"))
            }
            // The viewer acknowledges it from the page; the officer still has it.
            try await viewer.execute(
                uri: "/alarms/acknowledge", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&ack=asia-trip%3A\(alarm.sequence)")
            ) { #expect($0.status == .seeOther) }
            let after = try await Self.alarms(of: viewer)
            #expect(after.total == before.total - 1)
            #expect(!after.items.contains { $0.text.contains("Pyongyang proposes talks") })
            #expect(try await Self.alarms(of: officer).items.contains { $0.text.contains("Pyongyang proposes talks") })
            // Acknowledging again writes nothing and changes nothing.
            try await viewer.execute(
                uri: "/api/v1/alarms/acknowledge", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"alarms":[{"desk":"asia-trip","sequence":\#(alarm.sequence)}]}"#)
            ) { #expect($0.status == .noContent) }
            #expect(try await Self.alarms(of: viewer).total == after.total)
        }
    }

    @Test("a move is an alarm only for those who follow the engagement")
    func following() async throws {
        try await demoApplication().test(.router) { anonymous in
            let officer = SignedInClient(anonymous)
            let viewer = SignedInClient(anonymous, as: "viewer")
            try await officer.execute(
                uri: "/desks/asia-trip/engagements/kim-meeting/follow", method: .post, headers: Self.form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&follow=1")
            ) { #expect($0.status == .seeOther) }
            let move = #"{"to":"abandoned","at":"2025-10-20 07:30","by":"staff","reason":"The trip is off"}"#
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/engagements/kim-meeting/move", method: .post, headers: Self.json,
                body: ByteBuffer(string: move)
            ) { #expect($0.status == .ok) }
            let moved = try await Self.alarms(of: officer).items.filter { $0.kind == "moved" }
            #expect(moved.count == 1)
            #expect(
                moved.first?.text.contains("to abandoned") == true
                    && moved.first?.text.contains("The trip is off") == true)
            #expect(try await Self.alarms(of: viewer).items.allSatisfy { $0.kind != "moved" })
            try await officer.execute(uri: "/alarms", method: .get) { response in
                #expect(String(buffer: response.body).contains("Stop following"))
            }
            try await officer.execute(
                uri: "/api/v1/desks/asia-trip/engagements/no-such/follow", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"following":true}"#)
            ) { #expect($0.status == .notFound) }
        }
    }

    @Test(
        "an alarm about a compartment's engagement reaches members only; an outsider cannot acknowledge what they cannot see"
    )
    func compartments() async throws {
        try await demoApplication().test(.router) { anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            let officer = SignedInClient(anonymous)
            let viewer = SignedInClient(anonymous, as: "viewer")
            for (uri, fields) in [
                ("/admin/compartments", "id=quiet-channel&title=Quiet"),
                ("/admin/compartments/quiet-channel/members", "name=officer"),
            ] {
                try await admin.execute(
                    uri: uri, method: .post, headers: Self.form,
                    body: ByteBuffer(string: "_csrf=\(testFormToken)&\(fields)")
                ) { #expect($0.status == .seeOther) }
            }
            try await Self.message(
                "A quiet word through a third country", on: "quiet-channel-illustration", by: officer)
            #expect(try await Self.alarms(of: officer).items.contains { $0.text.contains("A quiet word") })
            let outside = try await Self.alarms(of: viewer)
            #expect(!outside.items.contains { $0.text.contains("quiet") || $0.text.contains("Quiet") })
            try await viewer.execute(
                uri: "/api/v1/alarms/acknowledge", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"alarms":[{"desk":"asia-trip","sequence":100000}]}"#)
            ) { #expect($0.status == .notFound) }
            try await viewer.execute(
                uri: "/api/v1/alarms/acknowledge", method: .post, headers: Self.json,
                body: ByteBuffer(string: #"{"alarms":"all"}"#)
            ) { #expect($0.status == .badRequest) }
        }
    }
}
