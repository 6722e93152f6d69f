import Foundation
import ParleyDesk

/// `SessionOpened`, version 1: a person signed in.
struct SessionOpenedPayload: AccountPayload {
    static let type = "SessionOpened"
    static let version = 1
    static let key = "sessionOpened"

    /// The SHA-256 of the session token, never the token.
    var tokenHash: String
    /// Who signed in.
    var name: String
    /// From which address.
    var address: String
    /// When the session ends by itself.
    var expires: Date

    func event() throws -> AccountEvent {
        .sessionOpened(tokenHash: tokenHash, name: name, address: address, expires: expires)
    }
}
