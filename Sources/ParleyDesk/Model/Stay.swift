/// Part of a trip spent in one place: where, in which lodging, from when to when.
public struct Stay: Hashable, Sendable, Codable {
    /// The city or venue stayed at.
    public var venue: Venue.ID
    /// Where the party sleeps.
    public var lodging: String
    /// Arrival and departure.
    public var period: TimeWindow

    /// A stay at a venue for a period.
    public init(venue: Venue.ID, lodging: String, period: TimeWindow) {
        self.venue = venue
        self.lodging = lodging
        self.period = period
    }
}
