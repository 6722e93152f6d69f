import Foundation
import ParleyDesk

/// `UserRoleChanged`, version 1: a person's role changed.
struct RoleChangedPayload: AccountPayload {
    static let type = "UserRoleChanged"
    static let version = 1
    static let key = "roleChanged"

    /// The account name.
    var name: String
    /// The new role.
    var role: String

    func event() throws -> AccountEvent { .roleChanged(name: name, role: try storedRole(role)) }
}
