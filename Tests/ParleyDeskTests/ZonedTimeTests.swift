import Foundation
import ParleyDesk
import ParleyTestSupport
import Testing

@Suite("Times and zones")
struct ZonedTimeTests {
    private func parse(_ text: String, defaultZone: TimeZoneID? = nil) throws -> ZonedTime {
        try ZonedTime.parse(text, field: "at", defaultZone: defaultZone)
    }

    @Test(
        "local times in Seoul, Tokyo and New York are stored as the right UTC instant",
        arguments: [
            ("2019-06-29 07:51 Asia/Seoul", "2019-06-28T22:51:00.000Z", "2019-06-29 07:51 KST"),
            ("2019-06-29 07:51 Asia/Tokyo", "2019-06-28T22:51:00.000Z", "2019-06-29 07:51 JST"),
            ("2026-01-15 09:00 America/New_York", "2026-01-15T14:00:00.000Z", "2026-01-15 09:00 EST"),
            ("2026-07-15 09:00 America/New_York", "2026-07-15T13:00:00.000Z", "2026-07-15 09:00 EDT"),
            ("2019-06-29T07:51:30Z", "2019-06-29T07:51:30.000Z", "2019-06-29 07:51 UTC"),
        ])
    func instants(text: String, utc: String, display: String) throws {
        let time = try parse(text)
        #expect(InstantText.format(time.instant) == utc)
        #expect(time.display == display)
    }

    @Test(
        "current IANA names that Linux Foundation's list lacks are accepted; abbreviations and bare offsets are not",
        arguments: [
            ("Asia/Kolkata", true), ("Asia/Calcutta", true), ("Asia/Kathmandu", true), ("Europe/Kyiv", true),
            ("KST", false), ("GMT+9", false), ("Etc/GMT-9", false), ("Foo/Bar", false),
        ])
    func zoneNames(name: String, accepted: Bool) {
        #expect(((try? TimeZoneID.validated(name, field: "zone")) != nil) == accepted, "\(name)")
    }

    @Test("a New York deadline across the spring change keeps its wall-clock meaning")
    func acrossSpringForward() throws {
        // The day before and the day after 2026-03-08, when New York moves from UTC-5 to UTC-4.
        let before = try parse("2026-03-07 12:00 America/New_York")
        let after = try parse("2026-03-08 12:00 America/New_York")
        #expect(after.instant.timeIntervalSince(before.instant) == 23 * 3600)
        #expect(before.display == "2026-03-07 12:00 EST")
        #expect(after.display == "2026-03-08 12:00 EDT")
    }

    @Test("a local time the spring change skips is refused")
    func skippedLocalTime() {
        #expect(throws: DeskError.self) { try parse("2026-03-08 02:30 America/New_York") }
    }

    @Test("a local time the autumn change repeats needs an offset, and each offset is its own instant")
    func repeatedLocalTime() throws {
        #expect(throws: DeskError.self) { try parse("2026-11-01 01:30 America/New_York") }
        let first = try parse("2026-11-01 01:30 -04:00 America/New_York")
        let second = try parse("2026-11-01 01:30 -05:00 America/New_York")
        #expect(second.instant.timeIntervalSince(first.instant) == 3600)
        #expect(first.scenarioText == "2026-11-01 01:30 -04:00 America/New_York")
        #expect(try parse(second.scenarioText) == second)
        #expect(throws: DeskError.self) { try parse("2026-11-01 01:30 +09:00 America/New_York") }
    }

    @Test(
        "the scenario form reads back to the same time",
        arguments: [
            "2019-06-29 07:51 Asia/Seoul", "~2019-06-29 13:00 Asia/Seoul", "2025-10-10 09:00:30 America/New_York",
            "2026-03-08 03:00 America/New_York",
        ])
    func scenarioRoundTrip(text: String) throws {
        let time = try parse(text)
        #expect(time.scenarioText == text)
        #expect(try parse(time.scenarioText) == time)
    }

    @Test("approximate times are marked with ~ and shown with it")
    func approximate() throws {
        let time = try parse("~2019-06-29 13:00 Asia/Seoul")
        #expect(time.approximate)
        #expect(time.display == "~2019-06-29 13:00 KST")
    }

    @Test("a time without a zone takes the default zone, and without one is refused")
    func defaultZone() throws {
        let seoul = try TimeZoneID.validated("Asia/Seoul", field: "zone")
        #expect(try parse("2019-06-29 07:51", defaultZone: seoul).zone == seoul)
        #expect(throws: DeskError.self) { try parse("2019-06-29 07:51") }
    }

    @Test(
        "malformed times are refused with what was expected",
        arguments: [
            "yesterday", "2019-13-01 10:00 Asia/Seoul", "2019-02-30 10:00 Asia/Seoul", "2019-06-29 25:00 Asia/Seoul",
            "2019-06-29 07:51 Asia/Atlantis", "2019-06-29 07:51 Asia/Seoul extra",
        ])
    func malformed(text: String) {
        #expect {
            try parse(text)
        } throws: { error in
            guard case .invalidValue(let field, _, let found) = error as? DeskError else { return false }
            return field == "at" && !found.isEmpty && text.contains(found)
        }
    }

    @Test("machine instants keep milliseconds through text")
    func instantText() {
        let date = InstantText.rounded(Date(timeIntervalSince1970: 1_561_848_660.049))
        #expect(InstantText.parse(InstantText.format(date)) == date)
        #expect(InstantText.format(date) == "2019-06-29T22:51:00.049Z")
    }

    @Test("machine instants read the same as Foundation's calendar says, across eras, leap days and year ends")
    func instantTextMatchesCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        var random = SeededRandom(seed: 1_561_848_660)
        let edges: [Int64] = [
            0, -1, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, -2_208_988_800_000, 253_402_300_799_999,
        ]
        let samples =
            edges + (0..<1_500).map { _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &random) }
        for milliseconds in samples {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let seconds = Int64((Double(milliseconds) / 1000).rounded(.down))
            let c = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                Int(milliseconds - seconds * 1000))
            #expect(InstantText.format(date) == expected)
            if InstantText.format(date) != expected { break }
        }
    }

    @Test("zone abbreviations are Parley's own, with an offset where none is customary")
    func abbreviations() throws {
        let instant = try parse("2019-06-29 07:51 Asia/Seoul").instant
        #expect(try TimeZoneID.validated("Asia/Pyongyang", field: "z").abbreviation(at: instant) == "KST")
        #expect(try TimeZoneID.validated("Asia/Kathmandu", field: "z").abbreviation(at: instant) == "UTC+5:45")
        // The usual names for zones Linux Foundation only calls GMT+n.
        let summer = Date(timeIntervalSince1970: 1_907_000_000)  // June 2030
        #expect(try TimeZoneID.validated("Europe/Zurich", field: "z").abbreviation(at: summer) == "CEST")
        #expect(try TimeZoneID.validated("Asia/Karachi", field: "z").abbreviation(at: summer) == "PKT")
    }
}
