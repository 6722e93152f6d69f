import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// The other side's own messages, the agreed slot, and whose stance a signal carries (issue 14).
@Suite("Messages, agreed slots and signal sides")
struct LivingDeskTests {
    static func message(
        _ id: String, from: Party.ID = "dprk", channel: Channel.ID? = "dmz-hotline", at: String = "06-29 20:30",
        stance: Stance = .favourable
    ) -> InboundMessage {
        InboundMessage(
            id: InboundMessage.ID(id), engagement: Fixtures.engagementID, channel: channel, from: from,
            at: Fixtures.kst(at), summary: "They call and invite a delegation.", quote: nil, stance: stance,
            asks: "A delegation at the line tonight.")
    }

    /// The fixture desk with the engagement moved through outreach.
    static var inOutreach: [DeskEvent] {
        var events = Fixtures.desk
        var from = EngagementState.idea
        for (index, to) in [EngagementState.exploring, .outreach].enumerated() {
            let at = Fixtures.kst("06-29 0\(index + 7):00")
            events.append(
                DeskEvent(
                    at: at.instant,
                    .engagementMoved(
                        Fixtures.engagementID, EngagementTransition(from: from, to: to, at: at, by: "t", reason: "r"))))
            from = to
        }
        return events
    }

    @Test("a message from the counterpart is recorded as it came, and shows in the state")
    func recordMessage() throws {
        // Given the desk
        let given = Given(Fixtures.desk)
        // When the DPRK side calls on the hotline
        let message = Self.message("hotline-call")
        // Then one MessageReceived event, at the call's time, holding the message as given
        #expect(
            given.when(.recordMessage(message)).events
                == [DeskEvent(at: message.at.instant, .messageReceived(message))])
    }

    @Test(
        "a message is refused, naming the field, when it names what the desk does not know or says nothing",
        arguments: [
            ("from", "nobody"), ("channel", "carrier-pigeon"), ("summary", " "),
        ])
    func refusedMessage(field: String, value: String) {
        var message = Self.message("m")
        switch field {
        case "from": message.from = Party.ID(value)
        case "channel": message.channel = Channel.ID(value)
        default: message.summary = value
        }
        #expect(Given(Fixtures.desk).when(.recordMessage(message)).refusal?.field == field)
    }

    @Test("a message on a running playbook's channel stops it, as an answered attempt does")
    func messageStopsPlaybook() throws {
        // Given a running playbook on the hotline, started at 18:00
        var events = Fixtures.desk
        let playbook = Playbook(
            id: "escalate", name: "Escalate", engagement: Fixtures.engagementID,
            steps: [PlaybookStep(channel: "dmz-hotline", wait: Minutes(600), repeats: 1)])
        events.append(DeskEvent(at: Fixtures.opened.instant, .playbookDefined(playbook)))
        events.append(
            DeskEvent(
                at: Fixtures.kst("06-29 18:00").instant, .playbookStarted("escalate", at: Fixtures.kst("06-29 18:00"))))
        // When the other side calls at 20:30
        let call = Self.message("hotline-call")
        events.append(DeskEvent(at: call.at.instant, .messageReceived(call)))
        let state = DeskState.folding(events)
        // Then the timers stop the playbook at 20:30, saying why
        let due = DeskTimers.due(in: state, now: Fixtures.kst("06-29 21:00").instant)
        let stops = due.compactMap { command -> PlaybookStop? in
            if case .stopPlaybook("escalate", let stop) = command { return stop }
            return nil
        }
        #expect(stops == [PlaybookStop(at: call.at.instant, reason: "message from dprk on dmz-hotline")])
    }

    @Test("confirming with an agreed slot records the move and the slot; the engagement's duration and venue fill in")
    func confirmWithSlot() throws {
        // Given an engagement proposed
        var events = Self.inOutreach
        for (to, from, at) in [
            (EngagementState.inContact, EngagementState.outreach, "06-29 20:30"),
            (.planning, .inContact, "06-29 22:00"),
            (.proposed, .planning, "06-29 23:30"),
        ] {
            events.append(
                DeskEvent(
                    at: Fixtures.kst(at).instant,
                    .engagementMoved(
                        Fixtures.engagementID,
                        EngagementTransition(from: from, to: to, at: Fixtures.kst(at), by: "t", reason: "r"))))
        }
        let given = Given(events)
        // When it is confirmed for 15:45 with no duration or venue given
        let at = Fixtures.kst("06-30 10:00")
        let move = MoveEngagement(
            engagement: Fixtures.engagementID, to: .confirmed, at: at, by: "DPRK side", reason: "attendance confirmed",
            slot: SlotTerms(start: Fixtures.kst("06-30 15:45")))
        // Then the move and the slot, at the engagement's hour at its preferred venue
        let slot = AgreedSlot(
            start: Fixtures.kst("06-30 15:45"), duration: Minutes(60), venue: "panmunjom", agreedAt: at)
        #expect(
            given.when(.moveEngagement(move)).events == [
                DeskEvent(
                    at: at.instant,
                    .engagementMoved(
                        Fixtures.engagementID,
                        EngagementTransition(
                            from: .proposed, to: .confirmed, at: at, by: "DPRK side", reason: "attendance confirmed"))),
                DeskEvent(at: at.instant, .engagementSlotAgreed(Fixtures.engagementID, slot)),
            ])
        // Called off, the slot is gone: a revival agrees one anew
        var state = given.state
        for event in try #require(given.when(.moveEngagement(move)).events) { state.apply(event) }
        let off = Fixtures.kst("06-30 11:00")
        state.apply(
            DeskEvent(
                at: off.instant,
                .engagementMoved(
                    Fixtures.engagementID,
                    EngagementTransition(from: .confirmed, to: .postponed, at: off, by: "t", reason: "r"))))
        #expect(state.engagements[Fixtures.engagementID]?.agreedSlot == nil)
        // A slot with any other move is refused
        var early = move
        early.to = .held
        #expect(given.when(.moveEngagement(early)).refusal?.field == "slot")
    }

    @Test(
        "an agreed slot is refused for an engagement that left its path or was held, and for an unknown venue",
        arguments: [EngagementState.abandoned, .held])
    func slotRefused(state: EngagementState) throws {
        var events = Self.inOutreach
        let at = Fixtures.kst("06-29 09:00")
        events.append(
            DeskEvent(
                at: at.instant,
                .engagementMoved(
                    Fixtures.engagementID,
                    EngagementTransition(from: .outreach, to: state, at: at, by: "t", reason: "r"))))
        let agree = AgreeSlot(
            engagement: Fixtures.engagementID, terms: SlotTerms(start: Fixtures.kst("06-30 15:45")),
            at: Fixtures.kst("06-29 10:00"))
        #expect(Given(events).when(.agreeSlot(agree)).refusal?.field == "engagement")
        var elsewhere = agree
        elsewhere.terms.venue = "geneva"
        #expect(Given(Self.inOutreach).when(.agreeSlot(elsewhere)).refusal?.field == "venue")
    }

    @Test("readiness counts back from the agreed slot, else the planned slot, else the window's end, and says which")
    func meetingTime() throws {
        var state = DeskState.folding(Self.inOutreach)
        let now = Fixtures.kst("06-29 12:00").instant
        let engagement = try #require(state.engagements[Fixtures.engagementID])
        // No slot: the end of the window (18:00)
        #expect(MeetingTime(of: engagement, in: state, asOf: now)?.source == .windowEnd)
        #expect(MeetingTime(of: engagement, in: state, asOf: now)?.start == Fixtures.kst("06-30 18:00").instant)
        // Agreed for 15:45 at 10:00 the day before: from then on, the agreed slot
        let slot = AgreedSlot(
            start: Fixtures.kst("06-30 15:45"), duration: Minutes(60), venue: "panmunjom",
            agreedAt: Fixtures.kst("06-29 10:00"))
        state.apply(DeskEvent(at: slot.agreedAt.instant, .engagementSlotAgreed(Fixtures.engagementID, slot)))
        let confirmed = try #require(state.engagements[Fixtures.engagementID])
        let agreed = try #require(MeetingTime(of: confirmed, in: state, asOf: now))
        #expect(agreed.source == .agreed && agreed.start == slot.start.instant && agreed.venue == "panmunjom")
        // As of before the agreement, still the window's end
        let before = Fixtures.kst("06-29 09:00").instant
        #expect(MeetingTime(of: confirmed, in: state, asOf: before)?.source == .windowEnd)
        // The latest confirmation counts back from 15:45, not 18:00
        state.apply(DeskEvent(at: Fixtures.opened.instant, .advanceTasksAdded([Fixtures.task("survey")])))
        let readiness = try Readiness(
            engagement: Fixtures.engagementID, venue: agreed.venue, meeting: agreed.start, now: now, in: state)
        // One hour of work done 30 minutes before: start by 14:15.
        #expect(readiness.latestConfirmation == Fixtures.kst("06-30 14:15").instant)
    }

    @Test("our own side's enthusiasm does not move the estimate; the counterpart's message does")
    func whoseStance() throws {
        let base = Self.inOutreach
        let asOf = Fixtures.kst("06-29 21:00").instant
        func stance(_ events: [DeskEvent]) throws -> Double {
            let assessment = try Assessment(
                engagement: Fixtures.engagementID, in: DeskState.folding(events), asOf: asOf)
            return assessment.contributions.first { $0.indicator == "stance" }?.logOdds ?? 0
        }
        var ours = Fixtures.signal("would-love-to-meet", grade: "A1")
        ours.stance = .favourable
        ours.side = .ours
        let withOurs = base + [DeskEvent(at: ours.at.instant, .signalRecorded(ours))]
        #expect(try stance(withOurs) == 0)
        let call = Self.message("hotline-call")
        #expect(try stance(base + [DeskEvent(at: call.at.instant, .messageReceived(call))]) > 0)
    }
}
