import Foundation

extension DeskState {
    /// Setting an open deadline with distinct alarm lead times.
    func decide(setDeadline command: SetDeadline, now: Date) throws(DeskError) -> [DeskEvent] {
        let deadline = command.deadline
        try Self.requireNew(deadline.id, in: deadlines, kind: "deadline")
        try Self.requireName(deadline.title, field: "title")
        try Self.requireTime(deadline.due, field: "due")
        try Self.requireNote(deadline.note, field: "note")
        try Self.requireCount(deadline.alarms.count, field: "alarms", atMost: DeskLimits.maxAlarms)
        try Self.requireKnown(deadline.owedBy, in: parties, field: "owed_by", kind: "party")
        if let id = deadline.engagement {
            try Self.requireKnown(id, in: engagements, field: "engagement", kind: "engagement")
        }
        guard deadline.alarms.allSatisfy({ (1...DeskLimits.longestWait.value).contains($0.value) }),
            Set(deadline.alarms).count == deadline.alarms.count
        else {
            throw .invalidValue(
                field: "alarms",
                expected: "distinct lead times longer than 0m and at most \(DeskLimits.longestWait)",
                found: deadline.alarms.map(\.description).joined(separator: ", "))
        }
        return [DeskEvent(at: now, .deadlineSet(deadline))]
    }

    /// Marking an open deadline met, missed or waived.
    func decide(resolveDeadline resolution: ResolveDeadline) throws(DeskError) -> [DeskEvent] {
        let deadline = try Self.requireKnown(
            resolution.deadline, in: deadlines, field: "deadline", kind: "deadline")
        guard deadline.status == .open else { throw .deadlineAlreadyResolved(deadline.id, deadline.status) }
        try Self.requireTime(resolution.at, field: "at")
        try Self.requireNote(resolution.note, field: "note")
        guard resolution.status != .open else {
            throw .invalidValue(field: "status", expected: "met, missed or waived", found: resolution.status.rawValue)
        }
        let event = DeskEvent.Fact.deadlineResolved(
            deadline.id, resolution.status, at: resolution.at, note: resolution.note)
        return [DeskEvent(at: resolution.at.instant, event)]
    }

    /// Raising one of an open deadline's alarms, once.
    func decide(raiseDeadlineAlarm id: Deadline.ID, lead: Minutes, at: Date) throws(DeskError) -> [DeskEvent] {
        let deadline = try Self.requireKnown(id, in: deadlines, field: "deadline", kind: "deadline")
        guard deadline.status == .open, deadline.alarms.contains(lead), !deadline.alarmsRaised.contains(lead) else {
            throw .invalidValue(
                field: "lead", expected: "an alarm of an open deadline not yet raised", found: "\(lead)")
        }
        return [DeskEvent(at: at, .deadlineAlarmRaised(id, lead: lead))]
    }
}
