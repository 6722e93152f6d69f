import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// A scenario file from `Tests/Fixtures/scenarios`.
private func fixtureScenario(_ name: String) throws -> ScenarioContents {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scenarios/\(name)")
    return try ScenarioReader.read(String(contentsOf: url, encoding: .utf8), file: name)
}

/// Amendments: a record changed without forking it, the log saying what changed, when and why (issue 14).
@Suite("Amendments")
struct AmendmentTests {
    static let at = Fixtures.kst("06-29 10:00")

    @Test("narrowing an engagement's window and adding a venue records the new terms and which fields changed")
    func amendEngagement() throws {
        // Given the desk, with a second venue
        let seoul = Venue(
            id: "seoul", name: "Seoul", city: "Seoul", coordinates: Coordinates(latitude: 37.5, longitude: 127),
            zone: Fixtures.seoul)
        let given = Given(Fixtures.desk + [DeskEvent(at: Fixtures.opened.instant, .venueRegistered(seoul))])
        // When the window narrows to the afternoon and Seoul is added
        var amend = AmendEngagement(engagement: Fixtures.engagementID, at: Self.at, reason: "They offer the afternoon")
        let afternoon = TimeWindow(from: Fixtures.kst("06-30 14:00"), to: Fixtures.kst("06-30 18:00"))
        amend.windows = [afternoon]
        amend.venues = ["panmunjom", "seoul"]
        // Then one event with the whole new terms, naming the two fields
        var terms = EngagementTerms(of: Fixtures.engagement)
        terms.windows = [afternoon]
        terms.venues = ["panmunjom", "seoul"]
        let expected = DeskEvent(
            at: Self.at.instant,
            .engagementAmended(
                Fixtures.engagementID, terms,
                Amendment(at: Self.at, reason: "They offer the afternoon", changed: ["venues", "windows"])))
        let events = try #require(given.when(.amendEngagement(amend)).events)
        #expect(events == [expected])
        #expect(expected.summary == "engagement dmz-handshake amended (venues, windows): They offer the afternoon")
        // And the fold holds the new values, the lifecycle untouched
        var state = given.state
        for event in events { state.apply(event) }
        #expect(state.engagements[Fixtures.engagementID]?.windows == [afternoon])
        #expect(state.engagements[Fixtures.engagementID]?.state == .idea)
    }

