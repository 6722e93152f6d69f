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

/// Answers to writes are honest (issue 12, items 7, 8 and 16): a repeat with the same `Idempotency-Key`
/// records nothing, across restarts; a write without `expected_version` is never a conflict; and what is
/// created inside a compartment gets an id nobody outside can guess.
@Suite("Honest answers to writes")
struct WriteHonestyTests {
    private static let json: HTTPFields = [.contentType: "application/json"]

    private static func ledger() async throws -> DeskLedger {
        let ledger = DeskLedger(
            store: InMemoryEventStore(),
            environment: DeskEnvironment(now: { Date(timeIntervalSince1970: 1_761_000_000) }, newID: { UUID() }))
        for (fileName, text) in try DemoScenarios.all() {
            _ = try await ledger.importScenario(try ScenarioReader.read(text, file: fileName), actor: "test")
        }
        try await TestUsers.add(to: ledger)
        return ledger
    }

    private static func intact(_ events: [StoredEvent]) -> Bool {
        if case .intact = ChainVerification.verify(events) { return true }
        return false
    }

    private static func application(_ ledger: DeskLedger) -> some ApplicationProtocol {
        buildApplication(ledger: ledger, configuration: .init(planSeconds: 0.05, passwordHasher: .testing))
    }

    private static func keyed(_ key: String) -> HTTPFields {
        var headers = json
        headers[HTTPField.Name("Idempotency-Key")!] = key
        return headers
    }

    private static func signal(_ id: String? = nil, summary: String = "A statement") -> ByteBuffer {
        let idField = id.map { #""id":"\#($0)","# } ?? ""
        return ByteBuffer(
            string: #"{\#(idField)"engagement":"dmz-handshake","summary":"\#(summary)","attribution":["KCNA"],"#
                + #""stance":"open","grade":"B2","at":"2019-06-29 15:00"}"#)
    }

    @Test(
        "a write repeated with the same Idempotency-Key answers the first write again and records nothing, after a restart too"
    )
    func repeatedKey() async throws {
        let ledger = try await Self.ledger()
        let before = try await ledger.store.version(of: "dmz-2019")
        let headers = Self.keyed("7b0c1f0e-retry-1")
        let first = try await Self.application(ledger).test(.router) { client -> String in
            let officer = SignedInClient(client, as: "officer")
            // No id: the server makes one up, and the repeat must still answer with the first one.
            let created = try await officer.execute(
                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers, body: Self.signal())
            #expect(created.status == .created)
            #expect(created.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            let first = String(buffer: created.body)
            let repeated = try await officer.execute(
                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers, body: Self.signal())
            #expect(repeated.status == .created)
            #expect(repeated.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(String(buffer: repeated.body) == first)
            return first
        }
        // Another server over the same log (a restart): still the first answer, still one event.
        try await Self.application(ledger).test(.router) { client in
            let repeated = try await SignedInClient(client, as: "officer").execute(
                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers, body: Self.signal())
            #expect(repeated.status == .created)
            #expect(String(buffer: repeated.body) == first)
            // The same key from someone else is their own write.
            let admins = try await SignedInClient(client, as: "admin").execute(
                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers, body: Self.signal())
            #expect(admins.status == .created)
            #expect(String(buffer: admins.body) != first)
        }
        #expect(try await ledger.store.version(of: "dmz-2019") == before + 2)
        #expect(Self.intact(try await ledger.store.read(desk: "dmz-2019", from: 1)))
    }

    @Test("eight clients repeating one keyed write at once record it exactly once, and all get the same answer")
    func concurrentRepeats() async throws {
        let ledger = try await Self.ledger()
        let before = try await ledger.store.version(of: "dmz-2019")
        let headers = Self.keyed("same-key-for-all")
        try await Self.application(ledger).test(.router) { client in
            let officer = SignedInClient(client, as: "officer")
            _ = try await officer.execute(uri: "/api/v1/desks", method: .get)
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await officer.execute(
                            uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers,
                            body: Self.signal())
                        return (response.status.code, String(buffer: response.body))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == 201 }, "\(answers)")
            #expect(Set(answers.map(\.1)).count == 1)
        }
        #expect(try await ledger.store.version(of: "dmz-2019") == before + 1)
    }

