import Foundation

/// Record a possible meeting: what a staff knows when it first writes one down.
///
/// Its lifecycle starts at `idea` and moves only by `MoveEngagement`, so no state or history can be
/// given here.
public struct OpenEngagement: Sendable, Equatable {
    /// The engagement's id.
    public var id: Engagement.ID
    /// Its title.
    public var title: String
    /// The principals who would meet.
    public var principals: [Principal.ID]
    /// The other side.
    public var counterpart: Party.ID
    /// Why meet.
    public var purpose: String
    /// 1 is highest.
    public var priority: Int
    /// The trip it would be part of, if any.
    public var trip: Trip.ID?
    /// How long the meeting takes.
    public var duration: Minutes
    /// Where it could be held.
    public var venues: [Venue.ID]
    /// When it could be held.
    public var windows: [TimeWindow]
    /// When the desk first recorded it.
    public var opened: ZonedTime
    /// The compartment it is kept in, if any.
    public var compartment: Compartment.ID?

    /// The input of `engagement`, without its state and history.
    public init(_ engagement: Engagement) {
        id = engagement.id
        title = engagement.title
        principals = engagement.principals
        counterpart = engagement.counterpart
        purpose = engagement.purpose
        priority = engagement.priority
        trip = engagement.trip
        duration = engagement.duration
        venues = engagement.venues
        windows = engagement.windows
        opened = engagement.opened
        compartment = engagement.compartment
    }

    /// The engagement it records, at `idea` with no history.
    public var engagement: Engagement {
        Engagement(
            id: id, title: title, principals: principals, counterpart: counterpart, purpose: purpose,
            priority: priority, trip: trip, duration: duration, venues: venues, windows: windows, opened: opened,
            compartment: compartment)
    }
}
