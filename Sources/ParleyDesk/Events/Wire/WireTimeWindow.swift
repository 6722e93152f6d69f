import Foundation

/// A time window as the log writes it: `{"from": …, "to": …}`.
struct WireTimeWindow: Codable, Sendable, Equatable {
    /// Its start.
    var from: WireZonedTime
    /// Its end.
    var to: WireZonedTime

    /// The wire form of `window`.
    init(_ window: TimeWindow) {
        from = WireZonedTime(window.from)
        to = WireZonedTime(window.to)
    }

    /// The desk's window.
    /// - Throws: `PayloadValueError` for an unknown zone.
    func value(field: String) throws -> TimeWindow {
        TimeWindow(from: try from.value(field: field + ".from"), to: try to.value(field: field + ".to"))
    }
}
