import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// Every number, time, span and name a command carries is bounded where it enters (issue 12, items 1, 2,
/// 19, 20, 21): decide refuses it with the field, and nothing is recorded.
@Suite("Input bounds")
struct InputBoundsTests {
    private let given = Given(Fixtures.desk)

    private static func task(duration: Int = 60, lead: Int = 30) -> AdvanceTask {
        var task = Fixtures.task("huge")
        task.duration = Minutes(duration)
        task.leadTime = Minutes(lead)
        return task
    }

    private static func year(_ year: Int) -> ZonedTime {
        try! ZonedTime.parse(String(format: "%04d", year) + "-06-30 08:00 Asia/Seoul", field: "at", defaultZone: nil)
    }

    @Test(
        "an advance task's duration and lead time are refused beyond a year, or below their minimum",
        arguments: [
            (Int.max, 30, "duration"), (Int.min, 30, "duration"), (0, 30, "duration"), (-5, 30, "duration"),
            (DeskLimits.longestTask.value + 1, 30, "duration"), (60, Int.max, "lead_time"), (60, -1, "lead_time"),
            (60, DeskLimits.longestTask.value + 1, "lead_time"),
        ])
    func taskNumbers(duration: Int, lead: Int, field: String) {
        let refusal = given.when(.addAdvanceTasks(AddAdvanceTasks([Self.task(duration: duration, lead: lead)]))).refusal
        #expect(refusal?.field == field)
    }

