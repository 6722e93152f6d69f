import Foundation
import ParleyDesk

/// `SessionClosed`, version 1: a session ended.
struct SessionClosedPayload: AccountPayload {
    static let type = "SessionClosed"
    static let version = 1
    static let key = "sessionClosed"

    /// The SHA-256 of the session token.
    var tokenHash: String
    /// Signed out, or revoked, and by whom.
    var reason: String

    func event() throws -> AccountEvent { .sessionClosed(tokenHash: tokenHash, reason: reason) }
}
