import Foundation
import ParleyDesk

/// `CalendarFeedRevoked`, version 1: a calendar address stopped answering.
struct CalendarFeedRevokedPayload: AccountPayload {
    static let type = "CalendarFeedRevoked"
    static let version = 1
    static let key = "calendarFeedRevoked"

    /// The feed's id.
    var id: String
    /// By whom, and why.
    var reason: String

    func event() throws -> AccountEvent { .calendarFeedRevoked(id: id, reason: reason) }
}
