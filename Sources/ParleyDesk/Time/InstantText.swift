import Foundation

/// The machine form of an instant: `2019-06-29T22:51:00.000Z`, UTC to the millisecond.
public enum InstantText {
    /// Formats `date` in UTC to the nearest millisecond.
    ///
    /// Computed with integer civil-calendar arithmetic rather than `Calendar` and `String(format:)`: it
    /// runs for every event hashed, and those two were a tenth of an append's time. The output is the
    /// proleptic Gregorian calendar `Calendar` uses, checked against it in the tests.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds.floorDivided(by: 1000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            if rest >= divisor * 10 {
                // A year past 9999 keeps all its digits.
                text.append(contentsOf: Array(String(rest / divisor / 10).utf8))
                rest %= divisor * 10
            }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        text.append(UInt8(ascii: "-"))
        digits(month, 2)
        text.append(UInt8(ascii: "-"))
        digits(day, 2)
        text.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3_600, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay % 3_600 / 60, 2)
        text.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        text.append(UInt8(ascii: "."))
        digits(milliseconds - seconds * 1000, 3)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Year, month and day of the day `days` after 1970-01-01, by Howard Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The JSON encoder of the log: sorted keys, instants as `format` writes them, so the same value
    /// always gives the same bytes (the hash chain depends on it).
    public static func logEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    /// The JSON decoder of the log: instants as `format` writes them.
    public static func logDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
            }
            return date
        }
        return decoder
    }

    /// Parses what `format` writes, or the same without milliseconds.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:.Z".contains($0) }).map { Int($0) }
        guard text.hasSuffix("Z"), parts.count == 6 || parts.count == 7, !parts.contains(nil) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        (components.hour, components.minute, components.second) = (parts[3], parts[4], parts[5])
        guard let date = calendar.date(from: components) else { return nil }
        let milliseconds = Int64(date.timeIntervalSince1970) * 1000 + Int64(parts.count == 7 ? parts[6]! : 0)
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Rounds `date` to whole milliseconds, the precision the log keeps, exactly as `parse(format(date))` does.
    public static func rounded(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(Int64((date.timeIntervalSince1970 * 1000).rounded())) / 1000)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}

extension Int64 {
    /// The quotient rounded toward minus infinity (days before 1970 belong to the day they fall in).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
