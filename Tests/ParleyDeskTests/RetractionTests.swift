import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// Corrections: an entry taken back with a reason; the fold leaves it out, the log keeps both (issue 14).
@Suite("Retractions")
struct RetractionTests {
    static let later = Fixtures.kst("06-29 15:00").instant

    /// The fixture desk (entries 1–8) and a signal on the engagement (entry 9).
    static var withSignal: [DeskEvent] {
        Fixtures.desk + [DeskEvent(at: Fixtures.kst("06-29 13:00").instant, .signalRecorded(Fixtures.signal("tweet")))]
    }

    @Test("a mistaken signal is retracted: one event naming entry and type; the desk no longer holds it, the log does")
    func retractSignal() throws {
        // Given a desk with a signal recorded by mistake (entry 9)
        let given = Given(Self.withSignal)
        // When entry 9 is retracted
        let events = try #require(
            given.when(.retractEntry(RetractEntry(entry: 9, reason: "Wrong engagement", at: Self.later))).events)
        // Then exactly one retraction, and the fold leaves the signal out
        #expect(
            events == [
                DeskEvent(
                    at: Self.later,
                    .entryRetracted(Retraction(entry: 9, type: "SignalRecorded", reason: "Wrong engagement")))
            ])
        var state = given.state
        for event in events { state.apply(event) }
        #expect(state.signals.isEmpty)
        #expect(state.log.events.count == 10)
        #expect(state.log.retracted[9] == RetractedEntry(entry: 9, at: Self.later, reason: "Wrong engagement", by: 10))
        // And the same id may be recorded again, correctly
        let again = Given.on(state).when(.recordSignal(Fixtures.signal("tweet")))
        #expect(again.events?.count == 1)
    }

    @Test("a move typed in the wrong zone blocks every later move until it is retracted; then the true move is taken")
    func retractMoveInTheWrongZone() throws {
        // Given a move to exploring typed as 22:00 in Seoul when it happened at 13:00 (entry 9)
        let wrong = MoveEngagement(
            engagement: Fixtures.engagementID, to: .exploring, at: Fixtures.kst("06-29 22:00"), by: "desk",
            reason: "typed in the wrong zone")
        let transition = EngagementTransition(
            from: .idea, to: .exploring, at: wrong.at, by: wrong.by, reason: wrong.reason)
        let given = Given(
            Fixtures.desk + [DeskEvent(at: wrong.at.instant, .engagementMoved(wrong.engagement, transition))])
        let next = MoveEngagement(
            engagement: Fixtures.engagementID, to: .outreach, at: Fixtures.kst("06-29 14:00"), by: "desk",
            reason: "letter sent")
        #expect(given.when(.moveEngagement(next)).refusal != nil)
        // When it is retracted
        var state = given.state
        let retraction = try #require(
            given.when(.retractEntry(RetractEntry(entry: 9, reason: "Wrong zone", at: Self.later))).events)
        for event in retraction { state.apply(event) }
        // Then the engagement is back at idea, and the true moves can be recorded
        #expect(state.engagements[Fixtures.engagementID]?.state == .idea)
        #expect(state.engagements[Fixtures.engagementID]?.history.isEmpty == true)
        let right = MoveEngagement(
            engagement: Fixtures.engagementID, to: .exploring, at: Fixtures.kst("06-29 13:00"), by: "desk",
            reason: "the tweet")
        #expect(Given.on(state).when(.moveEngagement(right)).events?.count == 1)
    }

    @Test("an entry a later one depends on is refused, naming the later entry; nothing is recorded")
    func dependentRefused() throws {
        // Given the engagement (entry 8) and a signal on it (entry 9)
        let given = Given(Self.withSignal)
        // When the engagement's opening is retracted
        let refusal = try #require(
            given.when(.retractEntry(RetractEntry(entry: 8, reason: "Never existed", at: Self.later))).refusal)
        // Then the refusal names entry 9 and why it would fail
        #expect(refusal.field == "entry")
        #expect(refusal.message.contains("entry 9 (signal tweet"))
        #expect(refusal.message.contains("engagement"))
    }

    static let refusals: [(String, [DeskEvent], RetractEntry, String)] = [
        ("the desk's opening", Fixtures.desk, RetractEntry(entry: 1, reason: "x", at: later), "desk's opening"),
        ("an entry the log does not hold", Fixtures.desk, RetractEntry(entry: 99, reason: "x", at: later), "99"),
        (
            "an entry number below 1", Fixtures.desk, RetractEntry(entry: 0, reason: "x", at: later),
            "no entry with id '0'"
        ),
        ("a blank reason", withSignal, RetractEntry(entry: 9, reason: "  ", at: later), "visible text"),
        (
            "an entry already retracted",
            withSignal + [
                DeskEvent(at: later, .entryRetracted(Retraction(entry: 9, type: "SignalRecorded", reason: "first")))
            ], RetractEntry(entry: 9, reason: "again", at: later), "retracted by entry 10: first"
        ),
        (
            "a retraction",
            withSignal + [
                DeskEvent(at: later, .entryRetracted(Retraction(entry: 9, type: "SignalRecorded", reason: "first")))
            ], RetractEntry(entry: 10, reason: "undo", at: later), "itself a retraction"
        ),
        (
            "an alarm the timers raised",
            Fixtures.desk + [
                DeskEvent(
                    at: later,
                    .deadlineSet(
                        Deadline(
                            id: "reply", title: "Reply", engagement: Fixtures.engagementID,
                            owedBy: "us", due: Fixtures.kst("06-29 23:00"), alarms: [Minutes(60)]))),
                DeskEvent(at: later, .deadlineAlarmRaised("reply", lead: Minutes(60))),
            ], RetractEntry(entry: 10, reason: "x", at: later), "timers"
        ),
    ]

    @Test("refusals say which entry and why", arguments: refusals)
    func refused(_ what: String, _ events: [DeskEvent], _ command: RetractEntry, _ says: String) throws {
        let refusal = try #require(Given(events).when(.retractEntry(command)).refusal, "\(what) was accepted")
        #expect(refusal.message.contains(says), "\(what): \(refusal.message)")
    }

    @Test("as of a moment before the retraction the entry still counts; as of after, it does not")
    func asOfBeforeAndAfter() {
        let log =
            Self.withSignal + [
                DeskEvent(at: Self.later, .entryRetracted(Retraction(entry: 9, type: "SignalRecorded", reason: "x")))
            ]
        let before = DeskState.folding(log, asOf: Fixtures.kst("06-29 14:00").instant, .asKnown)
        let after = DeskState.folding(log, asOf: Fixtures.kst("06-29 16:00").instant, .asKnown)
        #expect(before.signals["tweet"] != nil)
        #expect(after.signals["tweet"] == nil)
        #expect(after.log.retracted[9]?.by == 10)
    }

    @Test("folding a log at once gives the same desk as entry by entry, however many retractions it holds")
    func batchFoldEqualsSequential() {
        var log = Fixtures.desk
        for index in 0..<30 {
            log.append(DeskEvent(at: Self.later, .signalRecorded(Fixtures.signal("s\(index)"))))
            if index % 3 == 0 {
                log.append(
                    DeskEvent(
                        at: Self.later,
                        .entryRetracted(
                            Retraction(entry: Int64(log.count), type: "SignalRecorded", reason: "r\(index)"))))
            }
        }
        var sequential = DeskState()
        for event in log { sequential.apply(event) }
        let batch = DeskState.folding(log)
        #expect(batch == sequential)
        #expect(batch.log.retracted == sequential.log.retracted)
        #expect(batch.signals.count == 20)
    }

    @Test("a reader outside a compartment sees no retraction of a hidden entry, and a shown one by their own number")
    func redactedRetractions() throws {
        var secret = Fixtures.engagement
        secret.id = "back-channel"
        secret.compartment = "quiet"
        var hiddenSignal = Fixtures.signal("whisper")
        hiddenSignal.engagement = "back-channel"
        let at = Fixtures.opened.instant
        let log =
            Fixtures.desk + [
                DeskEvent(at: at, .engagementOpened(secret)),  // 9, hidden
                DeskEvent(at: at, .signalRecorded(hiddenSignal)),  // 10, hidden
                DeskEvent(at: at, .signalRecorded(Fixtures.signal("tweet"))),  // 11, shown as 9
                DeskEvent(at: Self.later, .entryRetracted(Retraction(entry: 10, type: "SignalRecorded", reason: "h"))),
                DeskEvent(at: Self.later, .entryRetracted(Retraction(entry: 11, type: "SignalRecorded", reason: "s"))),
            ]
        var redaction = DeskRedaction(for: .uncompartmented)
        let seen = log.compactMap { redaction.pass($0) }
        #expect(seen.count == 10)
        #expect(
            seen.last?.fact == .entryRetracted(Retraction(entry: 9, type: "SignalRecorded", reason: "s")))
        let state = DeskState.folding(seen)
        #expect(state.signals.isEmpty)
        #expect(state.log.retracted.keys.sorted() == [9])
    }

    @Test(
        "the desk's title, zone and webhook are amended; a change to nothing, or a webhook that is no URL, is refused")
    func amendDesk() throws {
        let given = Given(Fixtures.desk)
        let tokyo = try TimeZoneID.validated("Asia/Tokyo", field: "zone")
        let at = Fixtures.kst("06-29 09:00")
        let amend = AmendRecord(
            .desk(title: "DMZ, June 2019", zone: tokyo, webhook: "https://hooks.example/p"), at: at, reason: "Moved")
        let events = try #require(given.when(.amendRecord(amend)).events)
        #expect(
            events == [
                DeskEvent(
                    at: at.instant,
                    .deskAmended(
                        title: "DMZ, June 2019", zone: tokyo, webhook: "https://hooks.example/p",
                        Amendment(at: at, reason: "Moved", changed: ["title", "zone", "webhook"])))
            ])
        var state = given.state
        for event in events { state.apply(event) }
        #expect(state.profile?.title == "DMZ, June 2019")
        #expect(state.zone == tokyo)
        #expect(state.profile?.name == "dmz-2019")
        let same = AmendRecord(.desk(title: "DMZ", zone: Fixtures.seoul, webhook: nil), at: at, reason: "x")
        #expect(given.when(.amendRecord(same)).refusal?.message.contains("no change") == true)
        let bad = AmendRecord(.desk(title: "DMZ", zone: Fixtures.seoul, webhook: "ftp://x"), at: at, reason: "x")
        #expect(given.when(.amendRecord(bad)).refusal?.field == "webhook")
    }

    @Test("a playbook is given other steps before it starts, and refused once it runs")
    func amendPlaybook() throws {
        let playbook = Playbook(
            id: "reach-kim", name: "Reach Kim", engagement: Fixtures.engagementID,
            steps: [PlaybookStep(channel: "dmz-hotline", wait: Minutes(60), repeats: 1)])
        let at = Fixtures.kst("06-29 09:00")
        let given = Given(Fixtures.desk + [DeskEvent(at: at.instant, .playbookDefined(playbook))])
        let steps = [PlaybookStep(channel: "dmz-hotline", wait: Minutes(30), repeats: 3)]
        let amend = AmendRecord(.playbook("reach-kim", name: "Reach Kim", steps: steps), at: at, reason: "Faster")
        let events = try #require(given.when(.amendRecord(amend)).events)
        #expect(
            events == [
                DeskEvent(
                    at: at.instant,
                    .playbookAmended(
                        "reach-kim", name: "Reach Kim", steps: steps,
                        Amendment(at: at, reason: "Faster", changed: ["steps"])))
            ])
        let started = Given(
            Fixtures.desk + [
                DeskEvent(at: at.instant, .playbookDefined(playbook)),
                DeskEvent(at: at.instant, .playbookStarted("reach-kim", at: at)),
            ])
        #expect(started.when(.amendRecord(amend)).refusal?.message.contains("not yet started") == true)
        let empty = AmendRecord(.playbook("reach-kim", name: "Reach Kim", steps: []), at: at, reason: "x")
        #expect(given.when(.amendRecord(empty)).refusal?.field == "steps")
    }
}

