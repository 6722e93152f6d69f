import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

@Suite("Desk rules")
struct DeskRulesTests {
    @Test("advance tasks whose dependencies form a cycle are refused, and the error names the cycle")
    func dependencyCycle() {
        // Given a desk with the DMZ engagement
        let given = Given(Fixtures.desk)
        // When tasks a → b → c → a are added
        let tasks = [
            Fixtures.task("a", dependsOn: ["b"]), Fixtures.task("b", dependsOn: ["c"]),
            Fixtures.task("c", dependsOn: ["a"]),
        ]
        let refusal = given.when(.addAdvanceTasks(AddAdvanceTasks(tasks))).refusal
        // Then the refusal lists the cycle in order
        #expect(refusal == .dependencyCycle(["a", "b", "c", "a"]))
        #expect(refusal?.message.contains("a → b → c → a") == true)
    }

    @Test("a new task that closes a cycle through tasks already on the desk is refused")
    func cycleThroughExistingTasks() throws {
        var events = Fixtures.desk
        events.append(DeskEvent(at: Fixtures.opened.instant, .advanceTasksAdded([Fixtures.task("survey")])))
        let given = Given(events)
        // A self-dependency is the smallest cycle
        #expect(
            given.when(.addAdvanceTasks(AddAdvanceTasks([Fixtures.task("sweep", dependsOn: ["sweep"])]))).refusal
                == .dependencyCycle(["sweep", "sweep"]))
        // A chain on existing tasks is fine
        let accepted = given.when(.addAdvanceTasks(AddAdvanceTasks([Fixtures.task("sweep", dependsOn: ["survey"])])))
        #expect(accepted.events?.count == 1)
    }

    @Test("a dependency on a task that does not exist is refused")
    func danglingDependency() {
        let refusal = Given(Fixtures.desk).when(
            .addAdvanceTasks(AddAdvanceTasks([Fixtures.task("sweep", dependsOn: ["nowhere"])]))
        )
        .refusal
        #expect(refusal == .unknownReference(field: "depends_on", kind: "advance task", id: "nowhere"))
    }

    @Test(
        "Admiralty grades: source A–F and information 1–6 are accepted, anything else refused",
        arguments: [
            ("A1", true), ("B2", true), ("F6", true), ("C3", true), ("E5", true), ("G1", false), ("A0", false),
            ("A7", false), ("b2", false), ("B", false), ("B22", false), ("", false), ("2B", false),
        ])
    func admiraltyGrade(text: String, valid: Bool) {
        let parsed = try? AdmiraltyGrade(parsing: text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == text) }
    }

    @Test("a signal needs an attribution chain")
    func signalNeedsAttribution() {
        let given = Given(Fixtures.desk)
        #expect(given.when(.recordSignal(Fixtures.signal("s1", attribution: []))).refusal?.field == "attribution")
        #expect(
            given.when(.recordSignal(Fixtures.signal("s1", attribution: ["Choe Son Hui", " "]))).refusal?.field
                == "attribution")
        let accepted = given.when(.recordSignal(Fixtures.signal("s1", attribution: ["Choe Son Hui", "KCNA"])))
        #expect(accepted.events?.first?.at == Fixtures.kst("06-29 13:00").instant)
    }

    @Test(
        "venues need coordinates in range",
        arguments: [
            (37.9, 126.6, nil), (91.0, 0.0, "latitude"), (-90.5, 0.0, "latitude"), (0.0, 180.5, "longitude"),
            (0.0, -181.0, "longitude"),
        ]
            as [(Double, Double, String?)])
    func venueCoordinates(latitude: Double, longitude: Double, refusedField: String?) {
        var venue = Fixtures.panmunjom
        venue.id = "elsewhere"
        venue.coordinates = Coordinates(latitude: latitude, longitude: longitude)
        #expect(Given(Fixtures.desk).when(.registerVenue(venue)).refusal?.field == refusedField)
    }

    @Test(
        "time zones must be IANA names this machine knows",
        arguments: [
            ("Asia/Seoul", true), ("America/New_York", true), ("UTC", true), ("KST", false), ("GMT+9", false),
            ("Asia/Atlantis", false),
        ])
    func timeZones(name: String, valid: Bool) {
        #expect(((try? TimeZoneID.validated(name, field: "zone")) != nil) == valid)
    }

    @Test("references to unknown ids are refused, naming the field and the id", arguments: referenceCases)
    func unknownReferences(command: DeskCommand, field: String, id: String) {
        let refusal = Given(Fixtures.desk).when(command).refusal
        guard case .unknownReference(let refusedField, _, let refusedID) = refusal else {
            Issue.record("expected an unknown-reference refusal, got \(String(describing: refusal))")
            return
        }
        #expect(refusedField == field)
        #expect(refusedID == id)
    }

    @Test("an id used twice for the same kind of thing is refused")
    func duplicateID() {
        let refusal = Given(Fixtures.desk).when(.registerParty(Party(id: "us", name: "Again"))).refusal
        #expect(refusal == .duplicateID(kind: "party", id: "us"))
    }

    @Test("ids must be slugs", arguments: ["Has Space", "UPPER", "", "-leading", "ünïcode"])
    func slugIDs(raw: String) {
        let refusal = Given(Fixtures.desk).when(.registerParty(Party(id: Party.ID(raw), name: "X"))).refusal
        #expect(refusal?.field == "id")
    }

    @Test("a deadline is resolved once, to met or missed")
    func deadlineResolution() throws {
        var events = Fixtures.desk
        let deadline = Deadline(
            id: "proposal", title: "Proposal", engagement: Fixtures.engagementID, owedBy: "us",
            due: Fixtures.kst("06-30 00:00"))
        events.append(DeskEvent(at: Fixtures.opened.instant, .deadlineSet(deadline)))
        let given = Given(events)
        let met = ResolveDeadline(deadline: "proposal", status: .met, at: Fixtures.kst("06-29 23:30"), note: "fax")
        let resolved = try #require(given.when(.resolveDeadline(met)).events)
        #expect(
            given.when(.resolveDeadline(ResolveDeadline(deadline: "proposal", status: .open, at: met.at, note: "")))
                .refusal?.field == "status")
        let after = Given(events + resolved)
        #expect(after.state.deadlines["proposal"]?.status == .met)
        #expect(after.when(.resolveDeadline(met)).refusal == .deadlineAlreadyResolved("proposal", .met))
    }

    @Test("nothing can be recorded before the desk is opened, and a desk opens once")
    func deskOpening() {
        #expect(Given([]).when(.registerParty(Party(id: "us", name: "US"))).refusal == .deskNotOpened)
        let profile = DeskProfile(name: "again", title: "Again", zone: Fixtures.seoul, opened: Fixtures.opened)
        #expect(Given(Fixtures.desk).when(.openDesk(profile)).refusal == .deskAlreadyOpened("dmz-2019"))
    }

    @Test("windows and periods that end before they start are refused")
    func invertedWindow() {
        var engagement = Fixtures.engagement
        engagement.id = "backwards"
        engagement.windows = [TimeWindow(from: Fixtures.kst("06-30 18:00"), to: Fixtures.kst("06-30 08:00"))]
        #expect(Given(Fixtures.desk).when(.openEngagement(OpenEngagement(engagement))).refusal?.field == "windows[0]")
    }
}

