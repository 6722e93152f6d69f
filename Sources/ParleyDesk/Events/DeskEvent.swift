import Foundation

/// Something that happened to the desk: the log is a list of these, and the desk's state is their fold.
public struct DeskEvent: Sendable, Equatable {
    /// When it happened in the world (not when it was written down; the log's envelope keeps that).
    public var at: Date
    /// What happened.
    public var fact: Fact
    /// When the desk learned of it, when that was later than it happened (a visit reported a fortnight
    /// later, an entry typed after the fact); nil when the desk knew at once.
    public var known: Date?

    /// An event at an instant, known when it happened unless `known` says later.
    public init(at: Date, _ fact: Fact, known: Date? = nil) {
        self.at = at
        self.fact = fact
        self.known = known.flatMap { $0 > at ? $0 : nil }
    }

    /// When the desk learned of it.
    public var learned: Date { known ?? at }

    /// Whether the desk had it by `moment`: as it was known then, or (`asHappened`) as it had happened.
    public func isPast(_ moment: Date, _ hindsight: Hindsight) -> Bool {
        switch hindsight {
        case .asKnown: learned <= moment
        case .asHappened: at <= moment
        }
    }

    /// What happened, one case per event type; names are in the past tense.
    public enum Fact: Sendable, Equatable {
        /// The desk was opened.
        case deskOpened(DeskProfile)
        /// A party was added.
        case partyRegistered(Party)
        /// A principal was added.
        case principalRegistered(Principal)
        /// A venue was added.
        case venueRegistered(Venue)
        /// A trip was planned.
        case tripPlanned(Trip)
        /// An engagement was recorded, in state `idea`.
        case engagementOpened(Engagement)
        /// An engagement moved through its lifecycle.
        case engagementMoved(Engagement.ID, EngagementTransition)
        /// A channel was added.
        case channelRegistered(Channel)
        /// A channel's status changed.
        case channelStatusChanged(Channel.ID, ChannelStatusChange)
        /// A contact attempt was made.
        case contactAttemptRecorded(ContactAttempt)
        /// A playbook was defined.
        case playbookDefined(Playbook)
        /// A deadline was set.
        case deadlineSet(Deadline)
        /// A deadline was met or missed.
        case deadlineResolved(Deadline.ID, DeadlineStatus, at: ZonedTime, note: String)
        /// Advance tasks were added.
        case advanceTasksAdded([AdvanceTask])
        /// An advance task's status changed.
        case advanceTaskUpdated(AdvanceTask.ID, TaskStatus, at: ZonedTime)
        /// A signal was recorded.
        case signalRecorded(Signal)
        /// A message came from the other side or an intermediary.
        case messageReceived(InboundMessage)
        /// Both sides agreed when and where an engagement's meeting takes place (or changed it).
        case engagementSlotAgreed(Engagement.ID, AgreedSlot)
        /// An engagement's terms changed (title, purpose, priority, duration, windows, venues, principals).
        case engagementAmended(Engagement.ID, EngagementTerms, Amendment)
        /// A trip's title, stays or commitments changed.
        case tripAmended(Trip.ID, title: String, stays: [Stay], commitments: [FixedCommitment], Amendment)
        /// An advance task's title, duration, lead time or dependencies changed.
        case advanceTaskAmended(AdvanceTask.ID, TaskTerms, Amendment)
        /// An open deadline was moved (or its alarms changed).
        case deadlineMoved(Deadline.ID, due: ZonedTime, alarms: [Minutes], Amendment)
        /// A party was renamed.
        case partyAmended(Party, Amendment)
        /// A principal's name, title or party changed.
        case principalAmended(Principal, Amendment)
        /// A venue's name, city, coordinates or zone changed.
        case venueAmended(Venue, Amendment)
        /// A channel's name or intermediary changed.
        case channelAmended(Channel.ID, name: String, via: Party.ID?, Amendment)
        /// A travel time was set between two venues.
        case travelTimeSet(TravelOverride)
        /// A trip was planned.
        case itineraryPlanned(Itinerary)
        /// A playbook was started.
        case playbookStarted(Playbook.ID, at: ZonedTime)
        /// A playbook's next try came due.
        case playbookTryDue(Playbook.ID, PlaybookTry)
        /// A playbook stopped.
        case playbookStopped(Playbook.ID, PlaybookStop)
        /// A deadline's alarm was raised.
        case deadlineAlarmRaised(Deadline.ID, lead: Minutes)
        /// The desk's title, home zone or webhook changed (its name, the log's key, stays).
        case deskAmended(title: String, zone: TimeZoneID, webhook: String?, Amendment)
        /// A playbook not yet started was renamed or given other steps.
        case playbookAmended(Playbook.ID, name: String, steps: [PlaybookStep], Amendment)
        /// An earlier entry was taken back; the fold leaves it out, the chain keeps both.
        case entryRetracted(Retraction)
    }

