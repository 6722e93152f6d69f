/// Something on a trip that will not move: a summit session, a state dinner, a flight.
public struct FixedCommitment: Hashable, Sendable, Codable, Identifiable {
    /// A commitment's id, unique within its trip.
    public typealias ID = Identifier<FixedCommitment>
    /// The slug that names it.
    public var id: ID
    /// What it is.
    public var title: String
    /// Where it happens.
    public var venue: Venue.ID
    /// When it starts and ends.
    public var period: TimeWindow

    /// A commitment at a venue for a period.
    public init(id: ID, title: String, venue: Venue.ID, period: TimeWindow) {
        self.id = id
        self.title = title
        self.venue = venue
        self.period = period
    }
}