private let referenceCases: [(DeskCommand, String, String)] = {
    var engagement = Fixtures.engagement
    engagement.id = "other"
    engagement.venues = ["atlantis"]
    let at = Fixtures.kst("06-29 18:00")
    return [
        (.registerPrincipal(Principal(id: "moon", name: "Moon", title: "President", party: "rok")), "party", "rok"),
        (.openEngagement(OpenEngagement(engagement)), "venues", "atlantis"),
        (
            .moveEngagement(MoveEngagement(engagement: "ghost", to: .exploring, at: at, by: "x", reason: "y")),
            "engagement", "ghost"
        ),
        (
            .recordContactAttempt(
                ContactAttempt(id: "a1", channel: "pigeon", engagement: nil, at: at, outcome: .unanswered, note: "")),
            "channel", "pigeon"
        ),
        (
            .recordContactAttempt(
                ContactAttempt(
                    id: "a1", channel: "dmz-hotline", engagement: "ghost", at: at, outcome: .unanswered, note: "")),
            "engagement", "ghost"
        ),
        (
            .changeChannelStatus(ChangeChannelStatus(channel: "pigeon", to: .active, at: at, reason: "rang")),
            "channel", "pigeon"
        ),
        (
            .definePlaybook(
                DefinePlaybook(
                    Playbook(
                        id: "p", name: "P", engagement: Fixtures.engagementID,
                        steps: [PlaybookStep(channel: "pigeon", wait: Minutes(30))]))), "steps[0].channel", "pigeon"
        ),
        (
            .setDeadline(SetDeadline(Deadline(id: "d", title: "D", engagement: nil, owedBy: "rok", due: at))),
            "owed_by", "rok"
        ),
        (.resolveDeadline(ResolveDeadline(deadline: "ghost", status: .met, at: at, note: "")), "deadline", "ghost"),
        (.updateAdvanceTask(UpdateAdvanceTask(task: "ghost", status: .done, at: at)), "task", "ghost"),
        (
            .recordSignal(
                Signal(
                    id: "s", engagement: "ghost", at: at, summary: "S", quote: nil, attribution: ["A"], stance: .open,
                    grade: try! AdmiraltyGrade(parsing: "A1"))), "engagement", "ghost"
        ),
        (.planTrip(Trip(id: "t", title: "T", principal: "nobody", stays: [], commitments: [])), "principal", "nobody"),
    ]
}()

@Suite("Commands and their events")
struct CommandEventTypeTests {
    @Test("every command names the type of the event it records", arguments: 0..<5)
    func eventTypes(seed: Int) {
        var generator = DeskGenerator(seed: UInt64(seed))
        generator.generate(name: "types")
        #expect(!generator.events.isEmpty)
        for event in generator.events {
            #expect(event.command.eventType == event.type)
        }
    }
}
