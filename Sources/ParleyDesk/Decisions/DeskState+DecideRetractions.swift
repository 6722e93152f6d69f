import Foundation

extension DeskState {
    /// Retracting an entry: one the log holds and has not retracted already, that is not the desk's
    /// opening or a change of its settings, a retraction, or the timers' own record, and that no later
    /// entry depends on.
    ///
    /// "Depends on" is checked by deciding every later standing entry again, in order, on the desk
    /// without the retracted one: an entry that would now be refused (a move after the retracted move,
    /// an attempt on a retracted channel) names what must be retracted first. An entry that would be
    /// refused even with the retracted one kept (a log written under older rules) is not held against it.
    func decide(retractEntry command: RetractEntry) throws(DeskError) -> [DeskEvent] {
        try Self.requireNote(command.reason, field: "reason", required: true)
        try Self.requireTime(ZonedTime(command.at, zone: .utc), field: "at")
        guard let target = log.event(command.entry) else {
            throw .unknownReference(field: "entry", kind: "entry", id: "\(command.entry)")
        }
        if let earlier = log.retracted[command.entry] {
            throw .invalidValue(
                field: "entry", expected: "an entry not yet retracted",
                found: "entry \(command.entry), retracted by entry \(earlier.by): \(earlier.reason)")
        }
        switch target.fact {
        case .deskOpened:
            throw .invalidValue(
                field: "entry", expected: "an entry other than the desk's opening (amend the desk instead)",
                found: "entry \(command.entry)")
        case .deskAmended:
            // Only admins change the desk's title, zone and webhook; a retraction (an officer's tool) must
            // not undo what they set, so a desk amendment is corrected by amending the desk again.
            throw .invalidValue(
                field: "entry", expected: "an entry other than a change of the desk's settings (amend the desk again)",
                found: "entry \(command.entry)")
        case .entryRetracted:
            throw .invalidValue(
                field: "entry", expected: "an entry that is not itself a retraction (record the entry again instead)",
                found: "entry \(command.entry)")
        case .playbookTryDue, .deadlineAlarmRaised:
            throw .invalidValue(
                field: "entry", expected: "an entry a person made (this one the desk's timers wrote)",
                found: "entry \(command.entry): \(target.summary)")
        default: break
        }
        try requireNothingDepends(on: command.entry)
        return [
            DeskEvent(
                at: command.at,
                .entryRetracted(Retraction(entry: command.entry, type: target.type, reason: command.reason)))
        ]
    }

    private func requireNothingDepends(on retracted: Int64) throws(DeskError) {
        var kept = DeskState()
        var whole = DeskState()
        for (number, event) in log.entries where log.retracted[number] == nil && !event.isRetraction {
            if number == retracted {
                whole.evolve(event)
                continue
            }
            if number > retracted {
                do {
                    _ = try kept.decide(event.command, now: event.at, as: .all)
                } catch {
                    if (try? whole.decide(event.command, now: event.at, as: .all)) != nil {
                        throw .invalidValue(
                            field: "entry", expected: "an entry no later entry depends on (retract those first)",
                            found: "entry \(number) (\(event.summary)) would be refused without it: \(error.message)")
                    }
                }
            }
            kept.evolve(event)
            whole.evolve(event)
        }
    }
}
