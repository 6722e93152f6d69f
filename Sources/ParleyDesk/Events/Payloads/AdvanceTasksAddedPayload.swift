import Foundation

/// `AdvanceTasksAdded`, version 3: the tasks added, without their progress.
///
/// Each task has its id, title, kind, engagement, venue, duration, lead time, dependencies and owner (who
/// does it, or null); progress is `AdvanceTaskUpdated` events. The data is a list.
struct AdvanceTasksAddedPayload: DeskPayload {
    static let type = "AdvanceTasksAdded"
    static let version = 3

    /// One task as the log writes it.
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
        /// Who does it, if anyone is named.
        var owner: String?

        /// The desk's task, pending.
        /// - Throws: `PayloadValueError` for an unknown kind.
        func value(field: String) throws -> AdvanceTask {
            AdvanceTask(
                id: AdvanceTask.ID(id), title: title, kind: try WireValue.token(kind, field: field + ".kind"),
                engagement: Engagement.ID(engagement), venue: Venue.ID(venue), duration: Minutes(duration),
                leadTime: Minutes(leadTime), dependsOn: dependsOn.map { AdvanceTask.ID($0) }, owner: owner)
        }
    }

    /// The tasks, in the order given.
    var tasks: [Task]

    /// The payload of adding `tasks` (their progress is not part of it).
    init(_ tasks: [AdvanceTask]) {
        self.tasks = tasks.map {
            Task(
                id: $0.id.rawValue, title: $0.title, kind: $0.kind.rawValue, engagement: $0.engagement.rawValue,
                venue: $0.venue.rawValue, duration: $0.duration.value, leadTime: $0.leadTime.value,
                dependsOn: $0.dependsOn.map(\.rawValue), owner: $0.owner)
        }
    }

    /// The payload of these wire tasks.
    init(tasks: [Task]) { self.tasks = tasks }

    /// Reads the list.
    init(from decoder: any Decoder) throws { tasks = try decoder.singleValueContainer().decode([Task].self) }

    /// Writes the list.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tasks)
    }

    func fact() throws -> DeskEvent.Fact {
        .advanceTasksAdded(try tasks.enumerated().map { index, task in try task.value(field: "[\(index)]") })
    }
}
