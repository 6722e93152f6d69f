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

    /// A task left out of the schedule, and why.
    public struct IgnoredTask: Sendable, Equatable {
        /// The task.
        public let task: AdvanceTask.ID
        /// Why, in words (`task survey has an invalid duration (…)`).
        public let reason: String
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
    /// Tasks left out of the schedule and of the fraction, with why.
    ///
    /// A duration or lead time outside `DeskLimits`, or a dependency cycle: only a log written before
    /// decide refused them can hold one.
    public let ignored: [IgnoredTask]

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
        let mine = state.tasks.values.filter { $0.engagement == engagement && (venue == nil || $0.venue == venue) }
        var ignored = mine.compactMap { task in task.invalidity.map { IgnoredTask(task: task.id, reason: $0) } }
        let valid = mine.filter { $0.invalidity == nil }.sorted { $0.id < $1.id }
        let byID = Dictionary(uniqueKeysWithValues: valid.map { ($0.id, $0) })
        // Durations are at most `DeskLimits.longestTask`, so sums of them cannot overflow.
        func remaining(_ task: AdvanceTask) -> Int { task.status == .done ? 0 : task.duration.value }
        // Dependencies outside the set (another venue, or ignored) are taken as given.
        func dependencies(_ task: AdvanceTask) -> [AdvanceTask] {
            Set(task.dependsOn).sorted().compactMap { $0 == task.id ? nil : byID[$0] }
        }
        let (order, cyclic) = Self.topologicalOrder(valid, dependencies: dependencies)
        ignored += cyclic.map {
            IgnoredTask(task: $0.id, reason: "task \($0.id) is in a dependency cycle, or waits for one")
        }
        var successors: [AdvanceTask.ID: [AdvanceTask.ID]] = [:]
        for task in order {
            for dependency in dependencies(task) { successors[dependency.id, default: []].append(task.id) }
        }

        // Forward from time 0 (minutes of remaining work before each task can start).
        var head: [AdvanceTask.ID: Int] = [:]
        for task in order {
            head[task.id] =
                dependencies(task).compactMap { dependency in head[dependency.id].map { $0 + remaining(dependency) } }
                .max() ?? 0
        }
        // Backward from the meeting: latest finish = min(meeting − lead time, successors' latest starts).
        var latestStart: [AdvanceTask.ID: Date] = [:]
        for task in order.reversed() {
            var finish = meeting.addingTimeInterval(-task.leadTime.seconds)
            for successor in successors[task.id] ?? [] {
                if let start = latestStart[successor] { finish = min(finish, start) }
            }
            latestStart[task.id] = finish.addingTimeInterval(-Double(remaining(task)) * 60)
        }
        let schedules = order.map { task -> TaskSchedule in
            let earliest = now.addingTimeInterval(Double(head[task.id] ?? 0) * 60)
            let latest = latestStart[task.id] ?? earliest
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
        let total = order.reduce(0) { $0 + $1.duration.value }
        let left = order.reduce(0) { $0 + remaining($1) }
        self.fraction = total == 0 ? 1 : Double(total - left) / Double(total)
        self.meeting = meeting
        self.latestConfirmation =
            pending.isEmpty
            ? nil
            : pending.map { $0.latestStart.addingTimeInterval(-Double(head[$0.task] ?? 0) * 60) }.min()
        self.ignored = ignored.sorted { $0.task < $1.task }
    }

    /// The tasks with each after what it waits for, and apart those in a cycle or waiting for one.
    ///
    /// Without recursion, so a long chain of tasks cannot exhaust the stack; `tasks` come sorted, which
    /// makes the order the same on every run.
    private static func topologicalOrder(
        _ tasks: [AdvanceTask], dependencies: (AdvanceTask) -> [AdvanceTask]
    ) -> (order: [AdvanceTask], cyclic: [AdvanceTask]) {
        var waitingFor: [AdvanceTask.ID: Int] = [:]
        var successors: [AdvanceTask.ID: [AdvanceTask]] = [:]
        for task in tasks {
            let waits = dependencies(task)
            waitingFor[task.id] = waits.count
            for dependency in waits { successors[dependency.id, default: []].append(task) }
        }
        var free = tasks.filter { waitingFor[$0.id] == 0 }.reversed() as [AdvanceTask]
        var order: [AdvanceTask] = []
        while let task = free.popLast() {
            order.append(task)
            for successor in successors[task.id] ?? [] {
                waitingFor[successor.id, default: 0] -= 1
                if waitingFor[successor.id] == 0 { free.append(successor) }
            }
        }
        let placed = Set(order.map(\.id))
        return (order, tasks.filter { !placed.contains($0.id) }.sorted { $0.id < $1.id })
    }
}

extension AdvanceTask {
    /// Why no schedule can use this task, or nil when it is fine.
    ///
    /// A duration or lead time outside `DeskLimits`, which only a log written before decide refused them
    /// can hold.
    public var invalidity: String? {
        let longest = DeskLimits.longestTask
        if !(0...longest.value).contains(duration.value) {
            return "task \(id) has an invalid duration (\(duration.value) minutes; at most \(longest))"
        }
        if !(0...longest.value).contains(leadTime.value) {
            return "task \(id) has an invalid lead time (\(leadTime.value) minutes; at most \(longest))"
        }
        return nil
    }
}
