/// What an advance task is, apart from its progress: the fields an amendment may change.
public struct TaskTerms: Hashable, Sendable {
    /// Its title.
    public var title: String
    /// How long the work takes.
    public var duration: Minutes
    /// How long before the meeting it must be done.
    public var leadTime: Minutes
    /// The tasks it waits for.
    public var dependsOn: [AdvanceTask.ID]

    /// Terms as given.
    public init(title: String, duration: Minutes, leadTime: Minutes, dependsOn: [AdvanceTask.ID]) {
        self.title = title
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
    }

    /// The terms `task` has now.
    public init(of task: AdvanceTask) {
        self.init(title: task.title, duration: task.duration, leadTime: task.leadTime, dependsOn: task.dependsOn)
    }
}
