import Foundation

/// `AdvanceTasksAdded`, version 2 (written until 2026-12): as version 3 without an owner.
///
/// Each task has its id, title, kind, engagement, venue, duration, lead time and dependencies; progress is
/// `AdvanceTaskUpdated` events. The data is a list.
struct AdvanceTasksAddedPayloadV2: UpcastDeskPayload {
    static let type = "AdvanceTasksAdded"
    static let version = 2

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
    }

    /// The tasks, in the order given.
    var tasks: [Task]

    /// Reads the list.
    init(from decoder: any Decoder) throws { tasks = try decoder.singleValueContainer().decode([Task].self) }

    /// Writes the list.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tasks)
    }

    func upcast() throws -> AdvanceTasksAddedPayload {
        AdvanceTasksAddedPayload(
            tasks: tasks.map {
                AdvanceTasksAddedPayload.Task(
                    id: $0.id, title: $0.title, kind: $0.kind, engagement: $0.engagement, venue: $0.venue,
                    duration: $0.duration, leadTime: $0.leadTime, dependsOn: $0.dependsOn, owner: nil)
            })
    }
}
