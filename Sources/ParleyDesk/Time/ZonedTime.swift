import Foundation

/// An instant with the zone it was given in, whether it is approximate, and how precisely it is known.
///
/// Written as `2019-06-29 07:51 Asia/Seoul`; `~` in front marks an approximate time; an offset
/// (`2026-11-01 01:30 -04:00 America/New_York`) settles a local time that a daylight-saving change makes
/// happen twice. A local time that the change skips is refused. Reported times (when something was said,
/// tried or moved) may also be a day or a span of days (`parseReported`).
public struct ZonedTime: Hashable, Sendable, Codable {
    /// The instant, in UTC.
    public var instant: Date
    /// The zone the time was given in and is shown in.
    public var zone: TimeZoneID
    /// Whether the source gives this time only roughly.
    public var approximate: Bool
    /// How precisely it is known: to the minute unless the source gave only a day or a span of days.
    public var precision: TimePrecision

    /// Wraps an instant shown in `zone`.
    public init(_ instant: Date, zone: TimeZoneID, approximate: Bool = false, precision: TimePrecision = .minute) {
        self.instant = instant
        self.zone = zone
        self.approximate = approximate
        self.precision = precision
    }

    private enum CodingKeys: String, CodingKey {
        case instant, zone, approximate, precision, until
    }

