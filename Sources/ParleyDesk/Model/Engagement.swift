/// A proposed meeting between principals, with where and when it could happen and how far it has got.
public struct Engagement: Hashable, Sendable, Codable, Identifiable {
    /// An engagement's id (`dmz-handshake`).
    public typealias ID = Identifier<Engagement>
    /// The slug that names it.
    public var id: ID
    /// A short title.
    public var title: String
    /// Who would meet (both sides).
    public var principals: [Principal.ID]
    /// The other side.
    public var counterpart: Party.ID
    /// Why meet.
    public var purpose: String
    /// 1 (highest) to 5 (lowest).
    public var priority: Int
    /// The trip this meeting would be part of, if any.
    public var trip: Trip.ID?
    /// How long the meeting itself lasts.
    public var duration: Minutes
    /// Where it could happen, preferred first.
    public var venues: [Venue.ID]
    /// When it could happen.
    public var windows: [TimeWindow]
    /// When the idea was first recorded.
    public var opened: ZonedTime
    /// Where it stands now.
    public var state: EngagementState
    /// Every move so far, oldest first.
    public var history: [EngagementTransition]
    /// The compartment whose members alone may see it and everything touching it; nil for none.
    ///
    /// Set when the engagement is recorded and never changed: anyone who saw it before cannot be made
    /// to forget it, so moving it into a compartment later would only pretend.
    public var compartment: Compartment.ID?
    /// When and where both sides agreed to meet, once they have.
    public var agreedSlot: AgreedSlot?

    /// An engagement as first recorded: in state `idea` with no history.
    public init(
        id: ID, title: String, principals: [Principal.ID], counterpart: Party.ID, purpose: String, priority: Int,
        trip: Trip.ID?, duration: Minutes, venues: [Venue.ID], windows: [TimeWindow], opened: ZonedTime,
        compartment: Compartment.ID? = nil
    ) {
        self.id = id
        self.title = title
        self.principals = principals
        self.counterpart = counterpart
        self.purpose = purpose
        self.priority = priority
        self.trip = trip
        self.duration = duration
        self.venues = venues
        self.windows = windows
        self.opened = opened
        self.state = .idea
        self.history = []
        self.compartment = compartment
    }
}
