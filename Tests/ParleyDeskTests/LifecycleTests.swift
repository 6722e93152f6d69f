import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// Every (from, to) pair of engagement states, with whether the lifecycle allows it.
private let transitionMatrix: [(EngagementState, EngagementState, Bool)] = EngagementState.allCases.flatMap { from in
    EngagementState.allCases.map { to in (from, to, isAllowed(from, to)) }
}

/// The lifecycle as DESIGN.md lists it, written out independently of `EngagementState.allowedTargets`.
private func isAllowed(_ from: EngagementState, _ to: EngagementState) -> Bool {
    let forward: [EngagementState: EngagementState] = [
        .idea: .exploring, .exploring: .outreach, .outreach: .inContact, .inContact: .planning,
        .planning: .proposed, .proposed: .confirmed, .confirmed: .held,
    ]
    if forward[from] == to { return true }
    let open: Set<EngagementState> = [.idea, .exploring, .outreach, .inContact, .planning, .proposed, .confirmed]
    return open.contains(from) && [.declined, .postponed, .abandoned].contains(to)
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
        "every transition is allowed exactly as DESIGN.md lists it, and refusals name engagement, state and target",
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
}
