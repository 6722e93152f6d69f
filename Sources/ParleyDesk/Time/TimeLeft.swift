import Foundation

/// A length of time as people say it on a countdown: `2d 3h`, `5h 10m`, `45m`.
public enum TimeLeft {
    /// Whole days and hours, hours and minutes, or minutes, for `seconds` (taken as positive).
    public static func describe(_ seconds: TimeInterval) -> String {
        let minutes = Int(abs(seconds) / 60)
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(rest)m" }
        return "\(rest)m"
    }

    /// `3h 0m left` or `overdue by 2h 10m`, from `now` to `due`.
    public static func phrase(until due: Date, from now: Date) -> String {
        let left = due.timeIntervalSince(now)
        return left >= 0 ? "\(describe(left)) left" : "overdue by \(describe(left))"
    }
}
