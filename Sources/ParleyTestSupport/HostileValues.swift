import Foundation
import ParleyDesk

/// Extreme and hostile values for every kind of field a command or an event carries, drawn from a seed.
///
/// The edges of `Int`, zero and negatives, NaN and infinite degrees, the years 1 and 9999 and the edges
/// of `DeskLimits`, blank, invisible, control and huge text, unknown ids and ids already taken. About
/// half the draws are ordinary, so that sequences get far enough for the hostile ones to matter.
public struct HostileValues {
    private var random: SeededRandom
    /// One draw in this many is hostile; the rest are ordinary.
    public let hostility: Int

    /// Values for `seed`, hostile one draw in `hostility`: the same seed draws the same values.
    public init(seed: UInt64, hostility: Int = 2) {
        random = SeededRandom(seed: seed)
        self.hostility = max(hostility, 1)
    }

    /// Whether this draw is a hostile one.
    private mutating func hostile() -> Bool { chance(hostility) }

    /// Whole numbers at every edge a count, priority, index or length can hit.
    public static let edgeInts = [
        Int.max, Int.min, Int.max - 1, Int.min + 1, 0, -1, 1, 2, 5, 6, 20, 21, 200, 201, 1_000, 525_600, 525_601,
        Int(Int32.max), Int(Int32.min),
    ]

    /// Degrees that are not on the earth, or only just.
    public static let edgeDegrees = [
        Double.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 90, -90, 180, -180,
        90.000_001, -180.000_001, 0, -0.0, .leastNonzeroMagnitude,
    ]

    /// Instants at the edges of what a desk and its log can hold.
    public static let edgeInstants =
        [
            -62_135_596_800.0,  // 0001-01-01T00:00:00Z
            253_402_300_799,  // 9999-12-31T23:59:59Z
            -2_208_988_801,  // a second before 1900
            -2_208_988_800,  // 1900-01-01T00:00:00Z
            7_258_118_399,  // the last second before 2200
            7_258_118_400,  // 2200-01-01T00:00:00Z
            0, -0.001, 1_561_852_800.5,
        ].map { Date(timeIntervalSince1970: $0) } + [Date.distantPast, Date.distantFuture]

    /// Text a form, an API client or an old log can hold: blank, invisible, control, markup, huge.
    public static let edgeTexts = [
        "", " ", "\u{200B}", "\u{00A0}", "\u{3000}", "\u{FEFF}", "\u{3164}", "\n", "\r\n\t", "a\u{0}b", "\u{7F}",
        "<script>alert(1)</script>", "\"'&<>", "}}{{", "\u{202E}reversed", "👩‍👩‍👧‍👦",
        "e" + String(repeating: "\u{301}", count: 500),
        String(repeating: "x", count: 20_000), "null", "~", "- dash", "# hash", "&amp;", "%s%n", "../../etc",
    ]

    /// Zones with odd offsets and daylight-saving rules.
    public static let zones = [
        "UTC", "Asia/Seoul", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/St_Johns",
        "Australia/Lord_Howe", "Antarctica/Troll", "America/New_York", "Europe/London",
    ].compactMap { try? TimeZoneID.validated($0, field: "zone") }

    /// True about once in `odds` draws.
    public mutating func chance(_ odds: Int) -> Bool { Int.random(in: 0..<odds, using: &random) == 0 }

    /// A whole number from `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// One of `items`.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    /// One of `items` or, about once in three, nil.
    public mutating func maybe<T>(_ items: [T]) -> T? { items.isEmpty || chance(3) ? nil : pick(items) }

    /// An edge whole number half the time, else one of `ordinary`.
    public mutating func int(ordinary: ClosedRange<Int> = 0...100) -> Int {
        hostile() ? pick(Self.edgeInts) : int(in: ordinary)
    }

    /// A length at an edge half the time, else an ordinary one of up to two days.
    public mutating func minutes() -> Minutes { Minutes(int(ordinary: 1...2_880)) }

