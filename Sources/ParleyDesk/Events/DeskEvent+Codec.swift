import Foundation

extension DeskEvent {
    /// The payload format version this event is written in; each event type has its own
    /// (docs/adr/0015-event-payloads.md).
    public var schemaVersion: Int { Self.currentVersion(of: type) ?? 1 }

    /// The version new events of `type` are written in, or nil for a type Parley does not know.
    public static func currentVersion(of type: String) -> Int? { formats[type]?.keys.max() }

    /// Every event type and version the log may hold and this Parley reads, newest version last.
    public static var readableFormats: [(type: String, version: Int)] {
        formats.keys.sorted().flatMap { type in formats[type, default: [:]].keys.sorted().map { (type, $0) } }
    }

    /// The JSON payload stored in the log: `{"at": …, "data": …}` with sorted keys and millisecond times,
    /// `data` in the current version of the event type's own payload.
    /// - Throws: an `EncodingError` (which would be a bug).
    public func encodedPayload() throws -> Data {
        switch fact {
        case .deskOpened(let profile): return try encode(DeskOpenedPayload(profile))
        case .partyRegistered(let party): return try encode(PartyRegisteredPayload(party))
        case .principalRegistered(let principal): return try encode(PrincipalRegisteredPayload(principal))
        case .venueRegistered(let venue): return try encode(VenueRegisteredPayload(venue))
        case .tripPlanned(let trip): return try encode(TripPlannedPayload(trip))
        case .engagementOpened(let engagement): return try encode(EngagementOpenedPayload(engagement))
        case .engagementMoved(let id, let transition):
            return try encode(EngagementMovedPayload(engagement: id.rawValue, transition: WireTransition(transition)))
        case .channelRegistered(let channel): return try encode(ChannelRegisteredPayload(channel))
        case .channelStatusChanged(let id, let change):
            return try encode(ChannelStatusChangedPayload(channel: id.rawValue, change: WireStatusChange(change)))
        case .contactAttemptRecorded(let attempt): return try encode(ContactAttemptRecordedPayload(attempt))
        case .playbookDefined(let playbook): return try encode(PlaybookDefinedPayload(playbook))
        case .deadlineSet(let deadline): return try encode(DeadlineSetPayload(deadline))
        case .deadlineResolved(let id, let status, let resolvedAt, let note):
            return try encode(
                DeadlineResolvedPayload(
                    deadline: id.rawValue, status: status.rawValue, at: WireZonedTime(resolvedAt), note: note))
        case .advanceTasksAdded(let tasks): return try encode(AdvanceTasksAddedPayload(tasks))
        case .advanceTaskUpdated(let id, let status, let updatedAt):
            return try encode(
                AdvanceTaskUpdatedPayload(task: id.rawValue, status: status.rawValue, at: WireZonedTime(updatedAt)))
        case .signalRecorded(let signal): return try encode(SignalRecordedPayload(signal))
        case .messageReceived(let message): return try encode(MessageReceivedPayload(message))
        case .engagementSlotAgreed(let id, let slot):
            return try encode(EngagementSlotAgreedPayload(engagement: id, slot: slot))
        case .engagementAmended(let id, let terms, let amendment):
            return try encode(EngagementAmendedPayload(engagement: id, terms: terms, amendment: amendment))
        case .tripAmended(let id, let title, let stays, let commitments, let amendment):
            let trip = Trip(id: id, title: title, principal: "", stays: stays, commitments: commitments)
            return try encode(TripAmendedPayload(trip, amendment: amendment))
        case .advanceTaskAmended(let id, let terms, let amendment):
            return try encode(AdvanceTaskAmendedPayload(task: id, terms: terms, amendment: amendment))
        case .deadlineMoved(let id, let due, let alarms, let amendment):
            return try encode(DeadlineMovedPayload(deadline: id, due: due, alarms: alarms, amendment: amendment))
        case .partyAmended(let party, let amendment):
            return try encode(PartyAmendedPayload(party, amendment: amendment))
        case .principalAmended(let principal, let amendment):
            return try encode(PrincipalAmendedPayload(principal, amendment: amendment))
        case .venueAmended(let venue, let amendment):
            return try encode(VenueAmendedPayload(venue, amendment: amendment))
        case .channelAmended(let id, let name, let via, let amendment):
            return try encode(ChannelAmendedPayload(channel: id, name: name, via: via, amendment: amendment))
        case .travelTimeSet(let override):
            return try encode(
                TravelTimeSetPayload(from: override.from.rawValue, to: override.to.rawValue, time: override.time.value))
        case .itineraryPlanned(let itinerary): return try encode(ItineraryPlannedPayload(itinerary))
        case .playbookStarted(let id, let startedAt):
            return try encode(PlaybookStartedPayload(playbook: id.rawValue, at: WireZonedTime(startedAt)))
        case .playbookTryDue(let id, let due):
            return try encode(PlaybookTryDuePayload(playbook: id.rawValue, try: WirePlaybookTry(due)))
        case .playbookStopped(let id, let stop):
            return try encode(PlaybookStoppedPayload(playbook: id.rawValue, stop: WirePlaybookStop(stop)))
        case .deadlineAlarmRaised(let id, let lead):
            return try encode(DeadlineAlarmRaisedPayload(deadline: id.rawValue, lead: lead.value))
        case .deskAmended(let title, let zone, let webhook, let amendment):
            return try encode(DeskAmendedPayload(title: title, zone: zone, webhook: webhook, amendment: amendment))
        case .playbookAmended(let id, let name, let steps, let amendment):
            return try encode(PlaybookAmendedPayload(playbook: id, name: name, steps: steps, amendment: amendment))
        case .entryRetracted(let retraction): return try encode(EntryRetractedPayload(retraction))
        }
    }

