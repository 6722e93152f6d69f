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
    /// Who does it, if anyone is named.
    public var owner: String?

    /// Terms as given.
    public init(
        title: String, duration: Minutes, leadTime: Minutes, dependsOn: [AdvanceTask.ID], owner: String? = nil
    ) {
        self.title = title
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
        self.owner = owner
    }

    /// The terms `task` has now.
    public init(of task: AdvanceTask) {
        self.init(
            title: task.title, duration: task.duration, leadTime: task.leadTime, dependsOn: task.dependsOn,
            owner: task.owner)
    }
}
