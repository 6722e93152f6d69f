import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyAccess
import ParleyDesk
import ParleyServer
import ParleyStore
import ParleyTestSupport
import Testing

/// The compatibility promise: a log written by main on 2026-12-01 (Tests/Fixtures/log-2026-12-01) keeps
/// verifying and folding to the same desks and accounts, whatever this version writes.
@Suite("A log from 2026-12-01 still reads the same")
struct RecordCompatibilityTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/log-2026-12-01")

    /// The fixture's admin password (a throwaway server's, see the fixture's README).
    static let adminPassword = "pSHSZLJqfMl8_QOBcDPhu9Ni"

    /// Every stored event of the fixture, envelope and payload bytes as written.
    static func events() throws -> [StoredEvent] {
        let text = try String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            func string(_ key: String) throws -> String {
                guard let value = object[key] as? String else { throw FixtureError(field: key) }
                return value
            }
            func int(_ key: String) throws -> Int {
                guard let value = object[key] as? Int else { throw FixtureError(field: key) }
                return value
            }
            return StoredEvent(
                desk: try string("desk"), sequence: Int64(try int("sequence")),
                id: try #require(UUID(uuidString: try string("id"))), type: try string("type"),
                schemaVersion: try int("schema_version"), payload: Data(try string("payload").utf8),
                actor: try string("actor"), recordedAt: try #require(InstantText.parse(try string("recorded_at"))),
                previousHash: try string("previous_hash"), hash: try string("hash"))
        }
    }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func desk(_ name: String, in events: [StoredEvent]) throws -> DeskState {
        var state = DeskState()
        for event in events where event.desk == name { state.apply(try event.decoded()) }
        return state
    }

    @Test("every stream's chain is intact, with the heads that version reported")
    func chains() throws {
        let events = try Self.events()
        let heads = [
            "asia-trip": (53, "f2d21122fce90b77b4ce3d5d0d6d21215048ffd9ade104929218b04837348616"),
            "dmz-2019": (49, "e6eb9397355ab8edcdb8090e98c7306e1da89a80cad271a5f571f3fd2c530569"),
            "~accounts": (15, "77a1d17ac9580bf6dac65f3b5aeb87affbc0b5a323a14e1c4aadc3b789369e03"),
        ]
        #expect(Set(events.map(\.desk)) == Set(heads.keys))
        for (stream, (count, head)) in heads {
            #expect(
                ChainVerification.verify(events.filter { $0.desk == stream }) == .intact(count: count, head: head),
                "\(stream)")
        }
    }

    @Test("every event type of that version is in the fixture, and this version reads each one")
    func coverage() throws {
        let events = try Self.events()
        let deskTypes = Set(events.filter { $0.desk != accountsStream }.map(\.type))
        // Every type that version wrote (later versions add types, which the golden files pin).
        #expect(deskTypes.count == 22 && deskTypes.isSubset(of: Set(DeskEvent.readableFormats.map(\.type))))
        let accountTypes = Set(events.filter { $0.desk == accountsStream }.map(\.type))
        #expect(accountTypes.count == 9 && accountTypes.isSubset(of: Set(AccountEvent.readableFormats.map(\.type))))
        for event in events where event.desk != accountsStream { _ = try event.decoded() }
        for event in events where event.desk == accountsStream {
            _ = try AccountEvent.decode(type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
        }
    }

    @Test("an event whose type is still written in the version stored is written again byte for byte")
    func sameBytes() throws {
        var compared = 0
        for event in try Self.events() {
            if event.desk == accountsStream {
                let read = try AccountEvent.decode(
                    type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
                guard read.schemaVersion == event.schemaVersion else { continue }
                #expect(try read.encodedPayload() == event.payload, "\(event.desk) #\(event.sequence)")
            } else {
                let read = try event.decoded()
                guard read.schemaVersion == event.schemaVersion else { continue }
                #expect(try read.encodedPayload() == event.payload, "\(event.desk) #\(event.sequence)")
            }
            compared += 1
        }
        #expect(compared > 70)  // 74 since venues moved to version 2 (optional coordinates)
    }

    @Test(
        "each desk exports to the scenario file that version exported, plus only what the desk knows since",
        arguments: ["dmz-2019", "asia-trip"])
    func export(desk: String) throws {
        let state = try Self.desk(desk, in: try Self.events())
        // Since then the fold also keeps when each deadline was set, which the export says when it was not
        // when the desk opened (deadlines the API set that day); every other line is as it was.
        let added = ["    set_at: "]
        let now = ScenarioWriter.write(state).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = now.filter { line in !added.contains { line.hasPrefix($0) } }
        #expect(kept.joined(separator: "\n") == (try Self.fixture("\(desk).yaml")))
        #expect(now.count - kept.count == (desk == "asia-trip" ? 1 : 0))
    }

    @Test("the accounts fold to the same people, roles, compartments and members")
    func accounts() throws {
        let events = try Self.events().filter { $0.desk == accountsStream }
        var state = AccountsState()
        for event in events {
            state.apply(
                try AccountEvent.decode(type: event.type, schemaVersion: event.schemaVersion, payload: event.payload),
                at: event.recordedAt)
        }
        #expect(state.users.mapValues(\.role) == ["admin": .admin, "ana": .officer])
        #expect(state.compartments["quiet-channel"]?.members == ["admin"])
        #expect(state.compartments["quiet-channel"]?.title == "Demo compartment")
        #expect(state.compartments["fixture-room"]?.members == [])
        #expect(state.clearance(of: "admin") != state.clearance(of: "ana"))
    }

    @Test("every collection of the API answers what that version answered", arguments: ["dmz-2019", "asia-trip"])
    func collections(desk: String) async throws {
        let ledger = DeskLedger(
            store: InMemoryEventStore(restoring: try Self.events()),
            environment: .fixed(start: Date(timeIntervalSince1970: 1_764_619_200)))
        let app = buildApplication(ledger: ledger, configuration: .init(planSeconds: 0.2))
        try await app.test(.router) { client in
            let session = try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name":"admin","password":"\#(Self.adminPassword)"}"#))
            let answer = try JSONSerialization.jsonObject(with: Data(session.body.readableBytesView)) as? [String: Any]
            let token = try #require(answer?["token"] as? String, "\(String(buffer: session.body))")
            for collection in [
                "parties", "principals", "venues", "trips", "engagements", "channels", "attempts", "playbooks",
                "deadlines", "tasks", "signals", "itineraries",
            ] {
                let response = try await client.execute(
                    uri: "/api/v1/desks/\(desk)/\(collection)", method: .get,
                    headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .ok)
                let now = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? NSArray
                let then =
                    try JSONSerialization.jsonObject(with: Data(try Self.fixture("\(desk)/\(collection).json").utf8))
                    as? NSArray
                #expect(now != nil && then != nil && answers(now!, atLeast: then!), "\(desk)/\(collection)")
            }
        }
    }
}

/// Whether `now` says everything `then` said, with the same values.
///
/// A client of that version finds every field it read, unchanged. Fields added since (a signal's side, an engagement's agreed slot) are allowed.
private func answers(_ now: Any, atLeast then: Any) -> Bool {
    switch (now, then) {
    case (let now as [String: Any], let then as [String: Any]):
        return then.allSatisfy { key, value in now[key].map { answers($0, atLeast: value) } ?? false }
    case (let now as [Any], let then as [Any]):
        return now.count == then.count && zip(now, then).allSatisfy { answers($0, atLeast: $1) }
    default:
        return (now as? NSObject) == (then as? NSObject)
    }
}

/// A fixture line without a field it should have.
private struct FixtureError: Error {
    /// The field.
    var field: String
}

/// The posted-events route reads a payload in the version it names (`schema_version`), or the type's
/// current version when none is named, so an older client replaying an older log keeps working.
@Suite("Posting events in a stored version")
struct PostedEventVersionTests {
    static func post(_ body: String, to client: SignedInClient) async throws -> (HTTPResponse.Status, String) {
        let response = try await client.execute(
            uri: "/api/v1/desks/dmz-2019/events", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body))
        return (response.status, String(buffer: response.body))
    }

    static let engagement =
        #""id":"posted","title":"Posted","principals":["trump"],"counterpart":"dprk","purpose":"","priority":3,"duration":60,"venues":[],"windows":[],"opened":{"approximate":false,"instant":"2025-10-20T00:00:00.000Z","zone":"Asia/Seoul"}"#

    @Test("a version 1 payload, state and history included, is read through its upcaster")
    func versionOne() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous, as: "admin")
            let body =
                #"{"type":"EngagementOpened","schema_version":1,"payload":{"at":"2025-10-20T00:00:00.000Z","data":{"#
                + Self.engagement + #","state":"idea","history":[]}}}"#
            let (status, text) = try await Self.post(body, to: client)
            #expect(status == .created, "\(text)")
        }
    }

    @Test("without a version the payload is read as the current one")
    func current() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous, as: "admin")
            let body =
                #"{"type":"EngagementOpened","payload":{"at":"2025-10-20T00:00:00.000Z","data":{"# + Self.engagement
                + "}}}"
            let (status, text) = try await Self.post(body, to: client)
            #expect(status == .created, "\(text)")
        }
    }

    @Test("a version 1 payload holding state no rule let through, or an unknown version, is refused")
    func refusals() async throws {
        try await demoApplication().test(.router) { anonymous in
            let client = SignedInClient(anonymous, as: "admin")
            let smuggled =
                #"{"type":"EngagementOpened","schema_version":1,"payload":{"at":"2025-10-20T00:00:00.000Z","data":{"#
                + Self.engagement + #","state":"confirmed","history":[]}}}"#
            let (status, text) = try await Self.post(smuggled, to: client)
            #expect(status == .badRequest, "\(text)")
            #expect(text.contains("\"field\":\"payload\"") && text.contains("state"))
            let future =
                #"{"type":"EngagementOpened","schema_version":9,"payload":{"at":"2025-10-20T00:00:00.000Z","data":{"#
                + Self.engagement + "}}}"
            let (futureStatus, futureText) = try await Self.post(future, to: client)
            #expect(futureStatus == .badRequest, "\(futureText)")
            #expect(futureText.contains("schema version 9 is not supported"))
        }
    }
}
