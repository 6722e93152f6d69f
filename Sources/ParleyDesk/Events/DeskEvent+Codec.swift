import Foundation

extension DeskEvent {
    /// The version of the payload format written by `encodedPayload()`.
    public static let schemaVersion = 1

    /// The JSON payload stored in the log: `{"at": …, "data": …}` with sorted keys and millisecond times.
    /// - Throws: an `EncodingError` (which would be a bug).
    public func encodedPayload() throws -> Data {
        let encoder = InstantText.logEncoder()
        switch fact {
        case .deskOpened(let value): return try encoder.encode(Payload(at: at, data: value))
        case .partyRegistered(let value): return try encoder.encode(Payload(at: at, data: value))
        case .principalRegistered(let value): return try encoder.encode(Payload(at: at, data: value))
        case .venueRegistered(let value): return try encoder.encode(Payload(at: at, data: value))
        case .tripPlanned(let value): return try encoder.encode(Payload(at: at, data: value))
        case .engagementOpened(let value): return try encoder.encode(Payload(at: at, data: value))
        case .engagementMoved(let id, let transition):
            return try encoder.encode(Payload(at: at, data: Moved(engagement: id, transition: transition)))
        case .channelRegistered(let value): return try encoder.encode(Payload(at: at, data: value))
        case .channelStatusChanged(let id, let change):
            return try encoder.encode(Payload(at: at, data: StatusChanged(channel: id, change: change)))
        case .contactAttemptRecorded(let value): return try encoder.encode(Payload(at: at, data: value))
        case .playbookDefined(let value): return try encoder.encode(Payload(at: at, data: value))
        case .deadlineSet(let value): return try encoder.encode(Payload(at: at, data: value))
        case .deadlineResolved(let id, let status, let resolvedAt, let note):
            let data = Resolved(deadline: id, status: status, at: resolvedAt, note: note)
            return try encoder.encode(Payload(at: at, data: data))
        case .advanceTasksAdded(let value): return try encoder.encode(Payload(at: at, data: value))
        case .advanceTaskUpdated(let id, let status, let updatedAt):
            return try encoder.encode(Payload(at: at, data: TaskUpdated(task: id, status: status, at: updatedAt)))
        case .signalRecorded(let value): return try encoder.encode(Payload(at: at, data: value))
        case .travelTimeSet(let value): return try encoder.encode(Payload(at: at, data: value))
        case .itineraryPlanned(let value): return try encoder.encode(Payload(at: at, data: value))
        case .playbookStarted(let id, let startedAt):
            return try encoder.encode(Payload(at: at, data: PlaybookStarted(playbook: id, at: startedAt)))
        case .playbookTryDue(let id, let due):
            return try encoder.encode(Payload(at: at, data: TryDue(playbook: id, try: due)))
        case .playbookStopped(let id, let stop):
            return try encoder.encode(Payload(at: at, data: Stopped(playbook: id, stop: stop)))
        case .deadlineAlarmRaised(let id, let lead):
            return try encoder.encode(Payload(at: at, data: Alarm(deadline: id, lead: lead)))
        }
    }

