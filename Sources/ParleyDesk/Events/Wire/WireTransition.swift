import Foundation

/// A lifecycle move as the log writes it: `{"from", "to", "at", "by", "reason"}`.
struct WireTransition: Codable, Sendable, Equatable {
    /// The state left.
    var from: String
    /// The state entered.
    var to: String
    /// When.
    var at: WireZonedTime
    /// Who moved it.
    var by: String
    /// Why.
    var reason: String

    /// The wire form of `transition`.
    init(_ transition: EngagementTransition) {
        from = transition.from.rawValue
        to = transition.to.rawValue
        at = WireZonedTime(transition.at)
        by = transition.by
        reason = transition.reason
    }

    /// The desk's transition.
    /// - Throws: `PayloadValueError` for an unknown state or zone.
    func value(field: String) throws -> EngagementTransition {
        EngagementTransition(
            from: try WireValue.token(from, field: field + ".from"), to: try WireValue.token(to, field: field + ".to"),
            at: try at.value(field: field + ".at"), by: by, reason: reason)
    }
}
