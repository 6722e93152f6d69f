extension DeskCommand {
    /// The type of the event this command records when the desk accepts it (`SignalRecorded`).
    ///
    /// Lets a repeated write with an idempotency key be told from a different write under the same key.
    public var eventType: String {
        switch self {
        case .openDesk: "DeskOpened"
        case .registerParty: "PartyRegistered"
        case .registerPrincipal: "PrincipalRegistered"
        case .registerVenue: "VenueRegistered"
        case .planTrip: "TripPlanned"
        case .openEngagement: "EngagementOpened"
        case .moveEngagement: "EngagementMoved"
        case .registerChannel: "ChannelRegistered"
        case .changeChannelStatus: "ChannelStatusChanged"
        case .recordContactAttempt: "ContactAttemptRecorded"
        case .definePlaybook: "PlaybookDefined"
        case .setDeadline: "DeadlineSet"
        case .resolveDeadline: "DeadlineResolved"
        case .addAdvanceTasks: "AdvanceTasksAdded"
        case .updateAdvanceTask: "AdvanceTaskUpdated"
        case .recordSignal: "SignalRecorded"
        case .recordMessage: "MessageReceived"
        case .agreeSlot: "EngagementSlotAgreed"
        case .amendEngagement: "EngagementAmended"
        case .amendTrip: "TripAmended"
        case .amendAdvanceTask: "AdvanceTaskAmended"
        case .moveDeadline: "DeadlineMoved"
        case .amendRecord(let amend):
            switch amend.change {
            case .party: "PartyAmended"
            case .principal: "PrincipalAmended"
            case .venue: "VenueAmended"
            case .channel: "ChannelAmended"
            case .desk: "DeskAmended"
            case .playbook: "PlaybookAmended"
            }
        case .setTravelTime: "TravelTimeSet"
        case .recordItinerary: "ItineraryPlanned"
        case .startPlaybook: "PlaybookStarted"
        case .markPlaybookTryDue: "PlaybookTryDue"
        case .stopPlaybook: "PlaybookStopped"
        case .raiseDeadlineAlarm: "DeadlineAlarmRaised"
        case .retractEntry: "EntryRetracted"
        }
    }
}