    /// Reads `{"instant", "zone", "approximate"}`, with `precision` (`day`, `span`) and `until` when given.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instant = try container.decode(Date.self, forKey: .instant)
        zone = try container.decode(TimeZoneID.self, forKey: .zone)
        approximate = try container.decode(Bool.self, forKey: .approximate)
        let token = try container.decodeIfPresent(String.self, forKey: .precision)
        guard
            let precision = TimePrecision(
                token: token, until: try container.decodeIfPresent(Date.self, forKey: .until))
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .precision, in: container, debugDescription: "unknown precision '\(token ?? "")'")
        }
        self.precision = precision
    }

    /// Writes `precision` and `until` only for a time not known to the minute, so others read as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(instant, forKey: .instant)
        try container.encode(zone, forKey: .zone)
        try container.encode(approximate, forKey: .approximate)
        try container.encodeIfPresent(precision.token, forKey: .precision)
        try container.encodeIfPresent(precision.until, forKey: .until)
    }

    /// Parses the scenario form; `defaultZone` is used when the text names none.
    /// - Throws: `DeskError.invalidValue` for a malformed, skipped or ambiguous local time, or an unknown zone.
    public static func parse(_ text: String, field: String, defaultZone: TimeZoneID?) throws(DeskError) -> ZonedTime {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        let approximate = rest.hasPrefix("~")
        if approximate { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        let expected = "a time like 2019-06-29 07:51 Asia/Seoul (optionally ~ for approximate)"
        func fail() -> DeskError { .invalidValue(field: field, expected: expected, found: text) }

        // Date and clock: yyyy-MM-dd, then a space or T, then HH:mm[:ss].
        let digits = Array(rest.prefix(19))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            let slice = digits[range]
            guard slice.allSatisfy(\.isASCII), slice.allSatisfy(\.isNumber) else { return nil }
            return Int(String(slice))
        }
        guard let year = number(0..<4), digits.count >= 16, digits[4] == "-", let month = number(5..<7),
            digits[7] == "-", let day = number(8..<10), digits[10] == " " || digits[10] == "T",
            let hour = number(11..<13), digits[13] == ":", let minute = number(14..<16)
        else { throw fail() }
        var second = 0
        var consumed = 16
        if digits.count >= 19, digits[16] == ":", let value = number(17..<19) {
            second = value
            consumed = 19
        }
        rest = rest.dropFirst(consumed)

        // Optional offset (Z, +09:00, -0500), then optional zone name.
        var offset: Int?
        var zoneName: String?
        var tokens = rest.split(separator: " ").map(String.init)
        if let first = tokens.first, first == "Z" || first.hasPrefix("+") || first.hasPrefix("-") {
            guard let seconds = parseOffset(first) else { throw fail() }
            offset = seconds
            tokens.removeFirst()
        }
        if let first = tokens.first {
            zoneName = first
            tokens.removeFirst()
        }
        guard tokens.isEmpty else { throw fail() }

        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...59).contains(second), components.isValidDate(in: Self.utcCalendar),
            let wallClock = Self.utcCalendar.date(from: components)
        else { throw fail() }

        let zone: TimeZoneID
        if let zoneName {
            zone = try TimeZoneID.validated(zoneName, field: field)
        } else if offset == 0, rest.contains("Z") {
            zone = .utc
        } else if offset != nil, let defaultZone {
            zone = defaultZone
            // A bare offset fixes the instant; the zone only decides how it is shown.
            return ZonedTime(wallClock.addingTimeInterval(-Double(offset!)), zone: zone, approximate: approximate)
        } else if let defaultZone {
            zone = defaultZone
        } else {
            throw .invalidValue(
                field: field, expected: "a time that names its zone, e.g. 2019-06-29 07:51 Asia/Seoul", found: text)
        }

        let candidates = localCandidates(wallClock, in: zone.timeZone)
        if let offset {
            guard candidates.contains(where: { $0.offset == offset }) else {
                throw .invalidValue(
                    field: field, expected: "an offset that \(zone) uses at that local time", found: text)
            }
            return ZonedTime(wallClock.addingTimeInterval(-Double(offset)), zone: zone, approximate: approximate)
        }
        switch candidates.count {
        case 1:
            return ZonedTime(candidates[0].instant, zone: zone, approximate: approximate)
        case 0:
            throw .invalidValue(
                field: field, expected: "a local time that exists in \(zone) (a daylight-saving change skips it)",
                found: text)
        default:
            let choices = candidates.map { formatOffset($0.offset) }.joined(separator: " or ")
            throw .invalidValue(
                field: field,
                expected: "an offset (\(choices)) for a local time that happens twice in \(zone)", found: text)
        }
    }

    /// The scenario form, in this time's zone, with an offset only where the local time is ambiguous; a
    /// day or a span as dates (`2018-03-31 – 2018-04-01 Asia/Seoul`).
    public var scenarioText: String {
        if let dates = datesText { return (approximate ? "~" : "") + dates + " " + zone.identifier }
        let tz = zone.timeZone
        let offset = tz.secondsFromGMT(for: instant)
        let wallClock = instant.addingTimeInterval(Double(offset))
        let ambiguous = Self.localCandidates(wallClock, in: tz).count > 1
        let prefix = approximate ? "~" : ""
        let clock = Self.format(wallClock, seconds: true)
        return prefix + clock + (ambiguous ? " " + Self.formatOffset(offset) : "") + " " + zone.identifier
    }

    /// How a person reads it: `2019-06-29 07:51 KST`, with `~` when approximate; a day or a span as dates
    /// (`2018-03-31 KST`, `2018-03-31 – 2018-04-01 KST`).
    public var display: String {
        if let dates = datesText { return (approximate ? "~" : "") + dates + " " + zone.abbreviation(at: instant) }
        return (approximate ? "~" : "") + Self.display(instant, in: zone)
    }

    /// The day, or the first and last days of the span, in this time's zone; nil for a time to the minute.
    private var datesText: String? {
        func date(_ moment: Date) -> String {
            String(
                Self.format(
                    moment.addingTimeInterval(Double(zone.timeZone.secondsFromGMT(for: moment))), seconds: false
                ).prefix(10))
        }
        switch precision {
        case .minute: return nil
        case .day: return date(instant)
        case .span(let until):
            // `until` is the next day's start: the last day is the one before it.
            return date(instant) + " – " + date(until.addingTimeInterval(-1))
        }
    }

    /// Shows `instant` in `zone` as `2019-06-29 07:51 KST`.
    public static func display(_ instant: Date, in zone: TimeZoneID) -> String {
        let wallClock = instant.addingTimeInterval(Double(zone.timeZone.secondsFromGMT(for: instant)))
        return format(wallClock, seconds: false) + " " + zone.abbreviation(at: instant)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// The instants whose local wall-clock time in `zone` is `wallClock` (none, one, or two around a change).
    private static func localCandidates(_ wallClock: Date, in zone: TimeZone) -> [(instant: Date, offset: Int)] {
        let offsets = Set([-86_400.0, 0, 86_400].map { zone.secondsFromGMT(for: wallClock.addingTimeInterval($0)) })
        return offsets.sorted(by: >).compactMap { offset in
            let instant = wallClock.addingTimeInterval(-Double(offset))
            return zone.secondsFromGMT(for: instant) == offset ? (instant, offset) : nil
        }
    }

    private static func format(_ wallClock: Date, seconds: Bool) -> String {
        // A log may hold an instant no calendar can show (written before times were bounded): say so.
        guard wallClock.timeIntervalSinceReferenceDate.isFinite,
            abs(wallClock.timeIntervalSinceReferenceDate) < 400_000 * 86_400 * 365.0
        else { return "(invalid time)" }
        let year: Int
        let month: Int
        let day: Int
        let secondOfDay: Int
        let whole = wallClock.timeIntervalSince1970.rounded(.down)
        if let civil = civilDate(secondsSince1970: whole) {
            (year, month, day, secondOfDay) = civil
        } else {
            // Before the Gregorian reform or past year 9999: as the calendar shows them (Julian before 1582).
            let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: wallClock)
            guard let y = c.year, let m = c.month, let d = c.day, let hour = c.hour, let minute = c.minute
            else { return "(invalid time)" }
            (year, month, day, secondOfDay) = (y, m, d, hour * 3600 + minute * 60 + (c.second ?? 0))
        }
        var text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        text += " " + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay % 3600 / 60, 2)
        let second = secondOfDay % 60
        return seconds && second != 0 ? text + ":" + padded(second, 2) : text
    }

    /// The proleptic Gregorian date and second of the day of a UTC instant from 1583 through 9999, by
    /// the log's own integer arithmetic (`InstantText.civil`); nil outside those years.
    ///
    /// Every page shows times: `String(format:)` and a calendar's components cost a fifth of a search
    /// page listing 200 entries.
    private static func civilDate(secondsSince1970: Double) -> (year: Int, month: Int, day: Int, second: Int)? {
        // 1583-01-01 and 10000-01-01, in seconds since 1970.
        guard secondsSince1970 >= -12_212_553_600, secondsSince1970 < 253_402_300_800 else { return nil }
        let seconds = Int64(secondsSince1970)
        let days = seconds.floorDivided(by: 86_400)
        let civil = InstantText.civil(fromDays: days)
        return (Int(civil.year), Int(civil.month), Int(civil.day), Int(seconds - days * 86_400))
    }

    /// `value` in decimal, zero-padded to `width` digits (a minus sign first when negative).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }

    /// `Z`, `+09:00`, `+0900` or `-05:00` (at most ±14:00); anything else is not an offset.
    private static func parseOffset(_ text: String) -> Int? {
        if text == "Z" { return 0 }
        guard let signCharacter = text.first, signCharacter == "+" || signCharacter == "-" else { return nil }
        var body = Array(text.dropFirst())
        if body.count == 5, body[2] == ":" { body.remove(at: 2) }
        guard body.count == 4, body.allSatisfy({ $0.isASCII && $0.isNumber }),
            let hours = Int(String(body[0..<2])), let minutes = Int(String(body[2..<4])), minutes < 60,
            hours * 60 + minutes <= 14 * 60
        else { return nil }
        return (signCharacter == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func formatOffset(_ seconds: Int) -> String {
        (seconds < 0 ? "-" : "+") + padded(abs(seconds) / 3600, 2) + ":" + padded(abs(seconds) % 3600 / 60, 2)
    }
}
