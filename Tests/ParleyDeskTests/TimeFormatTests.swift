import Foundation
import ParleyTestSupport
import Testing

@testable import ParleyDesk

/// Times are written as a calendar shows them, whatever the year.
@Suite("Writing times")
struct TimeFormatTests {
    /// What the Gregorian calendar in UTC says for `instant`, as `scenarioText` writes it.
    private static func calendarText(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        let year = c.year.map { String(repeating: "0", count: max(0, 4 - String($0).count)) + String($0) } ?? "????"
        let base = "\(year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
        return (c.second ?? 0) == 0 ? base + " UTC" : base + ":" + two(c.second) + " UTC"
    }

    @Test(
        "edge days are written as the calendar writes them: leap days, century years, before 1970, the first and last years",
        arguments: [
            "2000-02-29T23:59:59Z", "1900-03-01T00:00:00Z", "1969-12-31T23:59:30Z", "1970-01-01T00:00:00Z",
            "1583-01-01T00:00:00Z", "9999-12-31T23:59:00Z", "2100-02-28T12:00:07Z", "1600-02-29T06:30:00Z",
            "1582-10-15T00:00:00Z", "1500-06-01T12:00:00Z",
        ])
    func edges(text: String) throws {
        let instant = try #require(ISO8601DateFormatter().date(from: text))
        #expect(ZonedTime(instant, zone: .utc).scenarioText == Self.calendarText(instant))
    }

    @Test("ten thousand instants from 1583 to 9999 are written as the calendar writes them, to the second")
    func agreesWithTheCalendar() {
        var random = SeededRandom(seed: 17)
        for _ in 0..<10_000 {
            let seconds = Double.random(in: -12_212_553_600.0..<253_402_300_800.0, using: &random)
            let instant = Date(timeIntervalSince1970: seconds.rounded(.down))
            #expect(ZonedTime(instant, zone: .utc).scenarioText == Self.calendarText(instant), "\(seconds)")
        }
    }
}
