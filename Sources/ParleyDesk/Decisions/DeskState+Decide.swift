import Foundation

extension DeskState {
    /// Checks `command` against the current state and returns the events it causes, or refuses it.
    ///
    /// `now` is the injected clock's reading; it dates the registrations that carry no time of their own.
    /// `clearance` is the deciding person's: only a compartment's members may open an engagement in it
    /// (the desk's own timers, imports and the command line act for everyone and say so: `.all`; there is
    /// no default, so no caller is cleared for everything by leaving it out).
    /// - Throws: `DeskError` saying what was refused and why; nothing is recorded then.
    public func decide(_ command: DeskCommand, now: Date, as clearance: Clearance) throws(DeskError)
        -> [DeskEvent]
    {
        if case .openDesk(let profile) = command { return try decide(openDesk: profile) }
        guard profile != nil else { throw .deskNotOpened }

        switch command {
        case .openDesk:
            preconditionFailure("handled above")  // a desk is opened once, before anything else
        case .registerParty(let party): return try decide(registerParty: party, now: now)
        case .registerPrincipal(let principal): return try decide(registerPrincipal: principal, now: now)
        case .registerVenue(let venue): return try decide(registerVenue: venue, now: now)
        case .planTrip(let trip): return try decide(planTrip: trip, now: now)
        case .openEngagement(let engagement): return try decide(openEngagement: engagement, as: clearance)
        case .moveEngagement(let move): return try decide(moveEngagement: move)
        case .registerChannel(let channel): return try decide(registerChannel: channel, now: now)
        case .changeChannelStatus(let change): return try decide(changeChannelStatus: change)
        case .recordContactAttempt(let attempt): return try decide(recordContactAttempt: attempt)
        case .definePlaybook(let playbook): return try decide(definePlaybook: playbook, now: now)
        case .setDeadline(let deadline): return try decide(setDeadline: deadline, now: now)
        case .resolveDeadline(let resolution): return try decide(resolveDeadline: resolution)
        case .addAdvanceTasks(let added): return try decide(addAdvanceTasks: added, now: now)
        case .updateAdvanceTask(let update): return try decide(updateAdvanceTask: update)
        case .recordSignal(let signal): return try decide(recordSignal: signal)
        case .recordMessage(let message): return try decide(recordMessage: message)
        case .agreeSlot(let agreement): return try decide(agreeSlot: agreement)
        case .amendEngagement(let amendment): return try decide(amendEngagement: amendment)
        case .amendTrip(let amendment): return try decide(amendTrip: amendment)
        case .amendAdvanceTask(let amendment): return try decide(amendAdvanceTask: amendment)
        case .moveDeadline(let move): return try decide(moveDeadline: move)
        case .amendRecord(let amend): return try decide(amendRecord: amend)
        case .setTravelTime(let override): return try decide(setTravelTime: override, now: now)
        case .startPlaybook(let id, let at): return try decide(startPlaybook: id, at: at)
        case .markPlaybookTryDue(let id, let due): return try decide(markPlaybookTryDue: id, due: due)
        case .stopPlaybook(let id, let stop): return try decide(stopPlaybook: id, stop: stop)
        case .raiseDeadlineAlarm(let id, let lead, let at):
            return try decide(raiseDeadlineAlarm: id, lead: lead, at: at)
        case .recordItinerary(let itinerary): return try decide(recordItinerary: itinerary)
        case .retractEntry(let retraction): return try decide(retractEntry: retraction)
        }
    }
}
