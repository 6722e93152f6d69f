import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

private func task(_ id: String, hours: Int, lead: Int, after: [String] = []) -> AdvanceTask {
    var task = Fixtures.task(id, dependsOn: after)
    task.duration = Minutes(hours * 60)
    task.leadTime = Minutes(lead * 60)
    return task
}

@Suite("Readiness and the critical path")
struct ReadinessTests {
    /// Survey (2 h, done 3 h before) → sweep (3 h, 1 h before) and press (1 h, 1 h before); meeting 15:00.
    private func desk(surveyDone: Bool) -> DeskState {
        var events = Fixtures.desk
        events.append(
            DeskEvent(
                at: Fixtures.opened.instant,
                .advanceTasksAdded([
                    task("survey", hours: 2, lead: 3), task("sweep", hours: 3, lead: 1, after: ["survey"]),
                    task("press", hours: 1, lead: 1, after: ["survey"]),
                ])))
        if surveyDone {
            let at = Fixtures.kst("06-30 05:00")
            events.append(DeskEvent(at: at.instant, .advanceTaskUpdated("survey", .done, at: at)))
        }
        return DeskState.folding(events)
    }

    @Test("the backward pass, slack, critical path and latest confirmation match a hand-worked graph")
    func handChecked() throws {
        let meeting = Fixtures.kst("06-30 15:00").instant
        let now = Fixtures.kst("06-30 06:00").instant
        let readiness = try Readiness(
            engagement: Fixtures.engagementID, meeting: meeting, now: now, in: desk(surveyDone: false))
        let byID = Dictionary(uniqueKeysWithValues: readiness.tasks.map { ($0.task, $0) })
        // Latest starts: sweep 14:00 − 3 h = 11:00; press 14:00 − 1 h = 13:00; survey min(12:00, 11:00) − 2 h = 09:00.
        #expect(byID["sweep"]?.latestStart == Fixtures.kst("06-30 11:00").instant)
        #expect(byID["press"]?.latestStart == Fixtures.kst("06-30 13:00").instant)
        #expect(byID["survey"]?.latestStart == Fixtures.kst("06-30 09:00").instant)
        // From 06:00: survey 06:00, sweep and press 08:00; slack 3 h, 3 h, 5 h.
        func minutes(_ id: AdvanceTask.ID) -> Double? { byID[id].map { ($0.slack / 60).rounded() } }
        #expect(minutes("survey") == 180)
        #expect(minutes("sweep") == 180)
        #expect(minutes("press") == 300)
        #expect(readiness.criticalPath == ["survey", "sweep"])
        #expect(readiness.latestConfirmation == Fixtures.kst("06-30 09:00").instant)
        #expect(readiness.fraction == 0)
        #expect(readiness.onTime)
    }

    @Test("finished work drops out, and the latest confirmation moves later")
    func progress() throws {
        let meeting = Fixtures.kst("06-30 15:00").instant
        let now = Fixtures.kst("06-30 06:00").instant
        let readiness = try Readiness(
            engagement: Fixtures.engagementID, meeting: meeting, now: now, in: desk(surveyDone: true))
        #expect(readiness.fraction == 2.0 / 6.0)
        #expect(readiness.latestConfirmation == Fixtures.kst("06-30 11:00").instant)
        #expect(readiness.criticalPath == ["sweep"])
    }

    @Test("a meeting moved earlier than the work allows shows negative slack")
    func tooLate() throws {
        let readiness = try Readiness(
            engagement: Fixtures.engagementID, meeting: Fixtures.kst("06-30 09:00").instant,
            now: Fixtures.kst("06-30 06:00").instant, in: desk(surveyDone: false))
        #expect(!readiness.onTime)
        #expect(readiness.latestConfirmation! < Fixtures.kst("06-30 06:00").instant)
    }
}
