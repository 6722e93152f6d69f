import Foundation

/// `EngagementMoved`, version 1: which engagement moved, and the move.
struct EngagementMovedPayload: DeskPayload {
    static let type = "EngagementMoved"
    static let version = 1

    /// The engagement.
    var engagement: String
    /// From which state to which, when, by whom and why.
    var transition: WireTransition

    func fact() throws -> DeskEvent.Fact {
        .engagementMoved(Engagement.ID(engagement), try transition.value(field: "transition"))
    }
}
