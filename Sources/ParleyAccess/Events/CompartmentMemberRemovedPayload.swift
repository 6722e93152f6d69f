import Foundation
import ParleyDesk

/// `CompartmentMemberRemoved`, version 1: a person stopped being a member of a compartment.
struct CompartmentMemberRemovedPayload: AccountPayload {
    static let type = "CompartmentMemberRemoved"
    static let version = 1
    static let key = "compartmentMemberRemoved"

    /// The compartment.
    var compartment: String
    /// The person taken out.
    var name: String

    func event() throws -> AccountEvent {
        .compartmentMemberRemoved(compartment: Compartment.ID(compartment), name: name)
    }
}