    /// The event type as stored in the log's envelope (`EngagementMoved`).
    public var type: String {
        switch fact {
        case .deskOpened: "DeskOpened"
        case .partyRegistered: "PartyRegistered"
        case .principalRegistered: "PrincipalRegistered"
        case .venueRegistered: "VenueRegistered"
        case .tripPlanned: "TripPlanned"
        case .engagementOpened: "EngagementOpened"
        case .engagementMoved: "EngagementMoved"
        case .channelRegistered: "ChannelRegistered"
        case .channelStatusChanged: "ChannelStatusChanged"
        case .contactAttemptRecorded: "ContactAttemptRecorded"
        case .playbookDefined: "PlaybookDefined"
        case .deadlineSet: "DeadlineSet"
        case .deadlineResolved: "DeadlineResolved"
        case .advanceTasksAdded: "AdvanceTasksAdded"
        case .advanceTaskUpdated: "AdvanceTaskUpdated"
        case .signalRecorded: "SignalRecorded"
        case .messageReceived: "MessageReceived"
        case .engagementSlotAgreed: "EngagementSlotAgreed"
        case .engagementAmended: "EngagementAmended"
        case .tripAmended: "TripAmended"
        case .advanceTaskAmended: "AdvanceTaskAmended"
        case .deadlineMoved: "DeadlineMoved"
        case .partyAmended: "PartyAmended"
        case .principalAmended: "PrincipalAmended"
        case .venueAmended: "VenueAmended"
        case .channelAmended: "ChannelAmended"
        case .travelTimeSet: "TravelTimeSet"
        case .itineraryPlanned: "ItineraryPlanned"
        case .playbookStarted: "PlaybookStarted"
        case .playbookTryDue: "PlaybookTryDue"
        case .playbookStopped: "PlaybookStopped"
        case .deadlineAlarmRaised: "DeadlineAlarmRaised"
        case .deskAmended: "DeskAmended"
        case .playbookAmended: "PlaybookAmended"
        case .entryRetracted: "EntryRetracted"
        }
    }

    /// Whether this entry takes back another.
    public var isRetraction: Bool {
        if case .entryRetracted = fact { return true }
        return false
    }

    /// The engagement this event concerns, where it names one directly.
    public var engagement: Engagement.ID? {
        switch fact {
        case .engagementOpened(let engagement): engagement.id
        case .engagementMoved(let id, _): id
        case .contactAttemptRecorded(let attempt): attempt.engagement
        case .playbookDefined(let playbook): playbook.engagement
        case .deadlineSet(let deadline): deadline.engagement
        case .advanceTasksAdded(let tasks): tasks.first?.engagement
        case .signalRecorded(let signal): signal.engagement
        case .messageReceived(let message): message.engagement
        case .engagementSlotAgreed(let id, _): id
        case .engagementAmended(let id, _, _): id
        default: nil
        }
    }
}
