import Foundation
import ParleyDesk
import ParleyScenarios
import Testing

private func dmz() throws -> ScenarioContents {
    let (fileName, text) = try #require(try DemoScenarios.all().first { $0.fileName == "dmz-2019.yaml" })
    return try ScenarioReader.read(text, file: fileName)
}

@Suite("Rehearsals")
struct RehearsalTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)

    @Test(
        "the DMZ story re-timed from now at 60×: its own desk, every time moved by one map, and it folds to the same outcome"
    )
    func retimed() throws {
        let story = try dmz()
        let rehearsal = try Rehearsal(
            story: story.events, desk: "rehearsal-dmz-2019", title: "Rehearsal: DMZ", from: Self.start, speed: 60)
        let origin = try #require(story.events.map(\.at).min())
        func moved(_ time: Date) -> Date { Self.start.addingTimeInterval(time.timeIntervalSince(origin) / 60) }
        let first = try #require(rehearsal.steps.first)
        guard case .deskOpened(let profile) = first.event.fact else {
            Issue.record("the first step is \(first.event.type)")
            return
        }
        #expect(profile.name == "rehearsal-dmz-2019" && profile.title == "Rehearsal: DMZ" && profile.webhook == nil)
        #expect(first.due == Self.start)
        #expect(rehearsal.steps.map(\.due) == rehearsal.steps.map(\.due).sorted())
        #expect(rehearsal.steps.count == story.events.count)
        let state = DeskState.folding(rehearsal.steps.map(\.event))
        let original = DeskState.folding(story.events)
        let engagement = try #require(state.engagements["dmz-handshake"])
        #expect(engagement.state == .held)
        // The agreed slot (15:45 KST on 30 June) and the midnight deadline move with everything else.
        let slot = try #require(engagement.agreedSlot)
        let originalSlot = try #require(original.engagements["dmz-handshake"]?.agreedSlot)
        #expect(slot.start.instant == InstantText.rounded(moved(originalSlot.start.instant)))
        #expect(slot.start.zone == originalSlot.start.zone && slot.duration == originalSlot.duration)
        let deadline = try #require(state.deadlines["proposal-by-midnight"])
        let originalDeadline = try #require(original.deadlines["proposal-by-midnight"])
        #expect(deadline.due.instant == InstantText.rounded(moved(originalDeadline.due.instant)))
        #expect(deadline.status == .met)
        // The whole evening of 29 June (07:51 to 23:30 KST) passes in under 16 minutes.
        let hold = try #require(rehearsal.steps.last)
        #expect(hold.due.timeIntervalSince(Self.start) == (43 * 3_600 + 45 * 60) / 60)
    }

    @Test("re-timed to its own beginning at real speed, every event but the opening is exactly the story's")
    func identityMapKeepsEverything() throws {
        let story = try dmz()
        let origin = try #require(story.events.map(\.at).min())
        let rehearsal = try Rehearsal(
            story: story.events, desk: "dmz-2019", title: story.profile.title, from: origin, speed: 1)
        let original = story.events.filter { $0.type != "DeskOpened" }
        let retimed = rehearsal.steps.map(\.event).filter { $0.type != "DeskOpened" }
        #expect(Set(retimed.map { try! $0.encodedPayload() }) == Set(original.map { try! $0.encodedPayload() }))
    }

    @Test("what a desk's timers write is left to the rehearsal desk's timers")
    func timerMadeLeftOut() throws {
        var events = try dmz().events
        let at = try #require(events.last?.at)
        events.append(DeskEvent(at: at, .deadlineAlarmRaised("proposal-by-midnight", lead: Minutes(60))))
        let rehearsal = try Rehearsal(story: events, desk: "rehearsal-x", title: "x", from: Self.start, speed: 1)
        #expect(rehearsal.steps.count == events.count - 1)
        #expect(!rehearsal.steps.contains { $0.event.type == "DeadlineAlarmRaised" })
    }

    @Test("a speed outside 1 to 600, or a story with no opening, is refused by name", arguments: [0, 0.5, 601, -3])
    func refused(speed: Double) throws {
        let story = try dmz()
        #expect(throws: DeskError.self) {
            try Rehearsal(story: story.events, desk: "rehearsal-x", title: "x", from: Self.start, speed: speed)
        }
        #expect(throws: DeskError.self) {
            try Rehearsal(
                story: story.events.filter { $0.type != "DeskOpened" }, desk: "rehearsal-x", title: "x",
                from: Self.start, speed: 10)
        }
    }
}
