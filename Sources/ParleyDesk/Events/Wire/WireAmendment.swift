import Foundation

/// An amendment's when, why and what changed, as the log writes it: `{"at", "reason", "changed"}`.
struct WireAmendment: Codable, Sendable, Equatable {
    /// When.
    var at: WireZonedTime
    /// Why.
    var reason: String
    /// The fields that changed.
    var changed: [String]

    /// The wire form of `amendment`.
    init(_ amendment: Amendment) {
        at = WireZonedTime(amendment.at)
        reason = amendment.reason
        changed = amendment.changed
    }

    /// The desk's amendment.
    /// - Throws: `PayloadValueError` for an unknown zone.
    func value(field: String) throws -> Amendment {
        Amendment(at: try at.value(field: field + ".at"), reason: reason, changed: changed)
    }
}
