import Foundation

/// `PartyAmended`, version 1: the party, its name after the change, and the amendment.
struct PartyAmendedPayload: DeskPayload {
    static let type = "PartyAmended"
    static let version = 1

    /// The party.
    var party: String
    /// Its name.
    var name: String
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending a party to `party`.
    init(_ party: Party, amendment: Amendment) {
        self.party = party.id.rawValue
        name = party.name
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .partyAmended(Party(id: Party.ID(party), name: name), try amendment.value(field: "amendment"))
    }
}
