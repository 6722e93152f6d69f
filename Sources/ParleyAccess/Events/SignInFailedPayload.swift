import Foundation
import ParleyDesk

/// `SignInFailed`, version 1: a sign-in was refused.
struct SignInFailedPayload: AccountPayload {
    static let type = "SignInFailed"
    static let version = 1
    static let key = "signInFailed"

    /// The name given.
    var name: String
    /// From which address.
    var address: String
    /// Why it was refused.
    var reason: String

    func event() throws -> AccountEvent { .signInFailed(name: name, address: address, reason: reason) }
}
