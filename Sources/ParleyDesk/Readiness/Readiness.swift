import Foundation

/// How ready a venue is for a meeting at a given time.
///
/// The advance-task graph scheduled backwards from the meeting (each task done its lead time before) and
/// forwards from now, with slack, the critical path and the latest moment the meeting can still be
/// confirmed so that all remaining work fits.
public struct Readiness: Sendable, Equatable {
    /// One task's place in the schedule.
    public struct TaskSchedule: Sendable, Equatable {
        /// The task.
        public let task: AdvanceTask.ID
        /// Minutes of work left (0 when done).
        public let remaining: Int
        /// The earliest it can start, given what it waits for, from now.
        public let earliestStart: Date
        /// The latest it can start and still leave every later task, and the meeting, on time.
        public let latestStart: Date
        /// How long it may slip: latest start − earliest start (negative: already too late).
        public let slack: TimeInterval
        /// Whether it lies on the critical path (the least slack).
        public let critical: Bool
    }

    /// The meeting time scheduled against.
    public let meeting: Date
    /// Work done / work needed, by minutes (1 when there is no work).
    public let fraction: Double
    /// Every task, by earliest start.
    public let tasks: [TaskSchedule]
    /// The latest moment the meeting can be confirmed so that, starting the remaining work then, every
    /// task still meets its lead time; nil when nothing remains to be done.
    public let latestConfirmation: Date?

    /// The critical path, in order.
    public var criticalPath: [AdvanceTask.ID] { tasks.filter(\.critical).map(\.task) }

    /// Whether every remaining task can still be done in time from now.
    public var onTime: Bool { tasks.allSatisfy { $0.slack >= 0 } }

    /// Schedules the tasks of `engagement` (at `venue`, when given) for a meeting at `meeting`, from `now`.
    /// - Throws: `DeskError.unknownReference` for an unknown engagement.
    public init(
        engagement: Engagement.ID, venue: Venue.ID? = nil, meeting: Date, now: Date, in state: DeskState
    ) throws(DeskError) {
        guard state.engagements[engagement] != nil else {
            throw .unknownReference(field: "engagement", kind: "engagement", id: engagement.rawValue)
        }
        let tasks = state.tasks.values.filter { $0.engagement == engagement && (venue == nil || $0.venue == venue) }
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        func remaining(_ task: AdvanceTask) -> Int { task.status == .done ? 0 : task.duration.value }
        // Dependencies outside the set (another venue) are taken as given.
        func dependencies(_ task: AdvanceTask) -> [AdvanceTask] { task.dependsOn.compactMap { byID[$0] } }
        let order = Self.topologicalOrder(tasks, dependencies: dependencies)

        // Forward from time 0 (minutes of remaining work before each task can start).
        var head: [AdvanceTask.ID: Int] = [:]
        for task in order {
            head[task.id] = dependencies(task).map { head[$0.id]! + remaining($0) }.max() ?? 0
        }
        // Backward from the meeting: latest finish = min(meeting − lead time, successors' latest starts).
        var latestStart: [AdvanceTask.ID: Date] = [:]
        for task in order.reversed() {
            let successors = tasks.filter { $0.dependsOn.contains(task.id) }
            var finish = meeting.addingTimeInterval(-task.leadTime.seconds)
            for successor in successors { finish = min(finish, latestStart[successor.id]!) }
            latestStart[task.id] = finish.addingTimeInterval(-Double(remaining(task)) * 60)
        }
        let schedules = order.map { task -> TaskSchedule in
            let earliest = now.addingTimeInterval(Double(head[task.id]!) * 60)
            let latest = latestStart[task.id]!
            return TaskSchedule(
                task: task.id, remaining: remaining(task), earliestStart: earliest, latestStart: latest,
                slack: latest.timeIntervalSince(earliest), critical: false)
        }
        let pending = schedules.filter { $0.remaining > 0 }
        let leastSlack = pending.map(\.slack).min()
        self.tasks = schedules.map { schedule in
            TaskSchedule(
                task: schedule.task, remaining: schedule.remaining, earliestStart: schedule.earliestStart,
                latestStart: schedule.latestStart, slack: schedule.slack,
                critical: schedule.remaining > 0 && leastSlack.map { abs(schedule.slack - $0) < 1 } == true)
        }.sorted { ($0.earliestStart, $0.task) < ($1.earliestStart, $1.task) }
        let total = tasks.reduce(0) { $0 + $1.duration.value }
        let left = tasks.reduce(0) { $0 + remaining($1) }
        self.fraction = total == 0 ? 1 : Double(total - left) / Double(total)
        self.meeting = meeting
        self.latestConfirmation =
            pending.isEmpty
            ? nil
            : pending.map { $0.latestStart.addingTimeInterval(-Double(head[$0.task]!) * 60) }.min()
    }

    private static func topologicalOrder(
        _ tasks: [AdvanceTask], dependencies: (AdvanceTask) -> [AdvanceTask]
    ) -> [AdvanceTask] {
        var placed = Set<AdvanceTask.ID>()
        var order: [AdvanceTask] = []
        func visit(_ task: AdvanceTask) {
            guard !placed.contains(task.id) else { return }
            placed.insert(task.id)  // The desk refuses cycles, so marking on entry is enough.
            for dependency in dependencies(task).sorted(by: { $0.id < $1.id }) { visit(dependency) }
            order.append(task)
        }
        for task in tasks.sorted(by: { $0.id < $1.id }) { visit(task) }
        return order
    }
}