    @Test(
        "an amendment is refused, naming the field, for an unknown venue, a bad priority, no reason, or no change",
        arguments: ["venues", "priority", "reason", "nothing"])
    func refusedAmendment(case name: String) {
        var amend = AmendEngagement(engagement: Fixtures.engagementID, at: Self.at, reason: "r")
        switch name {
        case "venues": amend.venues = ["atlantis"]
        case "priority": amend.priority = 9
        case "reason": amend.reason = " "
        default: amend.title = Fixtures.engagement.title
        }
        let refusal = Given(Fixtures.desk).when(.amendEngagement(amend)).refusal
        #expect(refusal?.field == (name == "nothing" ? nil : name))
        if name == "nothing" { #expect(refusal?.message.contains("no change") == true) }
    }

    @Test("a task amended to wait for a task that waits for it is refused, naming the cycle")
    func taskCycle() {
        let given = Given(
            Fixtures.desk + [
                DeskEvent(
                    at: Fixtures.opened.instant,
                    .advanceTasksAdded([Fixtures.task("survey"), Fixtures.task("sweep", dependsOn: ["survey"])]))
            ])
        var amend = AmendAdvanceTask(task: "survey", at: Self.at, reason: "The sweep comes first")
        amend.dependsOn = ["sweep"]
        #expect(given.when(.amendAdvanceTask(amend)).refusal == .dependencyCycle(["survey", "sweep", "survey"]))
        amend.dependsOn = nil
        amend.duration = Minutes(120)
        #expect(given.when(.amendAdvanceTask(amend)).events?.count == 1)
    }

    @Test("an open deadline can be moved; a met one cannot")
    func moveDeadline() throws {
        let deadline = Deadline(
            id: "proposal", title: "Proposal", engagement: Fixtures.engagementID, owedBy: "us",
            due: Fixtures.kst("06-30 00:00"), alarms: [Minutes(60)])
        let set = DeskEvent(at: Fixtures.opened.instant, .deadlineSet(deadline))
        let move = MoveDeadline(
            deadline: "proposal", due: Fixtures.kst("06-30 01:00"), at: Self.at, reason: "They give us an hour more")
        let given = Given(Fixtures.desk + [set])
        #expect(
            given.when(.moveDeadline(move)).events == [
                DeskEvent(
                    at: Self.at.instant,
                    .deadlineMoved(
                        "proposal", due: Fixtures.kst("06-30 01:00"), alarms: [Minutes(60)],
                        Amendment(at: Self.at, reason: "They give us an hour more", changed: ["due"])))
            ])
        let met = DeskEvent(at: Self.at.instant, .deadlineResolved("proposal", .met, at: Self.at, note: ""))
        #expect(
            Given(Fixtures.desk + [set, met]).when(.moveDeadline(move)).refusal
                == .deadlineAlreadyResolved("proposal", .met))
    }

    @Test("a deadline moved later rings its alarms again; one moved before the time of the move is refused")
    func movedDeadlineAlarms() throws {
        let deadline = Deadline(
            id: "proposal", title: "Proposal", engagement: Fixtures.engagementID, owedBy: "us",
            due: Fixtures.kst("06-30 00:00"), alarms: [Minutes(120)])
        var state = Given(Fixtures.desk + [DeskEvent(at: Fixtures.opened.instant, .deadlineSet(deadline))]).state
        state.apply(
            DeskEvent(at: Fixtures.kst("06-29 22:00").instant, .deadlineAlarmRaised("proposal", lead: Minutes(120))))
        let later = MoveDeadline(
            deadline: "proposal", due: Fixtures.kst("06-30 06:00"), at: Fixtures.kst("06-29 23:00"),
            reason: "Six more hours")
        for event in try #require(Given.on(state).when(.moveDeadline(later)).events) { state.apply(event) }
        #expect(state.deadlines["proposal"]?.alarmsRaised == [])
        let backwards = MoveDeadline(
            deadline: "proposal", due: Fixtures.kst("06-29 20:00"), at: Fixtures.kst("06-29 23:00"), reason: "typo")
        #expect(Given.on(state).when(.moveDeadline(backwards)).refusal?.field == "due")
    }

    @Test(
        "a summit told in a scenario file: window narrowed, deadline extended, task lengthened, cancelled by letter and revived a week later, held at the agreed slot"
    )
    func revivedSummitScenario() throws {
        let contents = try fixtureScenario("revived-summit.yaml")
        let state = contents.state
        let summit = try #require(state.engagements["lake-summit"])
        // One engagement, its whole story in its history
        #expect(state.engagements.count == 1)
        #expect(summit.state == .held)
        #expect(
            summit.history.map(\.to) == [.exploring, .outreach, .planning, .confirmed, .abandoned, .confirmed, .held])
        #expect(summit.history[2].kind == "skipping in contact")
        #expect(summit.history[5].kind == "revived")
        // The amended window and venues, the agreed slot at the castle with the engagement's two hours
        #expect(summit.venues == ["castle", "lake-hotel"])
        #expect(summit.windows.map { $0.from.display } == ["2030-06-12 08:00 CEST"])
        #expect(summit.agreedSlot?.venue == "castle" && summit.agreedSlot?.duration == Minutes(120))
        // The castle renamed after the survey; the host channel direct after the revival
        #expect(state.venues["castle"]?.name == "Castle of the lake")
        #expect(state.venues["castle"]?.coordinates?.latitude == 46.212)
        #expect(state.channels["host-channel"]?.name == "Direct line" && state.channels["host-channel"]?.via == nil)
        // The deadline extended before it was met, set when it was asked for
        let deadline = try #require(state.deadlines["venue-answer"])
        #expect(deadline.due.display == "2030-04-28 18:00 CEST" && deadline.status == .met)
        #expect(deadline.setAt?.display == "2030-04-20 10:00 CEST")
        // The task lengthened; both sides' messages on the record
        #expect(state.tasks["castle-survey"]?.duration == Minutes(480))
        #expect(Set(state.messages.keys) == ["quiet-visit", "invitation", "conciliatory-statement"])
        // The secret visit of 10 April, learned of on the 14th: not in the desk as known on the 12th
        let twelfth = try #require(contents.events.first?.at).addingTimeInterval(11 * 86_400)
        #expect(DeskState.folding(contents.events, asOf: twelfth, .asKnown).messages["quiet-visit"] == nil)
        #expect(DeskState.folding(contents.events, asOf: twelfth, .asHappened).messages["quiet-visit"] != nil)
        // Each change is an event of its own, in the order it happened
        let types = contents.events.map(\.type)
        #expect(types.filter { $0 == "EngagementAmended" }.count == 1)
        #expect(types.contains("DeadlineMoved") && types.contains("AdvanceTaskAmended"))
        let amended = try #require(types.firstIndex(of: "EngagementAmended"))
        let confirmed = try #require(
            contents.events.firstIndex {
                if case .engagementMoved(_, let move) = $0.fact { return move.to == .confirmed }
                return false
            })
        #expect(amended < confirmed)
    }

    @Test("the scenario files today's main exported still import, and export again the same")
    func todaysFormat() throws {
        for desk in ["dmz-2019", "asia-trip"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/log-2026-12-01/\(desk).yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            let contents = try ScenarioReader.read(text, file: "\(desk).yaml")
            #expect(ScenarioWriter.write(contents.state) == text, "\(desk)")
        }
    }
}