/// The same in scenario files: entries marked `retracted`, and amendments of the desk and of a playbook.
@Suite("Retractions and amendments in scenario files")
struct RetractionScenarioTests {
    @Test("the revived summit's file retracts a mistaken call, renames the desk afterwards and re-orders a playbook")
    func revivedSummit() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/scenarios/revived-summit.yaml")
        let contents = try ScenarioReader.read(String(contentsOf: url, encoding: .utf8), file: "revived-summit.yaml")
        let state = contents.state
        // The mistaken call is in the log, retracted by the next entry; the desk no longer holds it
        #expect(state.attempts["call-to-the-host"] == nil)
        #expect(state.attempts["letter-through-the-host"] != nil)
        let recorded = try #require(
            state.log.entries.first {
                if case .contactAttemptRecorded(let attempt) = $0.1.fact { return attempt.id == "call-to-the-host" }
                return false
            })
        #expect(state.log.retracted[recorded.0]?.reason == "The call concerned another visit.")
        #expect(state.log.retracted[recorded.0]?.by == recorded.0 + 1)
        // As known before the retraction, the call still counted
        let afternoon = try ZonedTime.parse("2030-04-03 12:00 Europe/Zurich", field: "t", defaultZone: nil).instant
        #expect(DeskState.folding(contents.events, asOf: afternoon, .asKnown).attempts["call-to-the-host"] != nil)
        // The desk renamed after the summit; the playbook's steps changed before it started
        #expect(state.profile?.title == "The lake summit, 12 June 2030")
        #expect(state.playbooks["reach-the-chairman"]?.steps.map(\.channel) == ["south-media", "host-channel"])
        #expect(contents.events.filter { $0.type == "EntryRetracted" }.count == 1)
    }

    @Test("a task added after the revival, with an owner who changes, and each step of its progress with its time")
    func taskAddedLater() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/scenarios/revived-summit.yaml")
        let contents = try ScenarioReader.read(String(contentsOf: url, encoding: .utf8), file: "revived-summit.yaml")
        let sweep = try #require(contents.state.tasks["castle-sweep"])
        #expect(sweep.owner == "Advance team")
        #expect(sweep.status == .done)
        // Added on 2 June, in an event of its own; the survey with the desk's opening.
        let added = contents.events.filter { $0.type == "AdvanceTasksAdded" }
        #expect(added.count == 2)
        #expect(added.last.map { ZonedTime($0.at, zone: sweep.statusAt!.zone).display } == "2030-06-02 10:00 CEST")
        // Its progress, step by step: as of the 10th at noon it was blocked.
        let noon = try ZonedTime.parse("2030-06-10 13:00 Europe/Zurich", field: "t", defaultZone: nil).instant
        #expect(DeskState.folding(contents.events, asOf: noon, .asKnown).tasks["castle-sweep"]?.status == .blocked)
        let updates = contents.events.filter { $0.type == "AdvanceTaskUpdated" }
        #expect(updates.count == 3)
        // The owner's change says so
        let amended = contents.events.compactMap { event -> Amendment? in
            if case .advanceTaskAmended("castle-sweep", _, let amendment) = event.fact { return amendment }
            return nil
        }
        #expect(amended.map(\.changed) == [["owner"]])
        // And an export says who does it now
        #expect(ScenarioWriter.write(contents.state).contains("owner: \"Advance team\""))
    }

    @Test("a move with its agreed slot marked retracted in a file takes back both, the slot first")
    func retractedMoveWithSlot() throws {
        let text = """
            desk:
              name: t
              title: "T"
              zone: Asia/Seoul
              opened: 2019-06-28 20:00
            parties:
              - id: us
                name: "US"
              - id: dprk
                name: "DPRK"
            principals:
              - id: trump
                name: "Trump"
                party: us
            venues:
              - id: panmunjom
                name: "Panmunjom"
                latitude: 37.95
                longitude: 126.67
                zone: Asia/Seoul
            engagements:
              - id: dmz
                title: "DMZ"
                principals: [trump]
                counterpart: dprk
                duration: 1h
                venues: [panmunjom]
                opened: 2019-06-28 20:00
                history:
                  - to: exploring
                    at: 2019-06-29 07:00
                    by: "staff"
                    reason: "look into it"
                  - to: confirmed
                    at: 2019-06-29 09:00
                    by: "staff"
                    reason: "typed on the wrong engagement"
                    slot:
                      start: 2019-06-30 15:00
                    retracted:
                      at: 2019-06-29 10:00
                      reason: "Meant for another engagement"
            """
        let contents = try ScenarioReader.read(text, file: "t.yaml")
        let engagement = try #require(contents.state.engagements["dmz"])
        #expect(engagement.state == .exploring && engagement.agreedSlot == nil)
        let retracted = contents.events.compactMap { event -> String? in
            if case .entryRetracted(let retraction) = event.fact { return retraction.type }
            return nil
        }
        #expect(retracted == ["EngagementSlotAgreed", "EngagementMoved"])
    }

    @Test("a retraction in a file without a reason is refused at its line, naming the field")
    func retractionWithoutReasonInFile() throws {
        let text = """
            desk:
              name: t
              title: "T"
              zone: Asia/Seoul
              opened: 2019-06-28 20:00
            parties:
              - id: dprk
                name: "DPRK"
            channels:
              - id: hotline
                name: "Hotline"
                kind: hotline
                party: dprk
                status: active
                changes:
                  - to: dormant
                    at: 2019-06-29 09:00
                    reason: "No answer"
                    retracted:
                      at: 2019-06-29 10:00
                      reason: ""
            """
        #expect(throws: ScenarioError.self) { try ScenarioReader.read(text, file: "t.yaml") }
        do {
            _ = try ScenarioReader.read(text, file: "t.yaml")
        } catch {
            #expect(error.line == 20 || error.line == 21, "\(error)")
            #expect(error.field.hasSuffix("retracted.reason"), "\(error)")
        }
    }
}
