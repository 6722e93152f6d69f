import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

/// The hardening rules kept for what came after them: corrections, amendments, reported spans and the
/// short texts added since (issue 12's classes, found again in issue 14's commands).
@Suite("Hardening of later commands")
struct LaterHardeningTests {
    static let later = Fixtures.kst("06-29 15:00")

    @Test("a change of the desk's settings cannot be retracted (an officer would undo an admin's webhook)")
    func deskAmendmentIsNotRetractable() throws {
        // Given a desk whose webhook an admin removed (entry 9)
        let given = Given(Fixtures.desk)
        let amend = try #require(
            given.when(
                .amendRecord(
                    AmendRecord(
                        .desk(title: "DMZ, June 2019", zone: Fixtures.seoul, webhook: nil), at: Self.later,
                        reason: "Retitled")
                )
            ).events)
        #expect(amend.count == 1)
        // When someone retracts that entry
        let refusal = Given(Fixtures.desk + amend).when(
            .retractEntry(RetractEntry(entry: 9, reason: "Undo", at: Self.later.instant))
        ).refusal
        // Then it is refused, and the message says how to correct it
        #expect(refusal?.field == "entry")
        #expect(refusal?.message.contains("amend the desk again") == true)
    }

    @Test("a retraction's time is bounded like every other time")
    func retractionTime() throws {
        let given = Given(Fixtures.desk + [DeskEvent(at: Self.later.instant, .signalRecorded(Fixtures.signal("s")))])
        let farFuture = Date(timeIntervalSince1970: 8_000_000_000)  // the year 2223
        #expect(
            given.when(.retractEntry(RetractEntry(entry: 9, reason: "r", at: farFuture))).refusal?.field == "at")
    }

    @Test("a reported span of days must end by the last year a desk records")
    func spanEnd() throws {
        let span = try ZonedTime.parseReported("30 Dec 2199 – 2 Jan 2200", field: "at", defaultZone: Fixtures.seoul)
        var signal = Fixtures.signal("late")
        signal.at = span
        #expect(Given(Fixtures.desk).when(.recordSignal(signal)).refusal?.field == "at")
        let fine = try ZonedTime.parseReported("28–29 June 2019", field: "at", defaultZone: Fixtures.seoul)
        signal.at = fine
        #expect(Given(Fixtures.desk).when(.recordSignal(signal)).events?.count == 1)
    }

    @Test(
        "short texts shown on one line refuse line breaks: a task's owner, a stay's lodging, an office, a city",
        arguments: ["owner", "lodging", "title", "city"])
    func oneLineTexts(field: String) {
        let broken = "Advance\nteam"
        let command: DeskCommand
        switch field {
        case "owner":
            var task = Fixtures.task("t1")
            task.owner = broken
            command = .addAdvanceTasks(AddAdvanceTasks([task]))
        case "lodging":
            command = .planTrip(
                Trip(
                    id: "t", title: "T", principal: "trump",
                    stays: [
                        Stay(
                            venue: "panmunjom", lodging: broken,
                            period: TimeWindow(from: Fixtures.kst("06-29 10:00"), to: Fixtures.kst("06-30 10:00")))
                    ], commitments: []))
        case "title":
            command = .registerPrincipal(Principal(id: "moon", name: "Moon", title: broken, party: "us"))
        default:
            var venue = Fixtures.panmunjom
            venue.id = "other"
            venue.city = broken
            command = .registerVenue(venue)
        }
        let refusal = Given(Fixtures.desk).when(command).refusal
        #expect(refusal?.field.map { $0.hasSuffix(field) } == true, "\(String(describing: refusal))")
    }
}
