import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// When a fact happened and when the desk learned it (issue 14, item 6).
@Suite("Knowledge time")
struct KnowledgeTimeTests {
    static let call = InboundMessage(
        id: "secret-call", engagement: Fixtures.engagementID, channel: "dmz-hotline", from: "dprk",
        at: Fixtures.kst("06-29 12:00"), summary: "A call nobody reported until the evening", quote: nil,
        stance: .favourable, asks: nil)

    @Test("a fact learned later is absent from the desk as it was known before then, present as it had happened")
    func asKnownAndAsHappened() throws {
        // Given a call at noon that the desk learned of at 20:00
        let events =
            Fixtures.desk + [
                DeskEvent(
                    at: Self.call.at.instant, .messageReceived(Self.call), known: Fixtures.kst("06-29 20:00").instant)
            ]
        let three = Fixtures.kst("06-29 15:00").instant
        // Then at 15:00 the desk as known has no message; as happened, it has
        #expect(DeskState.folding(events, asOf: three, .asKnown).messages.isEmpty)
        #expect(DeskState.folding(events, asOf: three, .asHappened).messages.count == 1)
        // And the estimate at 15:00 differs with it
        let known = try Assessment(
            engagement: Fixtures.engagementID, in: DeskState.folding(events, asOf: three, .asKnown), asOf: three)
        let happened = try Assessment(
            engagement: Fixtures.engagementID, in: DeskState.folding(events, asOf: three, .asHappened), asOf: three)
        #expect(happened.probability > known.probability)
        // By 21:00 both agree
        let nine = Fixtures.kst("06-29 21:00").instant
        #expect(DeskState.folding(events, asOf: nine, .asKnown) == DeskState.folding(events, asOf: nine, .asHappened))
    }

    @Test("when the desk learned of an event is kept in the log's envelope, and absent when it knew at once")
    func envelope() throws {
        let late = DeskEvent(
            at: Self.call.at.instant, .messageReceived(Self.call), known: Fixtures.kst("06-29 20:00").instant)
        let text = String(decoding: try late.encodedPayload(), as: UTF8.self)
        #expect(text.hasSuffix(#","known":"2019-06-29T11:00:00.000Z"}"#))
        #expect(
            try DeskEvent.decode(type: late.type, schemaVersion: late.schemaVersion, payload: late.encodedPayload())
                == late)
        let atOnce = DeskEvent(at: Self.call.at.instant, .messageReceived(Self.call), known: Self.call.at.instant)
        #expect(atOnce.known == nil)
        #expect(!String(decoding: try atOnce.encodedPayload(), as: UTF8.self).contains("known"))
    }

    @Test(
        "recording live: a time in the future beyond five minutes is refused in the desk's zone; a late entry is learned now"
    )
    func recordedLive() throws {
        let now = Fixtures.kst("06-29 20:00").instant
        let late = DeskEvent(at: Self.call.at.instant, .messageReceived(Self.call))
        #expect(try DeskEvent.recordedLive([late], now: now, zone: Fixtures.seoul).first?.known == now)
        let justNow = DeskEvent(at: now.addingTimeInterval(-60), .messageReceived(Self.call))
        #expect(try DeskEvent.recordedLive([justNow], now: now, zone: Fixtures.seoul).first?.known == nil)
        let tomorrow = DeskEvent(at: now.addingTimeInterval(86_400), .messageReceived(Self.call))
        #expect(throws: DeskError.self) { try DeskEvent.recordedLive([tomorrow], now: now, zone: Fixtures.seoul) }
        do {
            _ = try DeskEvent.recordedLive([tomorrow], now: now, zone: Fixtures.seoul)
        } catch {
            #expect(error.field == "at")
            #expect(error.message.contains("2019-06-30 20:00 KST"))
        }
    }
}