    @Test("a key already used for another kind of write is refused, not answered with the other write's item")
    func keyReusedElsewhere() async throws {
        let ledger = try await Self.ledger()
        try await Self.application(ledger).test(.router) { client in
            let officer = SignedInClient(client, as: "officer")
            let attempt = ByteBuffer(
                string: #"{"channel":"dmz-hotline","engagement":"dmz-handshake","outcome":"unanswered","#
                    + #""at":"2019-06-29 15:00"}"#)
            let first = try await officer.execute(
                uri: "/api/v1/desks/dmz-2019/attempts", method: .post, headers: Self.keyed("k-1"), body: attempt)
            #expect(first.status == .created)
            let before = try await ledger.store.version(of: "dmz-2019")
            let other = try await officer.execute(
                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: Self.keyed("k-1"), body: Self.signal())
            #expect(other.status == .unprocessableContent)
            #expect(String(buffer: other.body).contains("Idempotency-Key"))
            #expect(try await ledger.store.version(of: "dmz-2019") == before)
        }
    }

    @Test("a bad Idempotency-Key is refused with the header named, and nothing is recorded")
    func badKey() async throws {
        let ledger = try await Self.ledger()
        let before = try await ledger.store.version(of: "dmz-2019")
        for key in ["", String(repeating: "k", count: 201), "with space", "tab\there"] {
            let headers = Self.keyed(key)
            try await Self.application(ledger).test(.router) { client in
                let response = try await SignedInClient(client, as: "officer").execute(
                    uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: headers, body: Self.signal())
                #expect(response.status == .unprocessableContent, "\(key)")
                #expect(String(buffer: response.body).contains("Idempotency-Key"))
            }
        }
        #expect(try await ledger.store.version(of: "dmz-2019") == before)
    }

    @Test("eight writers without expected_version never get a conflict: every write is stored once, the chain intact")
    func unversionedWriters() async throws {
        let ledger = try await Self.ledger()
        let before = try await ledger.store.version(of: "dmz-2019")
        try await Self.application(ledger).test(.router) { client in
            let officer = SignedInClient(client, as: "officer")
            _ = try await officer.execute(uri: "/api/v1/desks", method: .get)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        var codes: [Int] = []
                        for write in 0..<6 {
                            let response = try await officer.execute(
                                uri: "/api/v1/desks/dmz-2019/signals", method: .post, headers: Self.json,
                                body: Self.signal("w\(writer)-\(write)"))
                            codes.append(Int(response.status.code))
                        }
                        return codes.filter { $0 != 201 }.count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(statuses == 0)
        }
        let events = try await ledger.store.read(desk: "dmz-2019", from: 1)
        #expect(events.count == Int(before) + 48)
        #expect(Self.intact(events))
    }

    @Test("what a member creates inside a compartment gets an id with a part made by the server")
    func compartmentIDs() async throws {
        let ledger = try await Self.ledger()
        let events = try await ledger.store.read(desk: "asia-trip", from: 1)
        let hidden = try #require(
            events.compactMap { event -> Engagement? in
                guard case .engagementOpened(let engagement) = try? event.decoded().fact else { return nil }
                return engagement.compartment == nil ? nil : engagement
            }.first)
        let compartment = try #require(hidden.compartment)
        let book = AccountBook(store: ledger.store, environment: ledger.environment, hasher: .testing)
        try await book.createCompartment(compartment.rawValue, title: "Demo compartment", actor: "test")
        try await book.addMember("admin", to: compartment.rawValue, actor: "test")
        try await Self.application(ledger).test(.router) { client in
            let body = ByteBuffer(
                string: #"{"id":"guessable","engagement":"\#(hidden.id)","summary":"Quiet word","attribution":["A"],"#
                    + #""stance":"open","grade":"B2","at":"2025-10-20 09:00"}"#)
            let created = try await SignedInClient(client, as: "admin").execute(
                uri: "/api/v1/desks/asia-trip/signals", method: .post, headers: Self.json, body: body)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any])
            let id = try #require(answer["id"] as? String)
            #expect(id.hasPrefix("guessable-") && id.count == "guessable-".count + 8, "\(id)")
            // An outsider taking the id the member asked for is not told that anything exists.
            let open = ByteBuffer(
                string: #"{"id":"guessable","summary":"Public word","attribution":["A"],"stance":"open","grade":"B2","#
                    + #""at":"2025-10-20 09:00"}"#)
            let outsider = try await SignedInClient(client, as: "officer").execute(
                uri: "/api/v1/desks/asia-trip/signals", method: .post, headers: Self.json, body: open)
            #expect(outsider.status == .created)
        }
    }
}
