/// A travel time the staff know better than the model: from one venue to another, one way.
public struct TravelOverride: Hashable, Sendable, Codable {
    /// Where the leg starts.
    public var from: Venue.ID
    /// Where it ends.
    public var to: Venue.ID
    /// How long it takes, door to door.
    public var time: Minutes

    /// An override for one direction.
    public init(from: Venue.ID, to: Venue.ID, time: Minutes) {
        self.from = from
        self.to = to
        self.time = time
    }
}
