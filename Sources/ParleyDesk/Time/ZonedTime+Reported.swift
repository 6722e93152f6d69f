import Foundation

extension ZonedTime {
    /// What a reported time may be written as, for refusals.
    static let reportedForms =
        "a time like 2019-06-29 07:51 Asia/Seoul, a day (2018-03-31, 31 Mar 2018), or a span of days "
        + "(2018-03-31 – 2018-04-01, 31 Mar–1 Apr 2018, early June 2030, June 2030); ~ in front for approximate"

    /// Parses a reported time: a time to the minute as `parse` reads it, or a day, or a span of days, with
    /// the precision kept (the instant is the start of the day or span, in the zone).
    ///
    /// Days: `2018-03-31`, `31 Mar 2018`. Spans: `2018-03-31 – 2018-04-01` (or `to`), `31 Mar–1 Apr 2018`,
    /// `12–14 June 2030`, `early June 2030` (1st–10th), `mid June 2030` (11th–20th), `late June 2030`
    /// (21st–end), `June 2030`. Each may end with an IANA zone and start with `~`.
    /// - Throws: `DeskError.invalidValue` naming `field`.
    public static func parseReported(_ text: String, field: String, defaultZone: TimeZoneID?) throws(DeskError)
        -> ZonedTime
    {
        do {
            return try parse(text, field: field, defaultZone: defaultZone)
        } catch {
            // A date with a clock time was meant to the minute: its own refusal (a local time a
            // daylight-saving change skips or repeats, an unknown zone) says more than the list of forms.
            let plain = Array(text.trimmingCharacters(in: .whitespaces).drop { $0 == "~" || $0 == " " })
            if plain.count >= 16, plain[4] == "-", plain[7] == "-", plain[10] == " " || plain[10] == "T",
                plain[13] == ":"
            {
                throw error
            }
        }
        func fail() -> DeskError { .invalidValue(field: field, expected: reportedForms, found: text) }
        var rest = text.trimmingCharacters(in: .whitespaces)
        let approximate = rest.hasPrefix("~")
        if approximate { rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) }
        var words = rest.split(separator: " ").map(String.init)
        var zone = defaultZone
        if let last = words.last, last.contains("/") || last == "UTC" {
            zone = try TimeZoneID.validated(last, field: field)
            words.removeLast()
        }
        guard let zone else {
            throw .invalidValue(field: field, expected: "a day or span that names its zone", found: text)
        }
        guard let (first, last) = ReportedDays.read(words.joined(separator: " ")) else { throw fail() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        func start(_ day: ReportedDays.Day) -> Date? {
            let components = DateComponents(year: day.year, month: day.month, day: day.day)
            guard (1...9999).contains(day.year), components.isValidDate(in: calendar) else { return nil }
            return calendar.date(from: components).map { calendar.startOfDay(for: $0) }
        }
        guard let from = start(first), let lastStart = start(last),
            let until = calendar.date(byAdding: .day, value: 1, to: lastStart)
        else { throw fail() }
        guard until > from else {
            throw .invertedRange(field: field, from: first.text, to: last.text)
        }
        guard until.timeIntervalSince(from) <= 367 * 86_400 else {
            throw .invalidValue(field: field, expected: "a span of at most a year", found: text)
        }
        let precision: TimePrecision = first == last ? .day : .span(until: until)
        return ZonedTime(from, zone: zone, approximate: approximate, precision: precision)
    }
}

/// Reads the days of a reported day or span, without a zone: `2018-03-31`, `31 Mar 2018`,
/// `31 Mar–1 Apr 2018`, `2018-03-31 – 2018-04-01`, `early June 2030`, `June 2030`.
enum ReportedDays {
    /// A calendar day.
    struct Day: Equatable {
        var year: Int
        var month: Int
        var day: Int
        var text: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    /// The first and last day the text names, or nil when it names none.
    static func read(_ text: String) -> (Day, Day)? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        // A part of a month, or a whole month.
        let words = text.split(separator: " ").map { $0.lowercased() }
        if words.count == 3, let part = ["early", "mid", "late"].firstIndex(of: words[0]),
            let month = month(words[1]), let year = Int(words[2])
        {
            let lastDay = daysIn(month, year)
            let ranges = [(1, 10), (11, 20), (21, lastDay)]
            return (
                Day(year: year, month: month, day: ranges[part].0), Day(year: year, month: month, day: ranges[part].1)
            )
        }
        if words.count == 2, let month = month(words[0]), let year = Int(words[1]) {
            return (Day(year: year, month: month, day: 1), Day(year: year, month: month, day: daysIn(month, year)))
        }
        // Two ends: "a – b", "a to b", "a—b", "a–b" (a hyphen only with spaces, as dates hold hyphens).
        for separator in [" – ", " — ", " - ", " to ", "–", "—"] {
            guard let range = text.range(of: separator) else { continue }
            let left = String(text[..<range.lowerBound])
            let right = String(text[range.upperBound...])
            guard let end = day(right, context: nil), let start = day(left, context: end) else { return nil }
            return (start, end)
        }
        guard let single = day(text, context: nil) else { return nil }
        return (single, single)
    }

    /// `2018-03-31`, `31 Mar 2018`, or (given the span's other end for what is left out) `31 Mar` or `31`.
    private static func day(_ text: String, context: Day?) -> Day? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "-")
        if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        {
            return Day(year: year, month: month, day: day)
        }
        let words = text.split(separator: " ").map { $0.lowercased() }
        guard let first = words.first, let day = Int(first) else { return nil }
        switch words.count {
        case 3:
            guard let month = month(words[1]), let year = Int(words[2]) else { return nil }
            return Day(year: year, month: month, day: day)
        case 2:
            guard let context, let month = month(words[1]) else { return nil }
            return Day(year: context.year, month: month, day: day)
        case 1:
            guard let context else { return nil }
            return Day(year: context.year, month: context.month, day: day)
        default:
            return nil
        }
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// A month's number from its English name or first three letters (`Mar`, `march`, `Sept`).
    private static func month(_ word: String) -> Int? {
        let word = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard word.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        guard (1...12).contains(month) else { return 31 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let start = calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date()
        return calendar.range(of: .day, in: .month, for: start)?.count ?? 31
    }
}
