import Foundation

/// `PrincipalRegistered`, version 1: a principal's id, name, title and party.
struct PrincipalRegisteredPayload: DeskPayload {
    static let type = "PrincipalRegistered"
    static let version = 1

    /// The principal's id.
    var id: String
    /// Their name.
    var name: String
    /// Their title.
    var title: String
    /// The party they lead or represent.
    var party: String

    /// The payload of registering `principal`.
    init(_ principal: Principal) {
        id = principal.id.rawValue
        name = principal.name
        title = principal.title
        party = principal.party.rawValue
    }

    func fact() throws -> DeskEvent.Fact {
        .principalRegistered(Principal(id: Principal.ID(id), name: name, title: title, party: Party.ID(party)))
    }
}
