import Foundation

extension DeskState {
    /// Adding an escalation playbook, not yet started.
    func decide(definePlaybook command: DefinePlaybook, now: Date) throws(DeskError) -> [DeskEvent] {
        let playbook = command.playbook
        try Self.requireNew(playbook.id, in: playbooks, kind: "playbook")
        try Self.requireName(playbook.name, field: "name")
        try Self.requireKnown(playbook.engagement, in: engagements, field: "engagement", kind: "engagement")
        try requireSteps(playbook.steps)
        return [DeskEvent(at: now, .playbookDefined(playbook))]
    }

    /// Refuses steps that are none, too many, on unknown channels, or with waits or repeats out of bounds.
    func requireSteps(_ steps: [PlaybookStep]) throws(DeskError) {
        guard !steps.isEmpty else {
            throw .invalidValue(field: "steps", expected: "at least one step", found: "none")
        }
        try Self.requireCount(steps.count, field: "steps", atMost: DeskLimits.maxSteps)
        for (index, step) in steps.enumerated() {
            try Self.requireKnown(step.channel, in: channels, field: "steps[\(index)].channel", kind: "channel")
            try Self.requireMinutes(
                step.wait, field: "steps[\(index)].wait", in: 1...DeskLimits.longestWait.value)
            guard DeskLimits.repeats.contains(step.repeats) else {
                throw .invalidValue(
                    field: "steps[\(index)].repeat",
                    expected: "\(DeskLimits.repeats.lowerBound) to \(DeskLimits.repeats.upperBound) tries",
                    found: "\(step.repeats)")
            }
        }
    }

    /// Starting a playbook once.
    func decide(startPlaybook id: Playbook.ID, at: ZonedTime) throws(DeskError) -> [DeskEvent] {
        let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
        try Self.requireTime(at, field: "at")
        guard playbook.startedAt == nil else {
            throw .invalidValue(field: "playbook", expected: "a playbook not yet started", found: id.rawValue)
        }
        return [DeskEvent(at: at.instant, .playbookStarted(id, at: at))]
    }

    /// Recording that a running playbook's next try came due, in order and once.
    func decide(markPlaybookTryDue id: Playbook.ID, due: PlaybookTry) throws(DeskError) -> [DeskEvent] {
        let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
        // Exactly once: only the next try of a running playbook, at its scheduled time.
        guard let start = playbook.startedAt, playbook.stopped == nil else {
            throw .invalidValue(field: "playbook", expected: "a running playbook", found: id.rawValue)
        }
        let schedule = playbook.schedule(from: start.instant)
        guard playbook.due.count < schedule.count, schedule[playbook.due.count].try == due else {
            throw .invalidValue(
                field: "try", expected: "the playbook's next try",
                found: "step \(due.step.countedFromOne) try \(due.repetition.countedFromOne)")
        }
        return [DeskEvent(at: due.at, .playbookTryDue(id, due))]
    }

    /// Stopping a running playbook.
    func decide(stopPlaybook id: Playbook.ID, stop: PlaybookStop) throws(DeskError) -> [DeskEvent] {
        let playbook = try Self.requireKnown(id, in: playbooks, field: "playbook", kind: "playbook")
        guard playbook.isRunning else {
            throw .invalidValue(field: "playbook", expected: "a running playbook", found: id.rawValue)
        }
        try Self.requireNote(stop.reason, field: "reason", required: true)
        let at = ZonedTime(stop.at, zone: zone)
        try Self.requireTime(at, field: "at")
        if let started = playbook.startedAt {
            try Self.requireNotBefore(at, started, field: "at", what: "the playbook's start")
        }
        return [DeskEvent(at: stop.at, .playbookStopped(id, stop))]
    }
}
