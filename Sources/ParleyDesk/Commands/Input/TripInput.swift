import Foundation

/// A stay as a person types it: where, the lodging, arrival (`from`) and departure (`to`).
public struct StayInput: Decodable, Sendable, Equatable {
    /// Where.
    public var venue: String
    /// The lodging's name.
    public var lodging: String?
    /// Arrival.
    public var from: String
    /// Departure.
    public var to: String

    /// A stay as typed.
    public init(venue: String, lodging: String? = nil, from: String, to: String) {
        self.venue = venue
        self.lodging = lodging
        self.from = from
        self.to = to
    }

    /// The stays `inputs` describe, each refusal naming `stays[i].field`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    static func stays(_ inputs: [StayInput], on state: DeskState) throws(DeskError) -> [Stay] {
        try InputText.requireCount(inputs.count, field: "stays")
        var stays: [Stay] = []
        for (index, stay) in inputs.enumerated() {
            stays.append(
                Stay(
                    venue: Venue.ID(stay.venue), lodging: stay.lodging ?? "",
                    period: try WindowInput(from: stay.from, to: stay.to).window(on: state, field: "stays[\(index)]")))
        }
        return stays
    }
}

/// A fixed commitment as a person types it: a summit address, a state dinner.
public struct CommitmentInput: Decodable, Sendable, Equatable {
    /// Its id; made from the title when missing.
    public var id: String?
    /// Its title.
    public var title: String
    /// Where.
    public var venue: String
    /// When it starts.
    public var start: String
    /// When it ends.
    public var end: String

    /// A commitment as typed.
    public init(id: String? = nil, title: String, venue: String, start: String, end: String) {
        self.id = id
        self.title = title
        self.venue = venue
        self.start = start
        self.end = end
    }

    /// The commitments `inputs` describe; one typed without an id keeps the id of a commitment in `keeping`
    /// with the same title, or gets one made from its title.
    /// - Throws: `DeskError` naming the field that cannot be read.
    static func commitments(_ inputs: [CommitmentInput], on state: DeskState, keeping: [FixedCommitment] = [])
        throws(DeskError) -> [FixedCommitment]
    {
        try InputText.requireCount(inputs.count, field: "commitments")
        var made: [FixedCommitment] = []
        var ids: Set<String> = []
        for (index, commitment) in inputs.enumerated() {
            let field = "commitments[\(index)]"
            let kept = keeping.first { $0.title == commitment.title && !ids.contains($0.id.rawValue) }?.id.rawValue
            let id = try InputText.newID(commitment.id ?? kept, from: commitment.title, field: field + ".id") {
                ids.contains($0)
            }
            ids.insert(id)
            made.append(
                FixedCommitment(
                    id: FixedCommitment.ID(id), title: commitment.title, venue: Venue.ID(commitment.venue),
                    period: try WindowInput(from: commitment.start, to: commitment.end).window(
                        on: state, field: field, names: ("start", "end"))))
        }
        return made
    }
}

/// What a person supplies to plan a trip (`POST /trips`): the principal, the stays and fixed commitments.
public struct TripInput: Decodable, Sendable, Equatable {
    /// Its id; made from the title when missing.
    public var id: String?
    /// Its title.
    public var title: String
    /// Whose trip it is.
    public var principal: String
    /// Where the principal sleeps, in order.
    public var stays: [StayInput]?
    /// What is fixed already.
    public var commitments: [CommitmentInput]?

    /// The input as typed.
    public init(
        id: String? = nil, title: String, principal: String, stays: [StayInput]? = nil,
        commitments: [CommitmentInput]? = nil
    ) {
        self.id = id
        self.title = title
        self.principal = principal
        self.stays = stays
        self.commitments = commitments
    }

    /// The command it asks for on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState) throws(DeskError) -> DeskCommand {
        let id = try InputText.newID(id, from: title) { state.trips[Trip.ID($0)] != nil }
        return .planTrip(
            Trip(
                id: Trip.ID(id), title: title, principal: Principal.ID(principal),
                stays: try StayInput.stays(stays ?? [], on: state),
                commitments: try CommitmentInput.commitments(commitments ?? [], on: state)))
    }
}
