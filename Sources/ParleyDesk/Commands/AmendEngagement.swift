/// Change what an engagement is: its title, purpose, priority, duration, windows, venues or principals.
///
/// Fields left nil stay as they are; where it stands in its lifecycle is changed by moves.
public struct AmendEngagement: Sendable, Equatable {
    /// Which engagement.
    public var engagement: Engagement.ID
    /// A new title.
    public var title: String?
    /// A new purpose.
    public var purpose: String?
    /// A new priority, 1 (highest) to 5.
    public var priority: Int?
    /// A new length of the meeting.
    public var duration: Minutes?
    /// New candidate venues, preferred first.
    public var venues: [Venue.ID]?
    /// New windows.
    public var windows: [TimeWindow]?
    /// New principals (both sides).
    public var principals: [Principal.ID]?
    /// When the change was decided or learned of.
    public var at: ZonedTime
    /// Why.
    public var reason: String

    /// The amendment that yields `terms` (every field given), as an event records it.
    public init(_ engagement: Engagement.ID, to terms: EngagementTerms, amendment: Amendment) {
        self.init(engagement: engagement, at: amendment.at, reason: amendment.reason)
        title = terms.title
        purpose = terms.purpose
        priority = terms.priority
        duration = terms.duration
        venues = terms.venues
        windows = terms.windows
        principals = terms.principals
    }

    /// An amendment changing nothing yet, at `at` for `reason`.
    public init(engagement: Engagement.ID, at: ZonedTime, reason: String) {
        self.engagement = engagement
        self.at = at
        self.reason = reason
    }
}
