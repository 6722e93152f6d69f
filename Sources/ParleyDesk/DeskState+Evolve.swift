import Foundation

extension DeskState {
    /// Folds one event into the state as entry `entry` of the log (by default the one after the last).
    ///
    /// Never fails: events were checked when they were decided, and a timeline cut at an earlier
    /// instant may lack what a later event refers to, which is then skipped. A retraction folds the
    /// desk again from its first entry without the retracted one.
    public mutating func apply(_ event: DeskEvent, entry: Int64? = nil) {
        append(event, entry: entry)
        settle()
    }

    /// Folds one event in as entry `entry`, leaving the fold again that a retraction needs to `settle`:
    /// how many entries are folded at once, so a log with many retractions is folded again once, not once
    /// per retraction.
    public mutating func append(_ event: DeskEvent, entry: Int64? = nil) {
        let number = entry ?? log.nextNumber
        log.append(event, number: number)
        guard case .entryRetracted(let retraction) = event.fact else {
            // Once a fold again is due, it redoes everything: folding the entry now would be wasted.
            if !log.needsRefold { evolve(event) }
            return
        }
        // A number that names nothing held, another type, a retraction, or an entry already retracted
        // changes nothing (a cut may lack the entry; decide refuses the rest).
        guard let target = log.event(retraction.entry), target.type == retraction.type, !target.isRetraction,
            log.retracted[retraction.entry] == nil
        else { return }
        log.retract(RetractedEntry(entry: retraction.entry, at: event.at, reason: retraction.reason, by: number))
        log.needsRefold = true
    }

    /// Folds the desk again without its retracted entries, if a retraction has been appended since.
    public mutating func settle() {
        guard log.needsRefold else { return }
        log.needsRefold = false
        self = refolded()
    }

    /// The desk folded again from its log, without retracted entries.
    func refolded() -> DeskState {
        var fresh = DeskState()
        fresh.log = log
        for event in log.standing { fresh.evolve(event) }
        return fresh
    }

    /// Folds the fact of one standing entry into the state (the log is kept by `apply`).
    mutating func evolve(_ event: DeskEvent) {
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
            tasks[id]?.owner = terms.owner
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
        case .deskAmended(let title, let zone, let webhook, _):
            profile?.title = title
            profile?.zone = zone
            profile?.webhook = webhook
        case .playbookAmended(let id, let name, let steps, _):
            playbooks[id]?.name = name
            playbooks[id]?.steps = steps
        case .entryRetracted: break  // handled by `apply`
        }
    }
}
