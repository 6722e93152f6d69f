import Foundation
import ParleyStore
import Testing

/// The chain hash pinned by known answers computed outside Parley (Python's hashlib over the encoding that
/// docs/adr/0002-event-hash-chain.md describes), so a change to the hash's input fails here.
@Suite("Event hash known answers")
struct EventHashKnownAnswerTests {
    static let first = StoredEvent(
        desk: "dmz-2019", sequence: 1, id: UUID(uuidString: "5B1B6E1C-3F3A-4C55-9A8E-1D2C3B4A5F60")!,
        type: "PartyRegistered", schemaVersion: 1,
        payload: Data(
            #"{"at":"2019-06-28T11:00:00.000Z","data":{"id":"dprk","name":"Democratic People's Republic of Korea"}}"#
                .utf8), actor: "admin", recordedAt: Date(timeIntervalSince1970: 1_561_806_000.25),
        previousHash: EventHash.genesis, hash: "")

    @Test("a first event hashes to its known answer")
    func first() {
        #expect(EventHash.compute(Self.first) == "e297d5f3dd1b17865b51102d5fb0770e7609da094144b24e4bde17fe651db48c")
    }

    @Test("a second event, chained and holding non-ASCII text, hashes to its known answer")
    func second() {
        let second = StoredEvent(
            desk: "dmz-2019", sequence: 2, id: Self.first.id, type: "SignalRecorded", schemaVersion: 1,
            payload: Data(#"{"at":"2019-06-29T04:00:00.000Z","data":{"note":"漢字 and ü"}}"#.utf8), actor: "admin",
            recordedAt: Self.first.recordedAt,
            previousHash: "e297d5f3dd1b17865b51102d5fb0770e7609da094144b24e4bde17fe651db48c", hash: "")
        #expect(EventHash.compute(second) == "1be10cc0dcd63d59f0c8a7eb1b8f1eb308c24b6ef9ef7f0ff55b1e04461b8622")
    }
}
