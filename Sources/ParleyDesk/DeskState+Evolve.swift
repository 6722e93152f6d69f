import Foundation

extension DeskState {
    /// Folds one event into the state.
    ///
    /// Never fails: events were checked when they were decided, and a timeline cut at an earlier
    /// instant may lack what a later event refers to, which is then skipped.
    public mutating func apply(_ event: DeskEvent) {
        switch event.fact {
        case .deskOpened(let profile): self.profile = profile
        case .partyRegistered(let party): parties[party.id] = party
        case .principalRegistered(let principal): principals[principal.id] = principal
        case .venueRegistered(let venue): venues[venue.id] = venue
        case .tripPlanned(let trip): trips[trip.id] = trip
        case .engagementOpened(let engagement): engagements[engagement.id] = engagement
        case .engagementMoved(let id, let transition):
            engagements[id]?.history.append(transition)
            engagements[id]?.state = transition.to
            // A meeting called off, refused or postponed has no agreed slot; a revival agrees one anew.
            if transition.to.isExit { engagements[id]?.agreedSlot = nil }
        case .channelRegistered(let channel): channels[channel.id] = channel
        case .channelStatusChanged(let id, let change): channels[id]?.changes.append(change)
        case .contactAttemptRecorded(let attempt): attempts[attempt.id] = attempt
        case .playbookDefined(let playbook): playbooks[playbook.id] = playbook
        case .deadlineSet(var deadline):
            deadline.setAt = ZonedTime(event.at, zone: deadline.due.zone)
            deadlines[deadline.id] = deadline
        case .deadlineResolved(let id, let status, let at, let note):
            deadlines[id]?.status = status
            deadlines[id]?.resolvedAt = at
            deadlines[id]?.note = note
        case .advanceTasksAdded(let added): for task in added { tasks[task.id] = task }
        case .advanceTaskUpdated(let id, let status, let at):
            tasks[id]?.status = status
            tasks[id]?.statusAt = at
        case .signalRecorded(let signal): signals[signal.id] = signal
        case .messageReceived(let message): messages[message.id] = message
        case .engagementSlotAgreed(let id, let slot): engagements[id]?.agreedSlot = slot
        case .engagementAmended(let id, let terms, _):
            engagements[id]?.title = terms.title
            engagements[id]?.purpose = terms.purpose
            engagements[id]?.priority = terms.priority
            engagements[id]?.duration = terms.duration
            engagements[id]?.venues = terms.venues
            engagements[id]?.windows = terms.windows
            engagements[id]?.principals = terms.principals
        case .tripAmended(let id, let title, let stays, let commitments, _):
            trips[id]?.title = title
            trips[id]?.stays = stays
            trips[id]?.commitments = commitments
        case .advanceTaskAmended(let id, let terms, _):
            tasks[id]?.title = terms.title
            tasks[id]?.duration = terms.duration
            tasks[id]?.leadTime = terms.leadTime
            tasks[id]?.dependsOn = terms.dependsOn
        case .partyAmended(let party, _): if parties[party.id] != nil { parties[party.id] = party }
        case .principalAmended(let principal, _):
            if principals[principal.id] != nil { principals[principal.id] = principal }
        case .venueAmended(let venue, _): if venues[venue.id] != nil { venues[venue.id] = venue }
        case .channelAmended(let id, let name, let via, _):
            channels[id]?.name = name
            channels[id]?.via = via
        case .deadlineMoved(let id, let due, let alarms, let amendment):
            deadlines[id]?.due = due
            deadlines[id]?.alarms = alarms
            // An alarm that now rings later than the move is to ring again; one whose time had passed stays raised.
            deadlines[id]?.alarmsRaised.removeAll { lead in
                !alarms.contains(lead) || due.instant.addingTimeInterval(-lead.seconds) > amendment.at.instant
            }
        case .travelTimeSet(let override): travelOverrides[Self.travelKey(override.from, override.to)] = override
        case .itineraryPlanned(let itinerary): itineraries[itinerary.trip] = itinerary
        case .playbookStarted(let id, let at): playbooks[id]?.startedAt = at
        case .playbookTryDue(let id, let due): playbooks[id]?.due.append(due)
        case .playbookStopped(let id, let stop): playbooks[id]?.stopped = stop
        case .deadlineAlarmRaised(let id, let lead): deadlines[id]?.alarmsRaised.append(lead)
        }
    }
}
