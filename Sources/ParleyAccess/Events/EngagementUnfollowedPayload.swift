import Foundation
import ParleyDesk

/// `EngagementUnfollowed`, version 1: A person stopped being told when an engagement moves.
struct EngagementUnfollowedPayload: AccountPayload {
    static let type = "EngagementUnfollowed"
    static let version = 1
    static let key = "engagementUnfollowed"

    /// Who.
    var name: String
    /// The desk.
    var desk: String
    /// The engagement.
    var engagement: String

    func event() throws -> AccountEvent { .engagementUnfollowed(name: name, desk: desk, engagement: engagement) }
}
