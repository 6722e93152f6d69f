import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// Every (from, to) pair of engagement states, with whether the lifecycle allows it.
private let transitionMatrix: [(EngagementState, EngagementState, Bool)] = EngagementState.allCases.flatMap { from in
    EngagementState.allCases.map { to in (from, to, isAllowed(from, to)) }
}

/// The lifecycle as ADR 0003 states it, written out independently of `EngagementState.allowedTargets`:
/// forward along the path by any number of steps, out to an exit from before `held`, and from an exit
/// back to any state before `held` or to another exit.
private func isAllowed(_ from: EngagementState, _ to: EngagementState) -> Bool {
    let rank: [EngagementState: Int] = [
        .idea: 0, .exploring: 1, .outreach: 2, .inContact: 3, .planning: 4, .proposed: 5, .confirmed: 6, .held: 7,
    ]
    let exits: Set<EngagementState> = [.declined, .postponed, .abandoned]
    switch (rank[from], rank[to]) {
    case (let from?, let to?): return to > from
    case (let from?, nil): return from < 7
    case (nil, let to?): return to < 7
    case (nil, nil): return from != to && exits.contains(from) && exits.contains(to)
    }
}

/// Events that bring the fixture engagement to `state` along a legal path.
private func events(reaching state: EngagementState) -> [DeskEvent] {
    var events = Fixtures.desk
    var current = EngagementState.idea
    var minute = 0
    let steps: [EngagementState]
    if let index = EngagementState.path.firstIndex(of: state) {
        steps = Array(EngagementState.path.prefix(index + 1).dropFirst())
    } else {
        steps = [state]
    }
    for target in steps {
        minute += 1
        let at = Fixtures.kst(String(format: "06-29 08:%02d", minute))
        events.append(
            DeskEvent(
                at: at.instant,
                .engagementMoved(
                    Fixtures.engagementID,
                    EngagementTransition(from: current, to: target, at: at, by: "test", reason: "step"))))
        current = target
    }
    return events
}

@Suite("Engagement lifecycle")
struct LifecycleTests {
    @Test(
        "every transition is allowed exactly as ADR 0003 lists it, and refusals name engagement, state and target",
        arguments: transitionMatrix)
    func transition(from: EngagementState, to: EngagementState, allowed: Bool) throws {
        // Given an engagement in state `from`
        let given = Given(events(reaching: from))
        try #require(given.state.engagements[Fixtures.engagementID]?.state == from)
        // When it is moved to `to`
        let move = MoveEngagement(
            engagement: Fixtures.engagementID, to: to, at: Fixtures.kst("06-30 12:00"), by: "officer", reason: "test")
        let result = given.when(.moveEngagement(move))
        // Then it moves, or the refusal names engagement, current state and target
        if allowed {
            let events = try #require(result.events)
            #expect(events.count == 1)
            var state = given.state
            for event in events { state.apply(event) }
            #expect(state.engagements[Fixtures.engagementID]?.state == to)
            #expect(state.engagements[Fixtures.engagementID]?.history.last?.from == from)
        } else {
            #expect(result.refusal == .illegalTransition(engagement: Fixtures.engagementID, from: from, to: to))
            let message = try #require(result.refusal?.message)
            #expect(message.contains("dmz-handshake") && message.contains(from.label) && message.contains(to.label))
        }
    }

    @Test("a move dated before the previous move is refused")
    func moveBackInTime() {
        let given = Given(events(reaching: .outreach))
        let move = MoveEngagement(
            engagement: Fixtures.engagementID, to: .inContact, at: Fixtures.kst("06-29 07:00"), by: "officer",
            reason: "late entry")
        #expect(given.when(.moveEngagement(move)).refusal?.field == "at")
    }

    @Test("a move needs a reason and who made it")
    func moveNeedsReason() {
        let given = Given(Fixtures.desk)
        let move = MoveEngagement(
            engagement: Fixtures.engagementID, to: .exploring, at: Fixtures.kst("06-29 07:00"), by: "officer",
            reason: "  ")
        #expect(
            given.when(.moveEngagement(move)).refusal
                == .invalidValue(field: "reason", expected: "some visible text", found: "\"  \""))
    }

    @Test("a jump forward records the steps it skips, in the event and in the timeline line")
    func jumpRecordsSkippedSteps() throws {
        // Given an engagement in outreach
        let given = Given(events(reaching: .outreach))
        // When the counterpart's invitation makes the middle steps moot
        let move = MoveEngagement(
            engagement: Fixtures.engagementID, to: .confirmed, at: Fixtures.kst("06-30 09:00"), by: "officer",
            reason: "they invited us to meet at 15:00")
        // Then one move is recorded, from outreach to confirmed, naming the steps it skipped
        let at = Fixtures.kst("06-30 09:00")
        let expected = DeskEvent(
            at: at.instant,
            .engagementMoved(
                Fixtures.engagementID,
                EngagementTransition(
                    from: .outreach, to: .confirmed, at: at, by: "officer", reason: "they invited us to meet at 15:00"))
        )
        #expect(given.when(.moveEngagement(move)).events == [expected])
        #expect(expected.summary.contains("outreach → confirmed (skipping in contact, planning, proposed)"))
    }

    @Test("a summit cancelled by letter and revived a week later stays one engagement with its whole history")
    func cancelledAndRevived() throws {
        // Given a confirmed engagement, cancelled by letter
        let confirmed = events(reaching: .confirmed)
        let cancel = MoveEngagement(
            engagement: Fixtures.engagementID, to: .abandoned, at: Fixtures.kst("07-01 10:00"), by: "principal",
            reason: "letter: the meeting will not take place")
        let given = Given(confirmed + (try #require(Given(confirmed).when(.moveEngagement(cancel)).events)))
        // When it is revived a week later
        let revive = MoveEngagement(
            engagement: Fixtures.engagementID, to: .confirmed, at: Fixtures.kst("07-08 10:00"), by: "principal",
            reason: "both sides say it is back on")
        let events = try #require(given.when(.moveEngagement(revive)).events)
        // Then it is confirmed again, the cancellation and the revival both in its history
        var state = given.state
        for event in events { state.apply(event) }
        let engagement = try #require(state.engagements[Fixtures.engagementID])
        #expect(engagement.state == .confirmed)
        #expect(engagement.history.suffix(2).map(\.to) == [.abandoned, .confirmed])
        #expect(engagement.history.last?.kind == "revived")
        #expect(state.engagements.count == Given(Fixtures.desk).state.engagements.count)
    }

    @Test("a held meeting stays held, and an exit can become another exit")
    func heldIsFinal() {
        let held = Given(events(reaching: .held))
        let back = MoveEngagement(
            engagement: Fixtures.engagementID, to: .confirmed, at: Fixtures.kst("07-01 10:00"), by: "officer",
            reason: "typo")
        #expect(
            held.when(.moveEngagement(back)).refusal
                == .illegalTransition(engagement: Fixtures.engagementID, from: .held, to: .confirmed))
        let postponed = Given(events(reaching: .postponed))
        let abandon = MoveEngagement(
            engagement: Fixtures.engagementID, to: .abandoned, at: Fixtures.kst("07-01 10:00"), by: "officer",
            reason: "no new date came")
        #expect(postponed.when(.moveEngagement(abandon)).events?.count == 1)
    }
}
