/// Mark an open deadline met or missed.
public struct ResolveDeadline: Sendable, Equatable {
    /// Which deadline.
    public var deadline: Deadline.ID
    /// `met` or `missed`.
    public var status: DeadlineStatus
    /// When.
    public var at: ZonedTime
    /// How it was met or why it was missed.
    public var note: String

    /// A resolution request.
    public init(deadline: Deadline.ID, status: DeadlineStatus, at: ZonedTime, note: String) {
        self.deadline = deadline
        self.status = status
        self.at = at
        self.note = note
    }
}
