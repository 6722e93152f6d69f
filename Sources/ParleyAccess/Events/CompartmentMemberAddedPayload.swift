import Foundation
import ParleyDesk

/// `CompartmentMemberAdded`, version 1: a person was made a member of a compartment.
struct CompartmentMemberAddedPayload: AccountPayload {
    static let type = "CompartmentMemberAdded"
    static let version = 1
    static let key = "compartmentMemberAdded"

    /// The compartment.
    var compartment: String
    /// The person added.
    var name: String

    func event() throws -> AccountEvent {
        .compartmentMemberAdded(compartment: Compartment.ID(compartment), name: name)
    }
}
