import Foundation

extension DeskState {
    /// Adding advance tasks whose dependencies are known and acyclic.
    func decide(addAdvanceTasks command: AddAdvanceTasks, now: Date) throws(DeskError) -> [DeskEvent] {
        let added = command.advanceTasks
        try checkTasks(added)
        return [DeskEvent(at: now, .advanceTasksAdded(added))]
    }

    /// Recording an advance task's progress.
    func decide(updateAdvanceTask update: UpdateAdvanceTask) throws(DeskError) -> [DeskEvent] {
        try Self.requireKnown(update.task, in: tasks, field: "task", kind: "advance task")
        try Self.requireTime(update.at, field: "at")
        return [DeskEvent(at: update.at.instant, .advanceTaskUpdated(update.task, update.status, at: update.at))]
    }

    private func checkTasks(_ added: [AdvanceTask]) throws(DeskError) {
        try Self.requireCount(added.count, field: "tasks")
        var batch: [AdvanceTask.ID: AdvanceTask] = [:]
        for task in added {
            try Self.requireNew(task.id, in: tasks, kind: "advance task")
            guard batch[task.id] == nil else { throw .duplicateID(kind: "advance task", id: task.id.rawValue) }
            batch[task.id] = task
        }
        for task in added {
            try Self.requireName(task.title, field: "title")
            try Self.requireLine(task.owner ?? "", field: "owner")
            try Self.requireMinutes(task.duration, field: "duration", in: 1...DeskLimits.longestTask.value)
            try Self.requireMinutes(task.leadTime, field: "lead_time", in: 0...DeskLimits.longestTask.value)
            try Self.requireCount(task.dependsOn.count, field: "depends_on")
            // A new task has no progress: it is moved on by updates of its own.
            try Self.requireKnown(task.engagement, in: engagements, field: "engagement", kind: "engagement")
            try Self.requireKnown(task.venue, in: venues, field: "venue", kind: "venue")
            for dependency in task.dependsOn where tasks[dependency] == nil && batch[dependency] == nil {
                throw .unknownReference(field: "depends_on", kind: "advance task", id: dependency.rawValue)
            }
        }
        let graph = tasks.merging(batch) { _, new in new }.mapValues(\.dependsOn)
        if let cycle = DependencyCycle.find(in: graph, startingFrom: added.map(\.id)) {
            throw .dependencyCycle(cycle)
        }
    }
}
