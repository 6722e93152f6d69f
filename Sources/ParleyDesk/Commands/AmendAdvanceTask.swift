/// Change an advance task: its title, length, lead time, or what it waits for.
///
/// Its progress is recorded by `UpdateAdvanceTask`.
public struct AmendAdvanceTask: Sendable, Equatable {
    /// Which task.
    public var task: AdvanceTask.ID
    /// A new title.
    public var title: String?
    /// A new length of work.
    public var duration: Minutes?
    /// A new lead time.
    public var leadTime: Minutes?
    /// The tasks it waits for, all of them.
    public var dependsOn: [AdvanceTask.ID]?
    /// A new owner; an empty text for nobody.
    public var owner: String?
    /// When the change was decided or learned of.
    public var at: ZonedTime
    /// Why.
    public var reason: String

    /// The amendment that yields `terms`, as an event records it.
    public init(_ task: AdvanceTask.ID, to terms: TaskTerms, amendment: Amendment) {
        self.init(task: task, at: amendment.at, reason: amendment.reason)
        title = terms.title
        duration = terms.duration
        leadTime = terms.leadTime
        dependsOn = terms.dependsOn
        owner = terms.owner ?? ""
    }

    /// An amendment changing nothing yet, at `at` for `reason`.
    public init(task: AdvanceTask.ID, at: ZonedTime, reason: String) {
        self.task = task
        self.at = at
        self.reason = reason
    }
}
