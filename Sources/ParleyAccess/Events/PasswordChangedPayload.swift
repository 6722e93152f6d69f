import Foundation
import ParleyDesk

/// `PasswordChanged`, version 1: a person's password changed.
struct PasswordChangedPayload: AccountPayload {
    static let type = "PasswordChanged"
    static let version = 1
    static let key = "passwordChanged"

    /// The account name.
    var name: String
    /// The new scrypt hash.
    var passwordHash: String

    func event() throws -> AccountEvent { .passwordChanged(name: name, passwordHash: passwordHash) }
}
