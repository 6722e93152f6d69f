import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

@testable import ParleyServer

/// A desk's alarms, kept newest first.
@Suite("Alarm index")
struct AlarmIndexTests {
    @Test(
        "sixty messages: the newest fifty unseen are listed newest first, the total counts every unseen one, and moves only for followers"
    )
    func newestUnseen() {
        var events = Fixtures.desk
        for minute in 0..<60 {
            let at = ZonedTime(
                Fixtures.kst("06-29 20:00").instant.addingTimeInterval(Double(minute) * 60), zone: Fixtures.seoul)
            let message = InboundMessage(
                id: InboundMessage.ID("m\(minute)"), engagement: Fixtures.engagementID, channel: "dmz-hotline",
                from: "dprk", at: at, summary: "Message \(minute)", quote: nil, stance: .open, asks: nil)
            events.append(DeskEvent(at: at.instant, .messageReceived(message)))
        }
        let moveAt = Fixtures.kst("06-29 19:00")
        events.append(
            DeskEvent(
                at: moveAt.instant,
                .engagementMoved(
                    Fixtures.engagementID,
                    EngagementTransition(from: .idea, to: .exploring, at: moveAt, by: "us", reason: "why"))))
        let state = DeskState.folding(events)
        let index = AlarmIndex(of: state)
        let numbers = index.items.map(\.number)
        #expect(index.items.count == 60 && index.moves.count == 1)
        #expect(index.items.map(\.at) == index.items.map(\.at).sorted(by: >))
        // The person has seen the newest three.
        let seen = Set(numbers.prefix(3))
        let none = index.unseen(seen, limit: 50) { _ in false }
        #expect(none.total == 57)
        #expect(none.newest.map(\.number) == Array(numbers.dropFirst(3).prefix(50)))
        let following = index.unseen(seen, limit: 50) { _ in true }
        #expect(following.total == 58 && following.newest.last?.kind == .moved)
        #expect(index.unseen(Set(numbers), limit: 50) { _ in false }.total == 0)
    }
}
