import Foundation

/// Add advance tasks, pending.
///
/// They may depend on each other and on tasks already on the desk; progress is `UpdateAdvanceTask`.
public struct AddAdvanceTasks: Sendable, Equatable {
    /// One task as given.
    public struct Task: Sendable, Equatable {
        /// The task's id.
        public var id: AdvanceTask.ID
        /// What is to be done.
        public var title: String
        /// What kind of work.
        public var kind: TaskKind
        /// The engagement it prepares.
        public var engagement: Engagement.ID
        /// Where.
        public var venue: Venue.ID
        /// How long the work takes.
        public var duration: Minutes
        /// How long before the meeting it must be done.
        public var leadTime: Minutes
        /// Tasks that must be done first.
        public var dependsOn: [AdvanceTask.ID]
        /// Who does it, if anyone is named.
        public var owner: String?

        /// A task as given.
        public init(
            id: AdvanceTask.ID, title: String, kind: TaskKind, engagement: Engagement.ID, venue: Venue.ID,
            duration: Minutes, leadTime: Minutes, dependsOn: [AdvanceTask.ID], owner: String? = nil
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.engagement = engagement
            self.venue = venue
            self.duration = duration
            self.leadTime = leadTime
            self.dependsOn = dependsOn
            self.owner = owner
        }
    }

    /// The tasks, in the order given.
    public var tasks: [Task]

    /// Tasks as given.
    public init(tasks: [Task]) { self.tasks = tasks }

    /// The input of `tasks`, without their progress.
    public init(_ tasks: [AdvanceTask]) {
        self.tasks = tasks.map {
            Task(
                id: $0.id, title: $0.title, kind: $0.kind, engagement: $0.engagement, venue: $0.venue,
                duration: $0.duration, leadTime: $0.leadTime, dependsOn: $0.dependsOn, owner: $0.owner)
        }
    }

    /// The tasks it adds, pending.
    public var advanceTasks: [AdvanceTask] {
        tasks.map {
            AdvanceTask(
                id: $0.id, title: $0.title, kind: $0.kind, engagement: $0.engagement, venue: $0.venue,
                duration: $0.duration, leadTime: $0.leadTime, dependsOn: $0.dependsOn, owner: $0.owner)
        }
    }
}
