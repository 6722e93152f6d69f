/// Record (or change) when and where both sides agreed to meet.
public struct AgreeSlot: Sendable, Equatable {
    /// Which engagement.
    public var engagement: Engagement.ID
    /// The agreed start, length and venue as given.
    public var terms: SlotTerms
    /// When it was agreed.
    public var at: ZonedTime

    /// An agreement on a slot.
    public init(engagement: Engagement.ID, terms: SlotTerms, at: ZonedTime) {
        self.engagement = engagement
        self.terms = terms
        self.at = at
    }
}

/// The start, length and venue of a meeting as a person gives them; a length or venue left out is the
/// engagement's own (its duration, its preferred venue).
public struct SlotTerms: Sendable, Equatable {
    /// When it starts.
    public var start: ZonedTime
    /// How long it lasts; the engagement's duration when nil.
    public var duration: Minutes?
    /// Where; the engagement's preferred venue when nil.
    public var venue: Venue.ID?

    /// Terms as given.
    public init(start: ZonedTime, duration: Minutes? = nil, venue: Venue.ID? = nil) {
        self.start = start
        self.duration = duration
        self.venue = venue
    }
}
