extension DeskEvent {
    /// One line saying what happened, for timelines: names and states as a reader would say them.
    public var summary: String {
        switch fact {
        case .deskOpened(let profile): "desk '\(profile.name)' opened: \(profile.title)"
        case .partyRegistered(let party): "party \(party.id): \(party.name)"
        case .principalRegistered(let principal): "principal \(principal.id): \(principal.name) (\(principal.party))"
        case .venueRegistered(let venue): "venue \(venue.id): \(venue.name) [\(venue.zone)]"
        case .tripPlanned(let trip):
            "trip \(trip.id): \(trip.title), \(trip.stays.count) stays, \(trip.commitments.count) fixed commitments"
        case .engagementOpened(let engagement): "engagement \(engagement.id) opened: \(engagement.title)"
        case .engagementMoved(let id, let move):
            "engagement \(id): \(move.from.label) → \(move.to.label)\(move.kind.isEmpty ? "" : " (\(move.kind))")"
                + " (by \(move.by)): \(move.reason)"
        case .channelRegistered(let channel):
            "channel \(channel.id) (\(channel.kind.rawValue)): \(channel.status.rawValue)"
        case .channelStatusChanged(let id, let change):
            "channel \(id): \(change.from.rawValue) → \(change.to.rawValue): \(change.reason)"
        case .contactAttemptRecorded(let attempt):
            "attempt on \(attempt.channel): \(attempt.outcome.rawValue)"
                + (attempt.note.isEmpty ? "" : ": \(attempt.note)")
        case .playbookDefined(let playbook):
            "playbook \(playbook.id): " + playbook.steps.map { "\($0.channel) (\($0.wait))" }.joined(separator: " → ")
        case .deadlineSet(let deadline): "deadline \(deadline.id) set: \(deadline.title), due \(deadline.due.display)"
        case .deadlineResolved(let id, let status, _, let note):
            "deadline \(id) \(status.rawValue)" + (note.isEmpty ? "" : ": \(note)")
        case .advanceTasksAdded(let tasks): "advance tasks added: " + tasks.map(\.id.rawValue).joined(separator: ", ")
        case .advanceTaskUpdated(let id, let status, _): "advance task \(id): \(status.rawValue)"
        case .travelTimeSet(let override):
            "travel time \(override.from) → \(override.to): \(override.time)"
        case .itineraryPlanned(let itinerary):
            "itinerary for \(itinerary.trip): \(itinerary.visits.count) visits, \(itinerary.leftOut.count) meetings left out"
        case .playbookStarted(let id, _): "playbook \(id) started"
        case .playbookTryDue(let id, let due):
            "playbook \(id): try \(due.channel) now (step \(due.step.countedFromOne), try \(due.repetition.countedFromOne))"
        case .playbookStopped(let id, let stop): "playbook \(id) stopped: \(stop.reason)"
        case .deadlineAlarmRaised(let id, let lead): "deadline \(id): \(lead) left"
        case .deskAmended(_, _, _, let amendment): "desk amended" + amendment.summary
        case .playbookAmended(let id, _, _, let amendment): "playbook \(id) amended" + amendment.summary
        case .entryRetracted(let retraction):
            "entry \(retraction.entry) retracted (\(retraction.type)): \(retraction.reason)"
        case .messageReceived(let message):
            "message \(message.id) from \(message.from)"
                + (message.channel.map { " on \($0)" } ?? "") + " [\(message.stance.rawValue)]: \(message.summary)"
                + (message.asks.map { " Asks: \($0)" } ?? "")
        case .engagementAmended(let id, _, let amendment): "engagement \(id) amended" + amendment.summary
        case .tripAmended(let id, _, _, _, let amendment): "trip \(id) amended" + amendment.summary
        case .advanceTaskAmended(let id, _, let amendment): "advance task \(id) amended" + amendment.summary
        case .partyAmended(let party, let amendment): "party \(party.id) amended" + amendment.summary
        case .principalAmended(let principal, let amendment): "principal \(principal.id) amended" + amendment.summary
        case .venueAmended(let venue, let amendment): "venue \(venue.id) amended" + amendment.summary
        case .channelAmended(let id, _, _, let amendment): "channel \(id) amended" + amendment.summary
        case .deadlineMoved(let id, let due, _, let amendment):
            "deadline \(id) moved to \(due.display)" + amendment.summary
        case .engagementSlotAgreed(let id, let slot):
            "engagement \(id): slot agreed, \(slot.start.display) for \(slot.duration) at \(slot.venue)"
        case .signalRecorded(let signal):
            "signal \(signal.id) [\(signal.grade), \(signal.stance.rawValue)]: \(signal.summary) — "
                + signal.attribution.joined(separator: " via ")
        }
    }

    /// Whether this event concerns `engagement` in `state`: names it, or touches its deadlines or tasks.
    public func concerns(_ engagement: Engagement.ID, in state: DeskState) -> Bool {
        if self.engagement == engagement { return true }
        switch fact {
        case .deadlineResolved(let id, _, _, _), .deadlineMoved(let id, _, _, _), .deadlineAlarmRaised(let id, _):
            return state.deadlines[id]?.engagement == engagement
        case .advanceTaskUpdated(let id, _, _), .advanceTaskAmended(let id, _, _):
            return state.tasks[id]?.engagement == engagement
        case .playbookStarted(let id, _), .playbookTryDue(let id, _), .playbookStopped(let id, _),
            .playbookAmended(let id, _, _, _):
            return state.playbooks[id]?.engagement == engagement
        case .entryRetracted(let retraction):
            return state.log.event(retraction.entry)?.concerns(engagement, in: state) ?? false
        case .advanceTasksAdded(let tasks): return tasks.contains { $0.engagement == engagement }
        default: return false
        }
    }
}