    /// Reads an event back from its stored type, version and payload; an older version is read through its
    /// upcaster.
    /// - Throws: `EventDecodingError` for an unknown type or version, or a payload that does not fit it.
    public static func decode(type: String, schemaVersion: Int, payload: Data) throws -> DeskEvent {
        guard let versions = formats[type] else { throw EventDecodingError(type: type, reason: "unknown event type") }
        guard let format = versions[schemaVersion] else {
            let known = versions.keys.sorted().map(String.init).joined(separator: ", ")
            throw EventDecodingError(
                type: type, reason: "schema version \(schemaVersion) is not supported (this version reads \(known))")
        }
        do {
            return try read(format, from: payload)
        } catch let error as PayloadValueError {
            throw EventDecodingError(type: type, reason: "\(error)")
        } catch {
            throw EventDecodingError(type: type, reason: "payload does not decode: \(error)")
        }
    }

    private func encode<Payload: DeskPayload>(_ payload: Payload) throws -> Data {
        let precision = fact.reportedTime?.precision ?? .minute
        return try InstantText.logEncoder().encode(
            PayloadEnvelope(at: at, data: payload, known: known, precision: precision.token, until: precision.until))
    }

    private static func read<Payload: DeskPayload>(_: Payload.Type, from data: Data) throws -> DeskEvent {
        let envelope = try InstantText.logDecoder().decode(PayloadEnvelope<Payload>.self, from: data)
        guard let precision = TimePrecision(token: envelope.precision, until: envelope.until) else {
            throw PayloadValueError(field: "precision", found: envelope.precision ?? "")
        }
        var fact = try envelope.data.fact()
        if precision != .minute {
            // Only a reported time has a precision, and a span ends after it starts.
            guard fact.reportedTime != nil else {
                throw PayloadValueError(
                    field: "precision", found: "\(envelope.precision ?? "") on a \(Payload.type) event")
            }
            if let until = precision.until, until <= envelope.at {
                throw PayloadValueError(field: "until", found: InstantText.format(until))
            }
            fact = fact.withReportedPrecision(precision)
        }
        return DeskEvent(at: envelope.at, fact, known: envelope.known)
    }

    /// Every payload type, current and legacy, by event type and version.
    private static let formats: [String: [Int: any DeskPayload.Type]] = {
        let types: [any DeskPayload.Type] = [
            DeskOpenedPayload.self, PartyRegisteredPayload.self, PrincipalRegisteredPayload.self,
            VenueRegisteredPayloadV1.self, VenueRegisteredPayload.self, TripPlannedPayload.self,
            EngagementOpenedPayloadV1.self,
            EngagementOpenedPayload.self, EngagementMovedPayload.self, ChannelRegisteredPayloadV1.self,
            ChannelRegisteredPayload.self, ChannelStatusChangedPayload.self, ContactAttemptRecordedPayload.self,
            PlaybookDefinedPayloadV1.self, PlaybookDefinedPayload.self, DeadlineSetPayloadV1.self,
            DeadlineSetPayload.self, DeadlineResolvedPayload.self, AdvanceTasksAddedPayloadV1.self,
            AdvanceTasksAddedPayloadV2.self, AdvanceTasksAddedPayload.self, AdvanceTaskUpdatedPayload.self,
            SignalRecordedPayloadV1.self,
            SignalRecordedPayload.self,
            MessageReceivedPayload.self, EngagementSlotAgreedPayload.self, EngagementAmendedPayload.self,
            TripAmendedPayload.self, AdvanceTaskAmendedPayloadV1.self, AdvanceTaskAmendedPayload.self,
            DeadlineMovedPayload.self,
            PartyAmendedPayload.self, PrincipalAmendedPayload.self, VenueAmendedPayloadV1.self,
            VenueAmendedPayload.self,
            ChannelAmendedPayload.self, DeskAmendedPayload.self, PlaybookAmendedPayload.self,
            EntryRetractedPayload.self,
            TravelTimeSetPayload.self, ItineraryPlannedPayloadV1.self, ItineraryPlannedPayload.self,
            PlaybookStartedPayload.self,
            PlaybookTryDuePayload.self, PlaybookStoppedPayload.self, DeadlineAlarmRaisedPayload.self,
        ]
        var formats: [String: [Int: any DeskPayload.Type]] = [:]
        for payload in types { formats[payload.type, default: [:]][payload.version] = payload }
        return formats
    }()
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

    /// An event of `type` that cannot be read, and why.
    public init(type: String, reason: String) {
        self.type = type
        self.reason = reason
    }
}
