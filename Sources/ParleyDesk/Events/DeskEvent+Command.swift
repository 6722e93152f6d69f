import Foundation

extension DeskEvent {
    /// The command that, decided on the desk as it stood before, yields this event again: how a scenario
    /// is replayed through a running desk, under the same rules as anything typed at it.
    public var command: DeskCommand {
        switch fact {
        case .deskOpened(let profile): .openDesk(profile)
        case .partyRegistered(let party): .registerParty(party)
        case .principalRegistered(let principal): .registerPrincipal(principal)
        case .venueRegistered(let venue): .registerVenue(venue)
        case .tripPlanned(let trip): .planTrip(trip)
        case .engagementOpened(let engagement): .openEngagement(OpenEngagement(engagement))
        case .engagementMoved(let id, let move):
            .moveEngagement(MoveEngagement(engagement: id, to: move.to, at: move.at, by: move.by, reason: move.reason))
        case .engagementSlotAgreed(let id, let slot):
            .agreeSlot(
                AgreeSlot(
                    engagement: id, terms: SlotTerms(start: slot.start, duration: slot.duration, venue: slot.venue),
                    at: slot.agreedAt))
        case .messageReceived(let message): .recordMessage(message)
        case .engagementAmended(let id, let terms, let amendment):
            .amendEngagement(AmendEngagement(id, to: terms, amendment: amendment))
        case .tripAmended(let id, let title, let stays, let commitments, let amendment):
            .amendTrip(AmendTrip(id, title: title, stays: stays, commitments: commitments, amendment: amendment))
        case .advanceTaskAmended(let id, let terms, let amendment):
            .amendAdvanceTask(AmendAdvanceTask(id, to: terms, amendment: amendment))
        case .partyAmended(let party, let amendment):
            .amendRecord(AmendRecord(.party(party), at: amendment.at, reason: amendment.reason))
        case .principalAmended(let principal, let amendment):
            .amendRecord(AmendRecord(.principal(principal), at: amendment.at, reason: amendment.reason))
        case .venueAmended(let venue, let amendment):
            .amendRecord(AmendRecord(.venue(venue), at: amendment.at, reason: amendment.reason))
        case .channelAmended(let id, let name, let via, let amendment):
            .amendRecord(AmendRecord(.channel(id, name: name, via: via), at: amendment.at, reason: amendment.reason))
        case .deadlineMoved(let id, let due, let alarms, let amendment):
            .moveDeadline(
                MoveDeadline(deadline: id, due: due, alarms: alarms, at: amendment.at, reason: amendment.reason))
        case .channelRegistered(let channel): .registerChannel(RegisterChannel(channel))
        case .channelStatusChanged(let id, let change):
            .changeChannelStatus(ChangeChannelStatus(channel: id, to: change.to, at: change.at, reason: change.reason))
        case .contactAttemptRecorded(let attempt): .recordContactAttempt(attempt)
        case .playbookDefined(let playbook): .definePlaybook(DefinePlaybook(playbook))
        case .deadlineSet(let deadline): .setDeadline(SetDeadline(deadline))
        case .deadlineResolved(let id, let status, let at, let note):
            .resolveDeadline(ResolveDeadline(deadline: id, status: status, at: at, note: note))
        case .advanceTasksAdded(let tasks): .addAdvanceTasks(AddAdvanceTasks(tasks))
        case .advanceTaskUpdated(let id, let status, let at):
            .updateAdvanceTask(UpdateAdvanceTask(task: id, status: status, at: at))
        case .signalRecorded(let signal): .recordSignal(signal)
        case .travelTimeSet(let override): .setTravelTime(override)
        case .itineraryPlanned(let itinerary): .recordItinerary(itinerary)
        case .playbookStarted(let id, let at): .startPlaybook(id, at: at)
        case .playbookTryDue(let id, let due): .markPlaybookTryDue(id, due)
        case .playbookStopped(let id, let stop): .stopPlaybook(id, stop)
        case .deadlineAlarmRaised(let id, let lead): .raiseDeadlineAlarm(id, lead: lead, at: at)
        case .deskAmended(let title, let zone, let webhook, let amendment):
            .amendRecord(
                AmendRecord(
                    .desk(title: title, zone: zone, webhook: webhook), at: amendment.at, reason: amendment.reason))
        case .playbookAmended(let id, let name, let steps, let amendment):
            .amendRecord(
                AmendRecord(.playbook(id, name: name, steps: steps), at: amendment.at, reason: amendment.reason))
        case .entryRetracted(let retraction):
            .retractEntry(RetractEntry(entry: retraction.entry, reason: retraction.reason, at: at))
        }
    }
}
