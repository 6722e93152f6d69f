import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// The inputs the web forms and the API share: one reading of what a person typed.
@Suite("Command inputs")
struct CommandInputTests {
    static let now = Date(timeIntervalSince1970: 1_561_806_000)

    static var desk: DeskState {
        var state = DeskState()
        for event in Fixtures.desk { state.apply(event) }
        return state
    }

    @Test("a time left empty is now, in the desk's zone; one without a zone is read in the desk's zone")
    func times() throws {
        let state = Self.desk
        #expect(try InputText.time(nil, field: "at", on: state, now: Self.now) == ZonedTime(Self.now, zone: state.zone))
        #expect(try InputText.time(" ", field: "at", on: state, now: Self.now) == ZonedTime(Self.now, zone: state.zone))
        let given = try InputText.time("2019-06-29 20:00", field: "at", on: state, now: Self.now)
        #expect(given.zone == state.zone)
        #expect(given.instant == Date(timeIntervalSince1970: 1_561_806_000))
    }

    @Test(
        "each refusal names the field and what it allows",
        arguments: [
            (AttemptInput(id: nil, channel: "c", engagement: nil, at: nil, outcome: "ignored", note: nil), "outcome"),
            (
                AttemptInput(id: nil, channel: "c", engagement: nil, at: "yesterday", outcome: "replied", note: nil),
                "at"
            ),
        ])
    func attemptRefusals(input: AttemptInput, field: String) {
        let error = #expect(throws: DeskError.self) {
            try input.command(on: Self.desk, now: Self.now, newID: "a1")
        }
        #expect(error?.field == field)
    }

    @Test("a move, a signal and a deadline build the commands the desk decides")
    func commands() throws {
        let state = Self.desk
        let move = try MoveInput(to: "exploring", at: nil, by: "ana", reason: "The post.").command(
            Fixtures.engagementID, on: state, now: Self.now)
        #expect(
            move
                == .moveEngagement(
                    MoveEngagement(
                        engagement: Fixtures.engagementID, to: .exploring, at: ZonedTime(Self.now, zone: state.zone),
                        by: "ana", reason: "The post.")))
        let bad = #expect(throws: DeskError.self) {
            try MoveInput(to: "held-maybe", at: nil, by: "ana", reason: "r").command(
                Fixtures.engagementID, on: state, now: Self.now)
        }
        #expect(bad?.message.contains("in-contact") == true)
        let deadline = try DeadlineInput(
            id: "", title: "Reply", engagement: "", owedBy: "dprk", due: "2019-06-30 00:00", alarms: ["2h", "30m"]
        ).command(on: state, newID: "deadline-1")
        guard case .setDeadline(let set) = deadline else {
            Issue.record("not a deadline: \(deadline)")
            return
        }
        #expect(set.id == "deadline-1" && set.engagement == nil && set.alarms == [Minutes(120), Minutes(30)])
        let grade = #expect(throws: DeskError.self) {
            try SignalInput(
                id: nil, engagement: nil, at: nil, summary: "s", quote: "", attribution: ["KCNA"], stance: "open",
                grade: "Z9"
            ).command(on: state, now: Self.now, newID: "s1")
        }
        #expect(grade?.field == "grade")
    }
}
