import Foundation
import ParleyAccess
import ParleyDesk
import Testing

/// The accounts stream's bytes are a contract too: every account event type has a committed golden file
/// (Tests/Fixtures/golden/accounts; docs/adr/0015-event-payloads.md).
@Suite("Golden account payloads")
struct AccountGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/golden/accounts")

    static let hash = "scrypt$32768$8$1$A8Y5sN7teWogGlxRa6X21A==$jw1iBG1Jyy5/CgI3DatqXEacnCdM6KbI63cz4krRpjk="
    static let token = "c80c8133923ac8db419742a1452eed452e200635fad3052ba9aa0c3b4fcf74fc"

    /// One fixed event of every type.
    static let events: [AccountEvent] = [
        .userAdded(name: "ana", role: .officer, passwordHash: hash),
        .roleChanged(name: "ana", role: .admin),
        .passwordChanged(name: "ana", passwordHash: hash),
        .sessionOpened(
            tokenHash: token, name: "ana", address: "127.0.0.1", expires: Date(timeIntervalSince1970: 1_764_662_509.63)),
        .sessionClosed(tokenHash: token, reason: "revoked by admin"),
        .signInFailed(name: "ana", address: "::1", reason: "wrong password"),
        .compartmentCreated(compartment: "quiet-channel", title: "The quiet channel"),
        .compartmentMemberAdded(compartment: "quiet-channel", name: "ana"),
        .compartmentMemberRemoved(compartment: "quiet-channel", name: "ana"),
        .calendarFeedIssued(id: "feed-1a2b3c4d", tokenHash: token, name: "ana", desk: "dmz-2019", trip: "asia-2019"),
        .calendarFeedRevoked(id: "feed-1a2b3c4d", reason: "revoked by ana"),
        .engagementFollowed(name: "ana", desk: "dmz-2019", engagement: "dmz-handshake"),
        .engagementUnfollowed(name: "ana", desk: "dmz-2019", engagement: "dmz-handshake"),
        .alarmsAcknowledged(name: "ana", desk: "dmz-2019", sequences: [41, 44]),
    ]

    @Test("every account event type has a golden file, written byte for byte and read back")
    func everyType() throws {
        #expect(Set(Self.events.map(\.type)) == Set(AccountEvent.readableFormats.map(\.type)))
        #expect(AccountEvent.readableFormats.count == Self.events.count)
        for event in Self.events {
            let url = Self.directory.appendingPathComponent("\(event.type).v\(event.schemaVersion).json")
            let encoded = try event.encodedPayload()
            guard let golden = FileManager.default.contents(atPath: url.path) else {
                try encoded.write(to: url)
                Issue.record("recorded \(url.lastPathComponent); review it and commit it")
                continue
            }
            #expect(encoded == golden, "\(event.type)")
            #expect(
                try AccountEvent.decode(type: event.type, schemaVersion: event.schemaVersion, payload: golden) == event)
        }
    }

    @Test("an account payload under the wrong key, or of an unknown version, is refused")
    func refusals() throws {
        let wrongKey = #expect(throws: EventDecodingError.self) {
            try AccountEvent.decode(
                type: "UserRoleChanged", schemaVersion: 1,
                payload: Data(#"{"userAdded":{"name":"a","role":"admin"}}"#.utf8))
        }
        #expect(wrongKey?.message.contains("roleChanged") == true)
        #expect(throws: EventDecodingError.self) {
            try AccountEvent.decode(
                type: "UserRoleChanged", schemaVersion: 2,
                payload: Data(#"{"roleChanged":{"name":"a","role":"admin"}}"#.utf8))
        }
        let role = #expect(throws: EventDecodingError.self) {
            try AccountEvent.decode(
                type: "UserRoleChanged", schemaVersion: 1,
                payload: Data(#"{"roleChanged":{"name":"a","role":"root"}}"#.utf8))
        }
        #expect(role?.message.contains("root") == true)
    }
}
