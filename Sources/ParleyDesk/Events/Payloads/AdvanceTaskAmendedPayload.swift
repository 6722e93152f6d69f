import Foundation

/// `AdvanceTaskAmended`, version 2: the task, its title, duration and lead time in minutes, the tasks it
/// waits for and its owner (or null) after the change, and the amendment (when, why, what changed).
struct AdvanceTaskAmendedPayload: DeskPayload {
    static let type = "AdvanceTaskAmended"
    static let version = 2

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
    /// Who does it, if anyone is named.
    var owner: String?
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending `task` to `terms`.
    init(task: AdvanceTask.ID, terms: TaskTerms, amendment: Amendment) {
        self.task = task.rawValue
        title = terms.title
        duration = terms.duration.value
        leadTime = terms.leadTime.value
        dependsOn = terms.dependsOn.map(\.rawValue)
        owner = terms.owner
        self.amendment = WireAmendment(amendment)
    }

    /// The payload as the wire gives it.
    init(
        task: String, title: String, duration: Int, leadTime: Int, dependsOn: [String], owner: String?,
        amendment: WireAmendment
    ) {
        self.task = task
        self.title = title
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
        self.owner = owner
        self.amendment = amendment
    }

    func fact() throws -> DeskEvent.Fact {
        .advanceTaskAmended(
            AdvanceTask.ID(task),
            TaskTerms(
                title: title, duration: Minutes(duration), leadTime: Minutes(leadTime),
                dependsOn: dependsOn.map { AdvanceTask.ID($0) }, owner: owner),
            try amendment.value(field: "amendment"))
    }
}
