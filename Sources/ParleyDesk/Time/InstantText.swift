import Foundation

/// The machine form of an instant: `2019-06-29T22:51:00.000Z`, UTC to the millisecond.
public enum InstantText {
    /// Formats `date` in UTC to the nearest millisecond.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds.floorDivided(by: 1000)
        let c = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
            Int(milliseconds - seconds * 1000))
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
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
