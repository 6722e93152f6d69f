import Foundation

/// `AdvanceTaskAmended`, version 1: the task, its title, duration and lead time in minutes and the tasks it
/// waits for after the change, and the amendment (when, why, what changed).
struct AdvanceTaskAmendedPayload: DeskPayload {
    static let type = "AdvanceTaskAmended"
    static let version = 1

    /// The task.
    var task: String
    /// Its title.
    var title: String
    /// Minutes of work.
    var duration: Int
    /// Minutes before the meeting it must be done.
    var leadTime: Int
    /// The tasks it waits for.
    var dependsOn: [String]
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending `task` to `terms`.
    init(task: AdvanceTask.ID, terms: TaskTerms, amendment: Amendment) {
        self.task = task.rawValue
        title = terms.title
        duration = terms.duration.value
        leadTime = terms.leadTime.value
        dependsOn = terms.dependsOn.map(\.rawValue)
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .advanceTaskAmended(
            AdvanceTask.ID(task),
            TaskTerms(
                title: title, duration: Minutes(duration), leadTime: Minutes(leadTime),
                dependsOn: dependsOn.map { AdvanceTask.ID($0) }),
            try amendment.value(field: "amendment"))
    }
}