    @Test("a task as long as the limit, with the longest lead time, is still accepted")
    func taskAtTheLimit() {
        #expect(
            given.when(
                .addAdvanceTasks(
                    AddAdvanceTasks([
                        Self.task(duration: DeskLimits.longestTask.value, lead: DeskLimits.longestTask.value)
                    ]
                    ))
            ).events != nil)
    }

    @Test("an engagement's duration, priority and windows are bounded")
    func engagementNumbers() {
        var base = Fixtures.engagement
        base.id = "another"
        var long = base
        long.duration = Minutes(Int.max)
        #expect(given.when(.openEngagement(OpenEngagement(long))).refusal?.field == "duration")
        var priority = base
        priority.priority = Int.min
        #expect(given.when(.openEngagement(OpenEngagement(priority))).refusal?.field == "priority")
        var ancient = base
        ancient.windows = [TimeWindow(from: Self.year(1), to: Self.year(9999))]
        #expect(given.when(.openEngagement(OpenEngagement(ancient))).refusal?.field == "windows[0].from")
        var wide = base
        wide.windows = [TimeWindow(from: Self.year(2019), to: Self.year(2150))]
        let refusal = given.when(.openEngagement(OpenEngagement(wide))).refusal
        #expect(refusal?.field == "windows[0]")
        #expect(refusal?.message.contains("no real desk needs more") == true)
    }

    @Test("a trip stay of 500 years, or a trip longer than a year, is refused with the span in the error")
    func tripSpans() {
        let century = Trip(
            id: "long", title: "Long", principal: "trump",
            stays: [
                Stay(
                    venue: "panmunjom", lodging: "Tent", period: TimeWindow(from: Self.year(2019), to: Self.year(2199)))
            ],
            commitments: [])
        #expect(given.when(.planTrip(century)).refusal?.field == "stays[0]")
        let spread = Trip(
            id: "spread", title: "Spread", principal: "trump",
            stays: [
                Stay(venue: "panmunjom", lodging: "A", period: TimeWindow(from: Self.year(2019), to: Self.year(2019))),
                Stay(venue: "panmunjom", lodging: "B", period: TimeWindow(from: Self.year(2021), to: Self.year(2021))),
            ], commitments: [])
        #expect(given.when(.planTrip(spread)).refusal?.field == "stays")
    }

    @Test(
        "times outside 1900–2199 are refused wherever a command carries one",
        arguments: [1, 1899, 2200, 9999])
    func timesOutOfRange(year: Int) {
        var attempt = ContactAttempt(
            id: "far", channel: "dmz-hotline", engagement: nil, at: Self.year(year), outcome: .delivered, note: "")
        #expect(given.when(.recordContactAttempt(attempt)).refusal?.field == "at")
        attempt.at = Self.year(2019)
        #expect(given.when(.recordContactAttempt(attempt)).events != nil)
    }

    @Test("playbook waits, repeats and step counts are bounded")
    func playbookNumbers() {
        func playbook(wait: Int, repeats: Int, steps: Int = 1) -> DeskCommand {
            .definePlaybook(
                DefinePlaybook(
                    Playbook(
                        id: "escalate", name: "Escalate", engagement: Fixtures.engagementID,
                        steps: Array(
                            repeating: PlaybookStep(channel: "dmz-hotline", wait: Minutes(wait), repeats: repeats),
                            count: steps))))
        }
        #expect(given.when(playbook(wait: Int.max, repeats: 1)).refusal?.field == "steps[0].wait")
        #expect(given.when(playbook(wait: 60, repeats: Int.max)).refusal?.field == "steps[0].repeat")
        #expect(given.when(playbook(wait: 60, repeats: 3, steps: DeskLimits.maxSteps + 1)).refusal?.field == "steps")
        #expect(given.when(playbook(wait: 60, repeats: 20, steps: DeskLimits.maxSteps)).events != nil)
    }

    @Test("deadline alarms and travel times are bounded")
    func alarmsAndTravel() {
        let deadline = Deadline(
            id: "answer", title: "Answer", engagement: Fixtures.engagementID, owedBy: "dprk",
            due: Fixtures.kst("06-29 22:00"), alarms: [Minutes(Int.max)])
        #expect(given.when(.setDeadline(SetDeadline(deadline))).refusal?.field == "alarms")
        var venue = Fixtures.panmunjom
        venue.id = "seoul"
        let withSeoul = Given(Fixtures.desk + [DeskEvent(at: Fixtures.opened.instant, .venueRegistered(venue))])
        let travel = TravelOverride(from: "panmunjom", to: "seoul", time: Minutes(Int.max))
        #expect(withSeoul.when(.setTravelTime(travel)).refusal?.field == "time")
    }

    @Test("coordinates that are not numbers, or off the globe, are refused")
    func coordinates() {
        for (latitude, longitude) in [(Double.nan, 0.0), (0, .infinity), (91, 0), (0, -181)] {
            var venue = Fixtures.panmunjom
            venue.id = "odd"
            venue.coordinates = Coordinates(latitude: latitude, longitude: longitude)
            #expect(given.when(.registerVenue(venue)).refusal != nil)
        }
    }

    @Test(
        "names made only of invisible characters are refused",
        arguments: [
            "", " ", "\u{200B}", "\u{00A0}", "\u{3000}", "\u{200B}\u{200C}\u{200D}\u{2060}", "\u{FEFF}", "\u{3164}",
            "\t\n", "\u{00AD}", "\u{2028}",
        ])
    func invisibleNames(name: String) {
        #expect(given.when(.registerParty(Party(id: "ghost", name: name))).refusal?.field == "name")
    }

    @Test("names with control characters or beyond 200 characters are refused; ordinary names pass")
    func nameShapes() {
        #expect(given.when(.registerParty(Party(id: "a", name: "Line\rbreak"))).refusal?.field == "name")
        #expect(given.when(.registerParty(Party(id: "a", name: String(repeating: "x", count: 201)))).refusal != nil)
        for name in ["大韓民国", "Côte d’Ivoire", "X", "조선민주주의인민공화국"] {
            #expect(given.when(.registerParty(Party(id: "a", name: name))).events != nil)
        }
    }

    @Test(
        "offsets: only Z, ±HH:MM and ±HHMM up to 14 hours",
        arguments: [
            ("2026-12-01 10:00 +-9-9", false), ("2026-12-01 10:00 +09:00", true), ("2026-12-01 10:00 -0500", true),
            ("2026-12-01 10:00 +14:00", true), ("2026-12-01 10:00 +14:01", false), ("2026-12-01 10:00 +9:00", false),
            ("2026-12-01 10:00 +09:60", false), ("2026-12-01 10:00 ++0900", false), ("2026-12-01 10:00 +0a:00", false),
            ("2026-12-01 10:00 Z", true), ("2026-12-01 10:00 -00:00", true), ("2026-12-01 10:00 +09:0", false),
        ])
    func offsets(text: String, valid: Bool) {
        let parsed = try? ZonedTime.parse(text, field: "at", defaultZone: Fixtures.seoul)
        #expect((parsed != nil) == valid)
    }

    @Test("a time no calendar can show is displayed as invalid, not trapped on")
    func absurdInstant() {
        let time = ZonedTime(Date(timeIntervalSince1970: 1e300), zone: Fixtures.seoul)
        #expect(time.display.contains("invalid"))
    }
}
