import Foundation

/// The ranges no real desk leaves: what decide refuses on the way in, and what the read models show as
/// invalid (and leave out of their arithmetic) when a log written before these limits already holds it.
///
/// One place for both, so that what is refused and what is reported as invalid can never disagree.
/// Every value is far beyond any meeting the desk was built for; the why of each is on its line.
public enum DeskLimits {
    private static let day = 1_440

    // MARK: Lengths of time

    /// Advance task duration and lead time: a year of work is a programme, not something done before a meeting.
    public static let longestTask = Minutes(365 * day)
    /// Meeting length: the longest summits (Camp David, 1978) ran 13 days.
    public static let longestMeeting = Minutes(14 * day)
    /// Playbook wait and deadline alarm lead: an unanswered channel is escalated within a season, not after it.
    public static let longestWait = Minutes(90 * day)
    /// Playbook repeats: a channel tried twenty times without an answer is not answering.
    public static let repeats = 1...20
    /// Travel between two venues: a week covers any journey on earth, with its stops.
    public static let longestTravel = Minutes(7 * day)

    // MARK: Instants and spans

    /// The earliest instant the desk holds (1900-01-01 UTC): older history is not planned on a desk.
    public static let earliest = Date(timeIntervalSince1970: -2_208_988_800)
    /// The first instant the desk no longer holds (2200-01-01 UTC): nothing is scheduled two centuries ahead.
    public static let latest = Date(timeIntervalSince1970: 7_258_118_400)
    /// A time window, stay or commitment, in seconds: two years is longer than any term's travel plan.
    public static let longestRange: TimeInterval = 731 * 86_400
    /// A trip from first arrival to last departure, in seconds: a year and a day covers a world tour.
    public static let longestTrip: TimeInterval = 366 * 86_400

    // MARK: Counts and sizes

    /// Priorities: 1 (highest) to 5 (lowest), the scale the assessment and the planner read.
    public static let priorities = 1...5
    /// Items in one list of a command (stays, commitments, tasks, venues, windows, dependencies): a few
    /// hundred is a long trip planned in detail; more is a script.
    public static let maxItems = 200
    /// Steps of one playbook: twenty channels is more than any counterpart has.
    public static let maxSteps = 20
    /// Alarms of one deadline: more than ten reminders is noise.
    public static let maxAlarms = 10
    /// A name or title, in characters: a line on a page.
    public static let maxName = 200
    /// Free text (a note, a reason, a quote), in characters: a few pages.
    public static let maxText = 10_000

    // MARK: Coordinates

    /// Latitude, degrees north.
    public static let latitude = -90.0...90.0
    /// Longitude, degrees east.
    public static let longitude = -180.0...180.0

    // MARK: Checks the read models share

    /// Whether `instant` lies in `earliest..<latest`.
    public static func holds(_ instant: Date) -> Bool { instant >= earliest && instant < latest }

    /// Whether `window` has both ends held, opens no later than it closes, and lasts at most `longest` seconds.
    public static func holds(_ window: TimeWindow, longest: TimeInterval = longestRange) -> Bool {
        let from = window.from.instant
        let to = window.to.instant
        return holds(from) && holds(to) && from <= to && to.timeIntervalSince(from) <= longest
    }

    /// Whether `coordinates` are a point on the earth (finite, within the latitude and longitude ranges).
    public static func holds(_ coordinates: Coordinates) -> Bool {
        latitude.contains(coordinates.latitude) && longitude.contains(coordinates.longitude)
    }
}

extension Int {
    /// `value` rounded toward zero and clamped to `Int`'s range, 0 for NaN.
    ///
    /// For numbers that came from a stored value, where `Int(_:)` would trap on NaN, infinity or anything
    /// out of range.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.223_372_036_854_775e18 {
            self = .max
        } else if value <= -9.223_372_036_854_775e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}

extension Int {
    /// One more, or `Int.max` itself: a 0-based index (a playbook step) counted from 1 for people,
    /// without trapping on a stored `Int.max`.
    public var countedFromOne: Int { self == .max ? self : self + 1 }
}
