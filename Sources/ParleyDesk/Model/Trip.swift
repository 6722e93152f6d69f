/// A principal's travel: the stays and the commitments that are fixed; candidate meetings are the
/// engagements that name this trip.
public struct Trip: Hashable, Sendable, Codable, Identifiable {
    /// A trip's id.
    public typealias ID = Identifier<Trip>
    /// The slug that names it.
    public var id: ID
    /// What people call it.
    public var title: String
    /// Whose trip it is.
    public var principal: Principal.ID
    /// Where the principal stays, in order.
    public var stays: [Stay]
    /// What is fixed on the trip.
    public var commitments: [FixedCommitment]

    /// A trip with its stays and fixed commitments.
    public init(id: ID, title: String, principal: Principal.ID, stays: [Stay], commitments: [FixedCommitment]) {
        self.id = id
        self.title = title
        self.principal = principal
        self.stays = stays
        self.commitments = commitments
    }
}
