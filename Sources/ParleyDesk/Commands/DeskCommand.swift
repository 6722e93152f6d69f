import Foundation

/// Something a person asks the desk to do; the desk checks it against its state and records events.
public enum DeskCommand: Sendable, Equatable {
    /// Open the desk; the first command of every desk.
    case openDesk(DeskProfile)
    /// Add a party.
    case registerParty(Party)
    /// Add a principal of a known party.
    case registerPrincipal(Principal)
    /// Add a venue.
    case registerVenue(Venue)
    /// Add a trip with its stays and fixed commitments.
    case planTrip(Trip)
    /// Record a new engagement, in state `idea`.
    case openEngagement(OpenEngagement)
    /// Move an engagement through its lifecycle.
    case moveEngagement(MoveEngagement)
    /// Add a channel to a party.
    case registerChannel(RegisterChannel)
    /// Record that a channel's status changed.
    case changeChannelStatus(ChangeChannelStatus)
    /// Record a contact attempt and its outcome.
    case recordContactAttempt(ContactAttempt)
    /// Add an escalation playbook.
    case definePlaybook(DefinePlaybook)
    /// Set an open deadline.
    case setDeadline(SetDeadline)
    /// Mark a deadline met or missed.
    case resolveDeadline(ResolveDeadline)
    /// Add advance tasks; they may depend on each other and on tasks already on the desk.
    case addAdvanceTasks(AddAdvanceTasks)
    /// Record an advance task's progress.
    case updateAdvanceTask(UpdateAdvanceTask)
    /// Record a signal.
    case recordSignal(Signal)
    /// Record a message from the other side or an intermediary.
    case recordMessage(InboundMessage)
    /// Record (or change) the slot both sides agreed for an engagement.
    case agreeSlot(AgreeSlot)
    /// Change an engagement's terms.
    case amendEngagement(AmendEngagement)
    /// Change a trip's title, stays or commitments.
    case amendTrip(AmendTrip)
    /// Change an advance task's terms.
    case amendAdvanceTask(AmendAdvanceTask)
    /// Move an open deadline.
    case moveDeadline(MoveDeadline)
    /// Change the desk's profile, a party, a principal, a venue, a channel or a playbook not yet started.
    case amendRecord(AmendRecord)
    /// Set a known travel time between two venues, overriding the travel model.
    case setTravelTime(TravelOverride)
    /// Record what the planner made of a trip.
    case recordItinerary(Itinerary)
    /// Start an escalation playbook: its first step is due at once.
    case startPlaybook(Playbook.ID, at: ZonedTime)
    /// Record that the next try of a running playbook has come due (the scheduler's command).
    case markPlaybookTryDue(Playbook.ID, PlaybookTry)
    /// Stop a running playbook.
    case stopPlaybook(Playbook.ID, PlaybookStop)
    /// Raise a deadline's alarm (the scheduler's command).
    case raiseDeadlineAlarm(Deadline.ID, lead: Minutes, at: Date)
    /// Take back an earlier entry of the log, with a reason.
    case retractEntry(RetractEntry)
}