    /// Reads an event back from its stored type and payload.
    /// - Throws: `EventDecodingError` for an unknown type or a payload that does not fit it.
    public static func decode(type: String, schemaVersion: Int, payload: Data) throws -> DeskEvent {
        guard schemaVersion == Self.schemaVersion else {
            throw EventDecodingError(type: type, reason: "schema version \(schemaVersion) is not supported")
        }
        let decoder = InstantText.logDecoder()
        func read<T: Codable>(_: T.Type) throws -> (Date, T) {
            let payload = try decoder.decode(Payload<T>.self, from: payload)
            return (payload.at, payload.data)
        }
        do {
            switch type {
            case "DeskOpened":
                let (at, v) = try read(DeskProfile.self)
                return DeskEvent(at: at, .deskOpened(v))
            case "PartyRegistered":
                let (at, v) = try read(Party.self)
                return DeskEvent(at: at, .partyRegistered(v))
            case "PrincipalRegistered":
                let (at, v) = try read(Principal.self)
                return DeskEvent(at: at, .principalRegistered(v))
            case "VenueRegistered":
                let (at, v) = try read(Venue.self)
                return DeskEvent(at: at, .venueRegistered(v))
            case "TripPlanned":
                let (at, v) = try read(Trip.self)
                return DeskEvent(at: at, .tripPlanned(v))
            case "EngagementOpened":
                let (at, v) = try read(Engagement.self)
                return DeskEvent(at: at, .engagementOpened(v))
            case "EngagementMoved":
                let (at, v) = try read(Moved.self)
                return DeskEvent(at: at, .engagementMoved(v.engagement, v.transition))
            case "ChannelRegistered":
                let (at, v) = try read(Channel.self)
                return DeskEvent(at: at, .channelRegistered(v))
            case "ChannelStatusChanged":
                let (at, v) = try read(StatusChanged.self)
                return DeskEvent(at: at, .channelStatusChanged(v.channel, v.change))
            case "ContactAttemptRecorded":
                let (at, v) = try read(ContactAttempt.self)
                return DeskEvent(at: at, .contactAttemptRecorded(v))
            case "PlaybookDefined":
                let (at, v) = try read(Playbook.self)
                return DeskEvent(at: at, .playbookDefined(v))
            case "DeadlineSet":
                let (at, v) = try read(Deadline.self)
                return DeskEvent(at: at, .deadlineSet(v))
            case "DeadlineResolved":
                let (at, v) = try read(Resolved.self)
                return DeskEvent(at: at, .deadlineResolved(v.deadline, v.status, at: v.at, note: v.note))
            case "AdvanceTasksAdded":
                let (at, v) = try read([AdvanceTask].self)
                return DeskEvent(at: at, .advanceTasksAdded(v))
            case "AdvanceTaskUpdated":
                let (at, v) = try read(TaskUpdated.self)
                return DeskEvent(at: at, .advanceTaskUpdated(v.task, v.status, at: v.at))
            case "SignalRecorded":
                let (at, v) = try read(Signal.self)
                return DeskEvent(at: at, .signalRecorded(v))
            case "TravelTimeSet":
                let (at, v) = try read(TravelOverride.self)
                return DeskEvent(at: at, .travelTimeSet(v))
            case "ItineraryPlanned":
                let (at, v) = try read(Itinerary.self)
                return DeskEvent(at: at, .itineraryPlanned(v))
            case "PlaybookStarted":
                let (at, v) = try read(PlaybookStarted.self)
                return DeskEvent(at: at, .playbookStarted(v.playbook, at: v.at))
            case "PlaybookTryDue":
                let (at, v) = try read(TryDue.self)
                return DeskEvent(at: at, .playbookTryDue(v.playbook, v.try))
            case "PlaybookStopped":
                let (at, v) = try read(Stopped.self)
                return DeskEvent(at: at, .playbookStopped(v.playbook, v.stop))
            case "DeadlineAlarmRaised":
                let (at, v) = try read(Alarm.self)
                return DeskEvent(at: at, .deadlineAlarmRaised(v.deadline, lead: v.lead))
            default: throw EventDecodingError(type: type, reason: "unknown event type")
            }
        } catch let error as EventDecodingError {
            throw error
        } catch {
            throw EventDecodingError(type: type, reason: "payload does not decode: \(error)")
        }
    }
}

/// A stored event that this version of Parley cannot read.
public struct EventDecodingError: CategorizedError {
    /// The stored type name.
    public var type: String
    /// What did not fit.
    public var reason: String
    /// A log Parley cannot read is Parley's problem, not the user's.
    public var category: ErrorCategory { .internal }
    /// One line naming the type and the reason.
    public var message: String { "cannot read stored event of type \(type): \(reason)" }
}

private struct Payload<T: Codable>: Codable {
    var at: Date
    var data: T
}

private struct Moved: Codable {
    var engagement: Engagement.ID
    var transition: EngagementTransition
}

private struct StatusChanged: Codable {
    var channel: Channel.ID
    var change: ChannelStatusChange
}

private struct Resolved: Codable {
    var deadline: Deadline.ID
    var status: DeadlineStatus
    var at: ZonedTime
    var note: String
}

private struct PlaybookStarted: Codable {
    var playbook: Playbook.ID
    var at: ZonedTime
}

private struct TryDue: Codable {
    var playbook: Playbook.ID
    var `try`: PlaybookTry
}

private struct Stopped: Codable {
    var playbook: Playbook.ID
    var stop: PlaybookStop
}

private struct Alarm: Codable {
    var deadline: Deadline.ID
    var lead: Minutes
}

private struct TaskUpdated: Codable {
    var task: AdvanceTask.ID
    var status: TaskStatus
    var at: ZonedTime
}
