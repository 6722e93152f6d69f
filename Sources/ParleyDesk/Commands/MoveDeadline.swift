/// Move an open deadline to another time (the other side extends it, or brings it forward), and
/// optionally change its alarms.
public struct MoveDeadline: Sendable, Equatable {
    /// Which deadline.
    public var deadline: Deadline.ID
    /// The new due time.
    public var due: ZonedTime
    /// New alarm lead times; unchanged when nil.
    public var alarms: [Minutes]?
    /// When the change was decided or learned of.
    public var at: ZonedTime
    /// Why.
    public var reason: String

    /// A deadline moved to `due`.
    public init(deadline: Deadline.ID, due: ZonedTime, alarms: [Minutes]? = nil, at: ZonedTime, reason: String) {
        self.deadline = deadline
        self.due = due
        self.alarms = alarms
        self.at = at
        self.reason = reason
    }
}
