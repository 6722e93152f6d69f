import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParleyDesk
import ParleyScenarios
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

@testable import ParleyServer

/// A wall clock the test moves by hand.
private final class WallClock: Sendable {
    let time = Mutex(Date(timeIntervalSince1970: 1_796_000_000))
    func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
    var now: Date { time.withLock { $0 } }
}

private func story() throws -> ServerConfiguration.Story {
    let (fileName, text) = try #require(try DemoScenarios.all().first { $0.fileName == "dmz-2019.yaml" })
    let contents = try ScenarioReader.read(text, file: fileName)
    return .init(name: contents.profile.name, title: contents.profile.title, events: contents.events)
}

@Suite("Rehearsals on the server")
struct RehearsalServerTests {
    @Test("a rehearsal opens its own desk set up at once, records the story as its moments come, and ends held")
    func unfolds() async throws {
        let wall = WallClock()
        let ledger = DeskLedger(
            store: InMemoryEventStore(), environment: DeskEnvironment(now: { wall.now }, newID: { UUID() }),
            clock: ManualClock().clock, freshFor: .zero)
        let server = DeskServer(
            ledger: ledger, configuration: .init(rehearsalStory: try story()), metrics: ServerMetrics(),
            elapsed: MonotonicClock.elapsedSeconds())
        let desk = try await server.startRehearsal(speed: 60, actor: "admin")
        #expect(desk == "rehearsal-dmz-2019")
        #expect(try await server.startRehearsal(speed: 60, actor: "admin") == "rehearsal-dmz-2019-2")
        // Five at once at most: the sixth is refused before anything is written.
        for number in 3...5 {
            #expect(try await server.startRehearsal(speed: 600, actor: "admin") == "rehearsal-dmz-2019-\(number)")
        }
        let desks = try await ledger.desks()
        await #expect(throws: HTTPError.self) { try await server.startRehearsal(speed: 60, actor: "admin") }
        #expect(try await ledger.desks() == desks)
        var state = try await ledger.load(desk).state
        #expect(state.profile?.title == "Rehearsal: DMZ handshake, June 2019 (60× speed)")
        #expect(state.engagements["dmz-handshake"]?.state == .idea)
        #expect(state.deadlines.isEmpty)
        // Thirty minutes at 60×: the story to 30 June 02:00 KST, past the proposal and its deadline.
        wall.advance(by: 30 * 60)
        await server.advanceRehearsals(logger: Logger(label: "test"))
        state = try await ledger.load(desk).state
        #expect(state.engagements["dmz-handshake"]?.state == .proposed)
        #expect(state.deadlines["proposal-by-midnight"]?.status == .met)
        // Left: the morning signal and survey, the confirmation (move, slot, signal), two tasks, the meeting.
        #expect(await server.rehearsals.progress(of: desk)?.left == 8)
        // The deadline's time moved with the story: due 28 minutes after the start, 20:00 KST plus 28 hours.
        let due = try #require(state.deadlines["proposal-by-midnight"]?.due.instant)
        #expect(due == wall.now.addingTimeInterval(-2 * 60))
        wall.advance(by: 20 * 60)
        await server.advanceRehearsals(logger: Logger(label: "test"))
        state = try await ledger.load(desk).state
        #expect(state.engagements["dmz-handshake"]?.state == .held)
        #expect(await server.rehearsals.progress(of: desk) == nil)
    }

    @Test(
        "the home page offers a rehearsal; an admin starts one and lands on a desk marked as a rehearsal; an officer may not"
    )
    func fromTheHomePage() async throws {
        let ledger = DeskLedger(
            store: InMemoryEventStore(), environment: .fixed(start: Date(timeIntervalSince1970: 1_796_000_000)))
        try await TestUsers.add(to: ledger)
        let app = buildApplication(
            ledger: ledger, configuration: .init(timerInterval: .zero, rehearsalStory: try story()))
        try await app.test(.router) { anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            try await admin.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Start a rehearsal"))
            }
            let form: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "parley_form=\(testFormToken)",
            ]
            try await SignedInClient(anonymous).execute(
                uri: "/rehearsals", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&speed=60")
            ) { #expect($0.status == .forbidden) }
            for speed in ["inf", "1e400", "nan", "-inf"] {
                try await admin.execute(
                    uri: "/rehearsals", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(testFormToken)&speed=\(speed)")
                ) { #expect([.badRequest, .unprocessableContent].contains($0.status), "\(speed)") }
            }
            try await admin.execute(
                uri: "/rehearsals", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(testFormToken)&speed=60")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/desks/rehearsal-dmz-2019")
            }
            try await admin.execute(uri: "/desks/rehearsal-dmz-2019", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(body.contains("<strong>Rehearsal.</strong>") && body.contains("Handshake with the DPRK leader"))
            }
            try await admin.execute(
                uri: "/api/v1/rehearsals", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"speed":10}"#)
            ) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body).contains(#""name":"rehearsal-dmz-2019-2""#))
            }
            // An infinite speed (1e400) once reached an integer conversion: refused like any other.
            for body in [
                #"{"speed":0}"#, #"{"speed":"fast"}"#, #"{"speed":10,"from":"now"}"#, #"{"speed":1e400}"#,
                #"{"speed":-1e400}"#,
            ] {
                try await admin.execute(
                    uri: "/api/v1/rehearsals", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect([.badRequest, .unprocessableContent].contains(response.status), "\(body)")
                    let answer = String(buffer: response.body)
                    #expect(
                        answer.contains("speed") || answer.contains("from") || answer.contains("number out of range"),
                        "\(body): \(answer)")
                }
            }
        }
    }
}
