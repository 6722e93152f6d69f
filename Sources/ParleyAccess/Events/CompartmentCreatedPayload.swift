import Foundation
import ParleyDesk

/// `CompartmentCreated`, version 1: a compartment was created, with nobody in it.
struct CompartmentCreatedPayload: AccountPayload {
    static let type = "CompartmentCreated"
    static let version = 1
    static let key = "compartmentCreated"

    /// The compartment's id.
    var compartment: String
    /// Its title.
    var title: String

    func event() throws -> AccountEvent { .compartmentCreated(compartment: Compartment.ID(compartment), title: title) }
}
