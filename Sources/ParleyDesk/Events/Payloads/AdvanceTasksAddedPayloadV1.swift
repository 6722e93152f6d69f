import Foundation

/// `AdvanceTasksAdded`, version 1 (written until 2026-12): the model's own encoding, progress included.
///
/// It has a `status` and
/// `statusAt` per task that versions before 2026-12 accepted on a new task. Read as written, so such a log
/// folds to the desk it always did.
struct AdvanceTasksAddedPayloadV1: DeskPayload {
    static let type = "AdvanceTasksAdded"
    static let version = 1

    /// One task as version 1 wrote it.
    struct Task: Codable, Sendable, Equatable {
        /// The task's id.
        var id: String
        /// What is to be done.
        var title: String
        /// What kind of work.
        var kind: String
        /// The engagement it prepares.
        var engagement: String
        /// Where.
        var venue: String
        /// Minutes of work.
        var duration: Int
        /// Minutes it must be finished before the meeting.
        var leadTime: Int
        /// Tasks that must be done first.
        var dependsOn: [String]
        /// Its status as given (`pending` unless an older version let another through).
        var status: String
        /// When that status was reached, if given.
        var statusAt: WireZonedTime?
    }

    /// The tasks, in the order given.
    var tasks: [Task]

    /// Reads the list.
    init(from decoder: any Decoder) throws { tasks = try decoder.singleValueContainer().decode([Task].self) }

    /// Writes the list (only golden tests write a version 1 payload).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tasks)
    }

    func fact() throws -> DeskEvent.Fact {
        .advanceTasksAdded(
            try tasks.enumerated().map { index, task in
                let field = "[\(index)]"
                var value = try AdvanceTasksAddedPayload.Task(
                    id: task.id, title: task.title, kind: task.kind, engagement: task.engagement, venue: task.venue,
                    duration: task.duration, leadTime: task.leadTime, dependsOn: task.dependsOn
                ).value(field: field)
                value.status = try WireValue.token(task.status, field: field + ".status")
                value.statusAt = try task.statusAt?.value(field: field + ".statusAt")
                return value
            })
    }
}
