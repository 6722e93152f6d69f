import Foundation

/// `PartyRegistered`, version 1: a party's id and name.
struct PartyRegisteredPayload: DeskPayload {
    static let type = "PartyRegistered"
    static let version = 1

    /// The party's id.
    var id: String
    /// Its name.
    var name: String

    /// The payload of registering `party`.
    init(_ party: Party) {
        id = party.id.rawValue
        name = party.name
    }

    func fact() throws -> DeskEvent.Fact { .partyRegistered(Party(id: Party.ID(id), name: name)) }
}
