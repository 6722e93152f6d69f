/// Change a trip: its title, its stays, its fixed commitments (a summit slipping an hour, a new leg).
///
/// Lists given replace the trip's whole list; fields left nil stay as they are.
public struct AmendTrip: Sendable, Equatable {
    /// Which trip.
    public var trip: Trip.ID
    /// A new title.
    public var title: String?
    /// The stays, all of them, in order.
    public var stays: [Stay]?
    /// The fixed commitments, all of them.
    public var commitments: [FixedCommitment]?
    /// When the change was decided or learned of.
    public var at: ZonedTime
    /// Why.
    public var reason: String

    /// The amendment that yields these values, as an event records it.
    public init(_ trip: Trip.ID, title: String, stays: [Stay], commitments: [FixedCommitment], amendment: Amendment) {
        self.init(trip: trip, at: amendment.at, reason: amendment.reason)
        self.title = title
        self.stays = stays
        self.commitments = commitments
    }

    /// An amendment changing nothing yet, at `at` for `reason`.
    public init(trip: Trip.ID, at: ZonedTime, reason: String) {
        self.trip = trip
        self.at = at
        self.reason = reason
    }
}
