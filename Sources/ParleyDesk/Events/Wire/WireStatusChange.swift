import Foundation

/// A channel's change of status as the log writes it: `{"from", "to", "at", "reason"}`.
struct WireStatusChange: Codable, Sendable, Equatable {
    /// The status left.
    var from: String
    /// The status entered.
    var to: String
    /// When.
    var at: WireZonedTime
    /// Why.
    var reason: String

    /// The wire form of `change`.
    init(_ change: ChannelStatusChange) {
        from = change.from.rawValue
        to = change.to.rawValue
        at = WireZonedTime(change.at)
        reason = change.reason
    }

    /// The desk's change.
    /// - Throws: `PayloadValueError` for an unknown status or zone.
    func value(field: String) throws -> ChannelStatusChange {
        ChannelStatusChange(
            from: try WireValue.token(from, field: field + ".from"), to: try WireValue.token(to, field: field + ".to"),
            at: try at.value(field: field + ".at"), reason: reason)
    }
}
