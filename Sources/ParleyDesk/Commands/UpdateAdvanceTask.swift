/// Record how far an advance task has got.
public struct UpdateAdvanceTask: Sendable, Equatable {
    /// Which task.
    public var task: AdvanceTask.ID
    /// Its new status.
    public var status: TaskStatus
    /// When.
    public var at: ZonedTime

    /// A progress report.
    public init(task: AdvanceTask.ID, status: TaskStatus, at: ZonedTime) {
        self.task = task
        self.status = status
        self.at = at
    }
}
