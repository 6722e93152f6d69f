import Foundation
import ParleyDesk

/// `UserAdded`, version 1: a person was given an account, with a role and a password hash.
struct UserAddedPayload: AccountPayload {
    static let type = "UserAdded"
    static let version = 1
    static let key = "userAdded"

    /// The account name.
    var name: String
    /// Its role.
    var role: String
    /// The password's scrypt hash, never the password.
    var passwordHash: String

    func event() throws -> AccountEvent {
        .userAdded(name: name, role: try storedRole(role), passwordHash: passwordHash)
    }
}
