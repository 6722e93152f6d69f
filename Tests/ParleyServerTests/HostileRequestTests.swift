import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyAccess
import ParleyDesk
import ParleyServer
import ParleyStore
import Testing

/// Requests the fuzzer (tests/fuzz/run) found or could find: each is refused with a 4xx and the server
/// goes on answering (issue 12).
@Suite("Hostile requests")
struct HostileRequestTests {
    @Test(
        "raw events whose payload is not an object, or is nested without end, are refused as unreadable",
        arguments: [
            #"{"type":"SignalRecorded","payload":1}"#, #"{"type":"SignalRecorded","payload":"text"}"#,
            #"{"type":"SignalRecorded","payload":[1,2]}"#, #"{"type":"SignalRecorded","payload":null}"#,
            #"{"type":"SignalRecorded","payload":true}"#,
            #"{"type":"SignalRecorded","payload":{"a":"#
                + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}}",
        ])
    func eventPayloads(body: String) async throws {
        try await demoApplication().test(.router) { anonymous in
            let admin = SignedInClient(anonymous, as: "admin")
            let answer = try await admin.execute(
                uri: "/api/v1/desks/dmz-2019/events", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body))
            #expect(answer.status == .badRequest, "\(String(buffer: answer.body))")
            let after = try await admin.execute(uri: "/api/v1/desks/dmz-2019/summary", method: .get)
            #expect(after.status == .ok)
        }
    }
}

@Suite("Invisible names outside the desk")
struct InvisibleAccountNamesTests {
    @Test(
        "a compartment titled only with invisible characters, or with a line break, is refused",
        arguments: ["\u{200B}", "\u{00A0}\u{3000}", "\u{FEFF}\u{2060}", "two\nlines"])
    func compartmentTitles(title: String) async throws {
        let store = InMemoryEventStore()
        let book = AccountBook(
            store: store,
            environment: DeskEnvironment(now: { Date(timeIntervalSince1970: 1_761_000_000) }, newID: { UUID() }),
            hasher: .testing)
        await #expect(throws: AccessError.self) {
            try await book.createCompartment("quiet", title: title, actor: "test")
        }
        #expect(try await store.version(of: accountsStream) == 0)
    }
}
