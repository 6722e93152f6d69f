import Foundation

/// `EngagementOpened`, version 1 (written until 2026-12): the model's own encoding, with a `state` and a
/// `history` that every version's rules kept at `idea` and empty, so reading it as version 2 loses nothing.
struct EngagementOpenedPayloadV1: UpcastDeskPayload {
    static let type = "EngagementOpened"
    static let version = 1

    /// The engagement's id.
    var id: String
    /// Its title.
    var title: String
    /// The principals who would meet.
    var principals: [String]
    /// The other side.
    var counterpart: String
    /// Why meet.
    var purpose: String
    /// 1 is highest.
    var priority: Int
    /// The trip it would be part of, if any.
    var trip: String?
    /// Minutes.
    var duration: Int
    /// Where it could be held.
    var venues: [String]
    /// When it could be held.
    var windows: [WireTimeWindow]
    /// When the desk first recorded it.
    var opened: WireZonedTime
    /// The compartment it is kept in, if any.
    var compartment: String?
    /// Always `idea`: decide refused any other state on a new engagement from the first version on.
    var state: String
    /// Always empty, for the same reason.
    var history: [WireTransition]

    func upcast() throws -> EngagementOpenedPayload {
        // No landed version's rules let another state through; refuse such a payload rather than guess.
        guard state == EngagementState.idea.rawValue, history.isEmpty else {
            throw PayloadValueError(field: "state", found: state)
        }
        return EngagementOpenedPayload(
            id: id, title: title, principals: principals, counterpart: counterpart, purpose: purpose,
            priority: priority, trip: trip, duration: duration, venues: venues, windows: windows, opened: opened,
            compartment: compartment)
    }
}