    /// Degrees off the earth half the time, else within `limit`.
    public mutating func degrees(limit: Double) -> Double {
        hostile() ? pick(Self.edgeDegrees) : Double(int(in: -1_000...1_000)) / 1_000 * limit
    }

    /// A point, often off the earth.
    public mutating func coordinates() -> Coordinates {
        Coordinates(latitude: degrees(limit: 90), longitude: degrees(limit: 180))
    }

    /// An instant at an edge half the time, else in 2019–2020, sometimes off the whole minute.
    public mutating func instant() -> Date {
        guard !hostile() else { return pick(Self.edgeInstants) }
        let seconds = Double(int(in: 0...1_000_000)) * 60 + (chance(4) ? Double(int(in: 1...59)) : 0)
        return Date(timeIntervalSince1970: 1_546_300_800 + seconds)
    }

    /// A zone from `zones`.
    public mutating func zone() -> TimeZoneID { pick(Self.zones) }

    /// A time in a random zone, sometimes approximate.
    public mutating func time() -> ZonedTime { ZonedTime(instant(), zone: zone(), approximate: chance(4)) }

    /// A reported time: to the minute, a day, or a span of days that may be inverted, centuries long or
    /// end past every limit.
    public mutating func reportedTime() -> ZonedTime {
        let start = time()
        switch int(in: 0...4) {
        case 0: return ZonedTime(start.instant, zone: start.zone, precision: .day)
        case 1:
            let days = Double(pick([1, 2, 30, 400, 100_000]))
            return ZonedTime(
                start.instant, zone: start.zone,
                precision: .span(until: start.instant.addingTimeInterval(days * 86_400)))
        case 2:
            return ZonedTime(start.instant, zone: start.zone, precision: .span(until: pick(Self.edgeInstants)))
        default: return start
        }
    }

    /// A span: ordinary, inverted, centuries long, or from year 1 to 9999.
    public mutating func window() -> TimeWindow {
        let from = time()
        switch hostile() ? int(in: 0...3) : 4 {
        case 0: return TimeWindow(from: from, to: ZonedTime(from.instant.addingTimeInterval(-3_600), zone: from.zone))
        case 1:
            return TimeWindow(
                from: from, to: ZonedTime(from.instant.addingTimeInterval(500 * 365 * 86_400), zone: from.zone))
        case 2:
            return TimeWindow(
                from: ZonedTime(Self.edgeInstants[0], zone: .utc), to: ZonedTime(Self.edgeInstants[1], zone: .utc))
        case 3: return TimeWindow(from: from, to: time())
        default:
            let hours = Double(int(in: 1...96))
            return TimeWindow(from: from, to: ZonedTime(from.instant.addingTimeInterval(hours * 3_600), zone: zone()))
        }
    }

    /// Hostile text half the time, else an ordinary word.
    public mutating func text() -> String {
        hostile() ? pick(Self.edgeTexts) : pick(["Panmunjom", "hotline", "a letter", "Busan", "envoy 판문점"])
    }

    /// A count for a list: mostly small, sometimes past `DeskLimits.maxItems`.
    public mutating func count() -> Int { hostile() && chance(6) ? DeskLimits.maxItems + 1 : int(in: 0...4) }

    /// The id of something known (from `known`), something unknown, or a malformed one.
    public mutating func reference<Subject>(_ known: [Identifier<Subject>]) -> Identifier<Subject> {
        if !known.isEmpty, !(hostile() && chance(2)) { return pick(known) }
        return Identifier(pick(["unknown", "", "UPPER", "with space", "../up", String(repeating: "a", count: 100)]))
    }

    /// A fresh id most of the time, else one already taken (from `known`) or a malformed one.
    public mutating func newID<Subject>(_ prefix: String, _ known: [Identifier<Subject>]) -> Identifier<Subject> {
        if !known.isEmpty, hostile() && chance(3) { return pick(known) }
        if hostile() && chance(5) {
            return Identifier(pick(["", "Bad Id", "-dash", "\u{200B}", String(repeating: "b", count: 65)]))
        }
        return Identifier("\(prefix)-\(int(in: 0...999))")
    }
}
