import Foundation

/// How exactly a reported time is known: to the minute, only the day, or only a span of days.
///
/// A source may say only "on 31 March", "31 March–1 April" or "in early June". The time's instant is then
/// the start of that day or span (the earliest it can have been), and the precision says how far it
/// reaches, so it is shown as it was given, never as a made-up clock time.
public enum TimePrecision: Hashable, Sendable {
    /// Known to the minute (the usual case).
    case minute
    /// Known to the day: the instant is the day's start in the time's zone.
    case day
    /// Known to a span of days: from the instant up to, not including, `until` (a later day's start).
    case span(until: Date)

    /// The token the log's envelope and the API write (`day`, `span`); nil for `minute`.
    public var token: String? {
        switch self {
        case .minute: nil
        case .day: "day"
        case .span: "span"
        }
    }

    /// The end of a span, if this is one.
    public var until: Date? {
        if case .span(let until) = self { return until }
        return nil
    }

    /// The precision a token and end say; nil for a token this version does not know.
    public init?(token: String?, until: Date?) {
        switch token {
        case nil, "minute": self = .minute
        case "day": self = .day
        case "span":
            guard let until else { return nil }
            self = .span(until: until)
        default: return nil
        }
    }
}
