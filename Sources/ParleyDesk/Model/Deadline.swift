/// Something owed by a time, stored in UTC and shown in the zone it was set in.
public struct Deadline: Hashable, Sendable, Codable, Identifiable {
    /// A deadline's id.
    public typealias ID = Identifier<Deadline>
    /// The slug that names it.
    public var id: ID
    /// What is owed.
    public var title: String
    /// The engagement it belongs to, if any.
    public var engagement: Engagement.ID?
    /// Who owes it.
    public var owedBy: Party.ID
    /// By when, in the zone it is shown in.
    public var due: ZonedTime
    /// Open, met or missed.
    public var status: DeadlineStatus
    /// When it was met or missed.
    public var resolvedAt: ZonedTime?
    /// How it was met, or why it was missed.
    public var note: String
    /// How long before it is due to raise an alarm, such as 2h and 30m.
    public var alarms: [Minutes]
    /// The alarms already raised.
    public var alarmsRaised: [Minutes]
    /// When it was set (asked for, or promised), in its due time's zone; nil until recorded.
    public var setAt: ZonedTime?

    /// An open deadline.
    public init(
        id: ID, title: String, engagement: Engagement.ID?, owedBy: Party.ID, due: ZonedTime, alarms: [Minutes] = []
    ) {
        self.alarms = alarms
        self.alarmsRaised = []
        self.id = id
        self.title = title
        self.engagement = engagement
        self.owedBy = owedBy
        self.due = due
        self.status = .open
        self.resolvedAt = nil
        self.note = ""
    }
}
