import Foundation

/// Reading the desk's work: playbooks (their steps, tries and stops), deadlines (set, moved, resolved)
/// and advance tasks (added, amended, progressed).
extension ScenarioReader {
    mutating func readPlaybook(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "name", "engagement", "steps", "started_at", "tries", "stopped", "amendments",
        ])
        let playbook = Playbook(
            id: try id(item), name: try item.required("name").nonEmptyText(), engagement: try id(item, "engagement"),
            steps: try playbookSteps(item.required("steps")))
        try run(.definePlaybook(DefinePlaybook(playbook)), at: item)
        // Changed before it was started.
        for (amend, entry) in try amendments(
            of: item,
            { (change) throws(ScenarioError) in
                try change.requireMapping(allowed: ["at", "reason", "name", "steps", "known_at"])
                return .playbook(
                    playbook.id, name: try change.optional("name")?.nonEmptyText() ?? playbook.name,
                    steps: try change.optional("steps").map { (steps) throws(ScenarioError) in
                        try playbookSteps(steps)
                    } ?? playbook.steps)
            })
        {
            try run(.amendRecord(amend), at: entry)
        }
        if let started = item.optional("started_at") {
            try run(.startPlaybook(playbook.id, at: try time(started)), at: started)
        }
        for entry in try item.listIfPresent("tries") {
            try entry.requireMapping(allowed: ["step", "repetition", "channel", "at"])
            let due = PlaybookTry(
                // Counted from 1 in the file; Int.min cannot be counted down (decide refuses what does not fit).
                step: max(try entry.required("step").integer(), Int.min + 1) - 1,
                repetition: max(try entry.required("repetition").integer(), Int.min + 1) - 1,
                channel: try id(entry, "channel"), at: try time(entry.required("at")).instant)
            try run(.markPlaybookTryDue(playbook.id, due), at: entry)
        }
        if let stopped = item.optional("stopped") {
            try stopped.requireMapping(allowed: ["at", "reason"])
            let stop = PlaybookStop(
                at: try time(stopped.required("at")).instant, reason: try stopped.required("reason").nonEmptyText())
            try run(.stopPlaybook(playbook.id, stop), at: stopped)
        }
    }

    func playbookSteps(_ list: YAMLCursor) throws(ScenarioError) -> [PlaybookStep] {
        var steps: [PlaybookStep] = []
        for step in try list.list() {
            try step.requireMapping(allowed: ["channel", "wait", "repeat"])
            steps.append(
                PlaybookStep(
                    channel: try id(step, "channel"),
                    wait: try step.required("wait").parse { (text) throws(DeskError) in
                        try Minutes.parse(text, field: "wait")
                    },
                    repeats: try step.optional("repeat")?.integer() ?? 1))
        }
        return steps
    }

    mutating func readDeadline(_ item: YAMLCursor) throws(ScenarioError) {
        try item.requireMapping(allowed: [
            "id", "title", "engagement", "owed_by", "due", "status", "resolved_at", "note", "alarms", "alarms_raised",
            "set_at", "moves",
        ])
        let minutes = { (cursor: YAMLCursor) throws(ScenarioError) -> Minutes in
            try cursor.parse { (text) throws(DeskError) in try Minutes.parse(text, field: "alarms") }
        }
        let deadline = Deadline(
            id: try id(item), title: try item.required("title").nonEmptyText(),
            engagement: try optionalID(item, "engagement"), owedBy: try id(item, "owed_by"),
            due: try time(item.required("due")), alarms: try item.listIfPresent("alarms").map(minutes))
        // Set when the file says it was asked for; else when the desk was opened.
        let setAt = try item.optional("set_at").map { (cursor) throws(ScenarioError) in try time(cursor) }
        try run(.setDeadline(SetDeadline(deadline)), at: item, now: setAt?.instant)
        for raised in try item.listIfPresent("alarms_raised") {
            let lead = try minutes(raised)
            try run(
                .raiseDeadlineAlarm(
                    deadline.id, lead: lead, at: deadline.due.instant.addingTimeInterval(-lead.seconds)),
                at: raised)
        }
        // Moved (extended, brought forward) while open; `due` above is where it was first set.
        for move in try item.listIfPresent("moves") {
            try move.requireMapping(allowed: ["due", "at", "reason", "alarms"])
            let command = MoveDeadline(
                deadline: deadline.id, due: try time(move.required("due")),
                alarms: try move.optional("alarms").map { (cursor) throws(ScenarioError) in
                    try cursor.list().map(minutes)
                },
                at: try time(move.required("at")), reason: try move.required("reason").nonEmptyText())
            try run(.moveDeadline(command), at: move, now: command.at.instant)
        }
        let status = try item.optional("status")?.choice(DeadlineStatus.self) ?? .open
        let note = try item.optional("note")?.text() ?? ""
        if status == .open {
            if let resolved = item.optional("resolved_at") {
                throw resolved.error("an open deadline has no resolved_at")
            }
            return
        }
        let at = try time(item.required("resolved_at"))
        try run(.resolveDeadline(ResolveDeadline(deadline: deadline.id, status: status, at: at, note: note)), at: item)
    }

    mutating func readTasks(_ items: [YAMLCursor]) throws(ScenarioError) {
        var tasks: [(task: AdvanceTask, addedAt: Date?, cursor: YAMLCursor)] = []
        var cursors: [String: YAMLCursor] = [:]
        var updates: [(UpdateAdvanceTask, YAMLCursor)] = []
        for item in items {
            try item.requireMapping(allowed: [
                "id", "title", "kind", "engagement", "venue", "duration", "lead_time", "depends_on", "owner", "status",
                "status_at", "progress", "added_at", "amendments",
            ])
            let task = AdvanceTask(
                id: try id(item), title: try item.required("title").nonEmptyText(),
                kind: try item.required("kind").choice(TaskKind.self), engagement: try id(item, "engagement"),
                venue: try id(item, "venue"),
                duration: try item.required("duration").parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "duration")
                },
                leadTime: try item.optional("lead_time")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "lead_time")
                } ?? Minutes(0),
                dependsOn: try item.listIfPresent("depends_on").map { (cursor) throws(ScenarioError) in
                    try identifier(cursor)
                }, owner: try item.optional("owner")?.nonEmptyText())
            // Added when the file says, else with the desk's opening.
            let addedAt = try item.optional("added_at").map { (cursor) throws(ScenarioError) in try time(cursor) }
            tasks.append((task, addedAt?.instant, item))
            cursors[task.id.rawValue] = item
            // Its progress: each change with its time, then (as files have always said) the latest.
            for step in try item.listIfPresent("progress") {
                try step.requireMapping(allowed: ["status", "at", "known_at"])
                updates.append(
                    (
                        UpdateAdvanceTask(
                            task: task.id, status: try step.required("status").choice(TaskStatus.self),
                            at: try time(step.required("at"))), step
                    ))
            }
            let status = try item.optional("status")?.choice(TaskStatus.self) ?? .pending
            if let statusAt = item.optional("status_at") {
                updates.append((UpdateAdvanceTask(task: task.id, status: status, at: try time(statusAt)), item))
            } else if status != .pending {
                throw item.error("status '\(status.rawValue)' needs status_at: when it changed")
            }
        }
        guard !tasks.isEmpty else { return }
        // Tasks added together are one event; those added later, one event per time, in time order.
        let batches = Dictionary(grouping: tasks, by: \.addedAt).sorted {
            ($0.key ?? .distantPast) < ($1.key ?? .distantPast)
        }
        for (addedAt, batch) in batches {
            try run(
                .addAdvanceTasks(AddAdvanceTasks(batch.map(\.task))), at: batch[0].cursor, items: cursors, now: addedAt)
        }
        for item in items {
            for change in try item.listIfPresent("amendments") {
                try change.requireMapping(allowed: [
                    "at", "reason", "title", "duration", "lead_time", "depends_on", "owner", "known_at",
                ])
                var amend = AmendAdvanceTask(
                    task: try id(item), at: try time(change.required("at")),
                    reason: try change.required("reason").nonEmptyText())
                amend.title = try change.optional("title")?.nonEmptyText()
                amend.duration = try change.optional("duration")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "duration")
                }
                amend.leadTime = try change.optional("lead_time")?.parse { (text) throws(DeskError) in
                    try Minutes.parse(text, field: "lead_time")
                }
                // `owner: ""` says nobody does it any more.
                if let owner = change.given("owner") { amend.owner = owner.isNone ? "" : try owner.nonEmptyText() }
                if let dependsOn = change.optional("depends_on") {
                    amend.dependsOn = try dependsOn.list().map { (cursor) throws(ScenarioError) in
                        try identifier(cursor)
                    }
                }
                try run(.amendAdvanceTask(amend), at: change)
            }
        }
        for (update, cursor) in updates.enumerated().sorted(by: {
            ($0.element.0.at.instant, $0.offset) < ($1.element.0.at.instant, $1.offset)
        }).map(\.element) {
            try run(.updateAdvanceTask(update), at: cursor)
        }
    }
}
