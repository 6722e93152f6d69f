import Foundation

/// `PrincipalAmended`, version 1: the principal, its name, title and party after the change, and the
/// amendment.
struct PrincipalAmendedPayload: DeskPayload {
    static let type = "PrincipalAmended"
    static let version = 1

    /// The principal.
    var principal: String
    /// Their name.
    var name: String
    /// Their title.
    var title: String
    /// Their party.
    var party: String
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending a principal to `principal`.
    init(_ principal: Principal, amendment: Amendment) {
        self.principal = principal.id.rawValue
        name = principal.name
        title = principal.title
        party = principal.party.rawValue
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .principalAmended(
            Principal(id: Principal.ID(principal), name: name, title: title, party: Party.ID(party)),
            try amendment.value(field: "amendment"))
    }
}
