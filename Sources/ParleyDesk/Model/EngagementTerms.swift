/// What an engagement is, apart from where it stands: the fields an amendment may change.
public struct EngagementTerms: Hashable, Sendable {
    /// Its title.
    public var title: String
    /// Why meet.
    public var purpose: String
    /// 1 (highest) to 5.
    public var priority: Int
    /// How long the meeting lasts.
    public var duration: Minutes
    /// Where it could happen, preferred first.
    public var venues: [Venue.ID]
    /// When it could happen.
    public var windows: [TimeWindow]
    /// Who would meet.
    public var principals: [Principal.ID]

    /// Terms as given.
    public init(
        title: String, purpose: String, priority: Int, duration: Minutes, venues: [Venue.ID], windows: [TimeWindow],
        principals: [Principal.ID]
    ) {
        self.title = title
        self.purpose = purpose
        self.priority = priority
        self.duration = duration
        self.venues = venues
        self.windows = windows
        self.principals = principals
    }

    /// The terms `engagement` has now.
    public init(of engagement: Engagement) {
        self.init(
            title: engagement.title, purpose: engagement.purpose, priority: engagement.priority,
            duration: engagement.duration, venues: engagement.venues, windows: engagement.windows,
            principals: engagement.principals)
    }
}
