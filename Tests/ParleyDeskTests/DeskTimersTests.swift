import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// The fixture desk with a loudspeaker channel and a playbook: hotline 30 m × 2, loudspeaker 30 m, started at 18:00.
private func escalation(answeredAt: String? = nil) -> DeskState {
    var events = Fixtures.desk
    let at = Fixtures.opened.instant
    events.append(
        DeskEvent(
            at: at,
            .channelRegistered(
                Channel(id: "bullhorn", name: "Bullhorn", kind: .loudspeaker, party: "dprk", status: .unknown))))
    let steps = [
        PlaybookStep(channel: "dmz-hotline", wait: Minutes(30), repeats: 2),
        PlaybookStep(channel: "bullhorn", wait: Minutes(30)),
    ]
    events.append(
        DeskEvent(
            at: at,
            .playbookDefined(Playbook(id: "reach", name: "Reach them", engagement: Fixtures.engagementID, steps: steps))
        ))
    let start = Fixtures.kst("06-29 18:00")
    events.append(DeskEvent(at: start.instant, .playbookStarted("reach", at: start)))
    if let answeredAt {
        let attempt = ContactAttempt(
            id: "rang", channel: "bullhorn", engagement: nil, at: Fixtures.kst(answeredAt), outcome: .replied, note: "")
        events.append(DeskEvent(at: attempt.at.instant, .contactAttemptRecorded(attempt)))
    }
    return DeskState.folding(events)
}

private func fire(_ state: inout DeskState, at now: Date) throws -> [DeskEvent] {
    var fired: [DeskEvent] = []
    for command in DeskTimers.due(in: state, now: now) {
        let events = try state.decide(command, now: now, as: .all)
        for event in events { state.apply(event) }
        fired += events
    }
    return fired
}

@Suite("Timers: playbooks and deadlines")
struct DeskTimersTests {
    @Test("a started playbook's tries come due one wait after another, each exactly once")
    func escalates() throws {
        var state = escalation()
        let first = try fire(&state, at: Fixtures.kst("06-29 18:00").instant)
        #expect(first.map(\.summary) == ["playbook reach: try dmz-hotline now (step 1, try 1)"])
        let caughtUp = try fire(&state, at: Fixtures.kst("06-29 19:05").instant)
        #expect(caughtUp.map(\.at) == [Fixtures.kst("06-29 18:30").instant, Fixtures.kst("06-29 19:00").instant])
        #expect(try fire(&state, at: Fixtures.kst("06-29 19:05").instant).isEmpty)
        // A try recorded twice is refused by the desk itself.
        let again = PlaybookTry(step: 0, repetition: 0, channel: "dmz-hotline", at: Fixtures.kst("06-29 18:00").instant)
        #expect(throws: DeskError.self) { try state.decide(.markPlaybookTryDue("reach", again), now: Date(), as: .all) }
        // After the last wait with no answer, the playbook stops.
        let end = try fire(&state, at: Fixtures.kst("06-29 20:00").instant)
        #expect(end.map(\.type) == ["PlaybookStopped"])
        #expect(state.playbooks["reach"]?.stopped?.reason == "every step tried without an answer")
    }

    @Test("an answer on any of its channels stops the escalation")
    func answerStops() throws {
        var state = escalation(answeredAt: "06-29 18:40")
        let fired = try fire(&state, at: Fixtures.kst("06-29 21:00").instant)
        #expect(fired.map(\.type) == ["PlaybookTryDue", "PlaybookTryDue", "PlaybookStopped"])
        #expect(state.playbooks["reach"]?.stopped?.at == Fixtures.kst("06-29 18:40").instant)
        #expect(state.playbooks["reach"]?.stopped?.reason == "answered on bullhorn (replied)")
    }

    @Test("a New York deadline across the spring change raises its alarms at the right instants, then is missed")
    func deadlineAcrossDST() throws {
        let newYork = try TimeZoneID.validated("America/New_York", field: "zone")
        let due = try ZonedTime.parse("2026-03-08 10:00 America/New_York", field: "due", defaultZone: nil)
        var events = Fixtures.desk
        events.append(
            DeskEvent(
                at: Fixtures.opened.instant,
                .deadlineSet(
                    Deadline(
                        id: "reply", title: "Reply", engagement: nil, owedBy: "dprk", due: due,
                        alarms: [Minutes(720), Minutes(30)]))))
        var state = DeskState.folding(events)
        let evening = try ZonedTime.parse("2026-03-07 21:30 America/New_York", field: "at", defaultZone: nil).instant
        let alarm = try fire(&state, at: evening)
        #expect(alarm.count == 1)
        // Twelve hours before 10:00 EDT is 21:00 EST the evening before (the clocks jump in between).
        #expect(ZonedTime.display(alarm[0].at, in: newYork) == "2026-03-07 21:00 EST")
        let late = try fire(&state, at: due.instant.addingTimeInterval(60))
        #expect(late.map(\.type) == ["DeadlineAlarmRaised", "DeadlineResolved"])
        #expect(ZonedTime.display(late[0].at, in: newYork) == "2026-03-08 09:30 EDT")
        #expect(state.deadlines["reply"]?.status == .missed)
        #expect(try fire(&state, at: due.instant.addingTimeInterval(3600)).isEmpty)
    }
}
