import Foundation
import ParleyDesk

/// `EngagementFollowed`, version 1: A person asked to be told when an engagement moves.
struct EngagementFollowedPayload: AccountPayload {
    static let type = "EngagementFollowed"
    static let version = 1
    static let key = "engagementFollowed"

    /// Who.
    var name: String
    /// The desk.
    var desk: String
    /// The engagement.
    var engagement: String

    func event() throws -> AccountEvent { .engagementFollowed(name: name, desk: desk, engagement: engagement) }
}
