import Foundation

/// A time as the log writes it: `{"approximate": …, "instant": …, "zone": …}`.
struct WireZonedTime: Codable, Sendable, Equatable {
    /// Whether the source gave it only roughly (`~` in scenario files).
    var approximate: Bool
    /// The instant, in UTC, to the millisecond.
    var instant: Date
    /// The IANA zone it was given in.
    var zone: String

    /// The wire form of `time`.
    init(_ time: ZonedTime) {
        approximate = time.approximate
        instant = time.instant
        zone = time.zone.identifier
    }

    /// The desk's time.
    /// - Throws: `PayloadValueError` for an unknown zone.
    func value(field: String) throws -> ZonedTime {
        ZonedTime(instant, zone: try WireValue.zone(zone, field: field + ".zone"), approximate: approximate)
    }
}
