import Foundation

/// A time window as a person types it: `from` and `to`, each in the desk's zone unless it names one.
public struct WindowInput: Decodable, Sendable, Equatable {
    /// Its start.
    public var from: String
    /// Its end.
    public var to: String

    /// A window as typed.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    func window(on state: DeskState, field: String, names: (from: String, to: String) = ("from", "to"))
        throws(DeskError) -> TimeWindow
    {
        TimeWindow(
            from: try InputText.requiredTime(from, field: field + "." + names.from, on: state),
            to: try InputText.requiredTime(to, field: field + "." + names.to, on: state))
    }
}

/// What a person supplies to change an engagement's terms (`POST /engagements/{id}/amend`); a field left
/// out stays as it is.
public struct EngagementAmendmentInput: Decodable, Sendable, Equatable {
    /// A new title.
    public var title: String?
    /// A new purpose.
    public var purpose: String?
    /// A new priority, 1 to 5.
    public var priority: Int?
    /// A new length (`90m`, `1h30m`).
    public var duration: String?
    /// New candidate venues, preferred first.
    public var venues: [String]?
    /// New windows.
    public var windows: [WindowInput]?
    /// New principals.
    public var principals: [String]?
    /// When the change was decided or learned of; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed (a web form gives every field it shows; unchanged ones change nothing).
    public init(
        title: String? = nil, purpose: String? = nil, priority: Int? = nil, duration: String? = nil,
        venues: [String]? = nil, windows: [WindowInput]? = nil, principals: [String]? = nil, at: String? = nil,
        reason: String
    ) {
        self.title = title
        self.purpose = purpose
        self.priority = priority
        self.duration = duration
        self.venues = venues
        self.windows = windows
        self.principals = principals
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `engagement`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ engagement: Engagement.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        var amend = AmendEngagement(
            engagement: engagement, at: try InputText.time(at, field: "at", on: state, now: now), reason: reason)
        amend.title = title
        amend.purpose = purpose
        amend.priority = priority
        amend.duration = try duration.map { (text) throws(DeskError) in try Minutes.parse(text, field: "duration") }
        amend.venues = venues?.map { Venue.ID($0) }
        if let windows {
            var parsed: [TimeWindow] = []
            for (index, window) in windows.enumerated() {
                parsed.append(try window.window(on: state, field: "windows[\(index)]"))
            }
            amend.windows = parsed
        }
        amend.principals = principals?.map { Principal.ID($0) }
        return .amendEngagement(amend)
    }
}

/// What a person supplies to change a trip (`POST /trips/{id}/amend`): lists given replace the whole list.
public struct TripAmendmentInput: Decodable, Sendable, Equatable {
    /// A stay as typed (the same as `StayInput`, kept by this name for callers that used it).
    public typealias StayInput = ParleyDesk.StayInput
    /// A fixed commitment as typed.
    public typealias CommitmentInput = ParleyDesk.CommitmentInput

    /// A new title.
    public var title: String?
    /// All the stays, in order.
    public var stays: [StayInput]?
    /// All the fixed commitments.
    public var commitments: [CommitmentInput]?
    /// When the change was decided or learned of; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed.
    public init(
        title: String? = nil, stays: [StayInput]? = nil, commitments: [CommitmentInput]? = nil, at: String? = nil,
        reason: String
    ) {
        self.title = title
        self.stays = stays
        self.commitments = commitments
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `trip`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ trip: Trip.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        var amend = AmendTrip(trip: trip, at: try InputText.time(at, field: "at", on: state, now: now), reason: reason)
        amend.title = title
        if let stays { amend.stays = try StayInput.stays(stays, on: state) }
        if let commitments {
            amend.commitments = try CommitmentInput.commitments(
                commitments, on: state, keeping: state.trips[trip]?.commitments ?? [])
        }
        return .amendTrip(amend)
    }
}

/// What a person supplies to change an advance task (`POST /tasks/{id}/amend`).
public struct TaskAmendmentInput: Decodable, Sendable, Equatable {
    /// A new title.
    public var title: String?
    /// A new length of work (`2h`).
    public var duration: String?
    /// A new lead time (`30m`).
    public var leadTime: String?
    /// All the tasks it waits for.
    public var dependsOn: [String]?
    /// Who does it now; an empty text for nobody.
    public var owner: String?
    /// When the change was decided or learned of; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed.
    public init(
        title: String? = nil, duration: String? = nil, leadTime: String? = nil, dependsOn: [String]? = nil,
        owner: String? = nil, at: String? = nil, reason: String
    ) {
        self.title = title
        self.duration = duration
        self.leadTime = leadTime
        self.dependsOn = dependsOn
        self.owner = owner
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `task`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ task: AdvanceTask.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        var amend = AmendAdvanceTask(
            task: task, at: try InputText.time(at, field: "at", on: state, now: now), reason: reason)
        amend.title = title
        amend.duration = try duration.map { (text) throws(DeskError) in try Minutes.parse(text, field: "duration") }
        amend.leadTime = try leadTime.map { (text) throws(DeskError) in try Minutes.parse(text, field: "lead_time") }
        amend.dependsOn = dependsOn?.map { AdvanceTask.ID($0) }
        amend.owner = owner
        return .amendAdvanceTask(amend)
    }
}

/// What a person supplies to move a deadline (`POST /deadlines/{id}/move`).
public struct DeadlineMoveInput: Decodable, Sendable, Equatable {
    /// The new due time.
    public var due: String
    /// New alarm lead times (`2h`, `30m`); unchanged when missing.
    public var alarms: [String]?
    /// When the change was decided or learned of; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed.
    public init(due: String, alarms: [String]? = nil, at: String? = nil, reason: String) {
        self.due = due
        self.alarms = alarms
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `deadline`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ deadline: Deadline.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .moveDeadline(
            MoveDeadline(
                deadline: deadline, due: try InputText.requiredTime(due, field: "due", on: state),
                alarms: try alarms.map { (texts) throws(DeskError) in try InputText.leadTimes(texts, field: "alarms") },
                at: try InputText.time(at, field: "at", on: state, now: now), reason: reason))
    }
}

/// What a person supplies to stop a running playbook by hand (`POST /playbooks/{id}/stop`).
public struct PlaybookStopInput: Decodable, Sendable, Equatable {
    /// When; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed.
    public init(at: String?, reason: String) {
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `playbook`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ playbook: Playbook.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .stopPlaybook(
            playbook, PlaybookStop(at: try InputText.time(at, field: "at", on: state, now: now).instant, reason: reason)
        )
    }
}

/// What a person supplies to record a channel's change of status (`POST /channels/{id}/status`).
public struct ChannelStatusInput: Decodable, Sendable, Equatable {
    /// `active`, `dormant`, `severed` or `unknown`.
    public var status: String
    /// When; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The input as typed.
    public init(status: String, at: String? = nil, reason: String) {
        self.status = status
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on `channel`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ channel: Channel.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .changeChannelStatus(
            ChangeChannelStatus(
                channel: channel, to: try InputText.choice(status, field: "status"),
                at: try InputText.time(at, field: "at", on: state, now: now), reason: reason))
    }
}

/// What a person supplies to change a party, a principal, a venue, a channel or a playbook not yet
/// started (`POST /{parties|principals|venues|channels|playbooks}/{id}/amend`), or the desk itself
/// (`POST /desks/{desk}/amend`: title, zone, webhook); a field left out stays as it is.
public struct RecordAmendmentInput: Decodable, Sendable, Equatable {
    /// A new name.
    public var name: String?
    /// A principal's new title.
    public var title: String?
    /// A principal's new party.
    public var party: String?
    /// A venue's new city.
    public var city: String?
    /// A venue's new latitude.
    public var latitude: Double?
    /// A venue's new longitude.
    public var longitude: Double?
    /// A venue's new IANA zone.
    public var zone: String?
    /// A venue's place is no longer known: its coordinates are removed (travel then comes only from the
    /// travel times set).
    public var forgetCoordinates: Bool?
    /// A channel's new intermediary; an empty text for none.
    public var via: String?
    /// The desk's new webhook; an empty text for none.
    public var webhook: String?
    /// A playbook's new steps, in order, as scenario files write them (`wait: 2h`, `repeat`).
    public var steps: [PlaybookStepInput]?
    /// When the change was decided or learned of; now when missing.
    public var at: String?
    /// Why.
    public var reason: String

    /// The desk's new title, zone or webhook, as a web form gives them.
    public init(title: String?, zone: String?, webhook: String?, reason: String) {
        self.title = title
        self.zone = zone
        self.webhook = webhook
        self.reason = reason
    }

    /// A record's new values, as an edit form gives them (fields left nil stay as they are).
    public init(
        name: String?, title: String? = nil, party: String? = nil, city: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, zone: String? = nil, forgetCoordinates: Bool? = nil, via: String? = nil,
        steps: [PlaybookStepInput]? = nil, at: String? = nil, reason: String
    ) {
        self.forgetCoordinates = forgetCoordinates
        self.name = name
        self.title = title
        self.party = party
        self.city = city
        self.latitude = latitude
        self.longitude = longitude
        self.zone = zone
        self.via = via
        self.steps = steps
        self.at = at
        self.reason = reason
    }

    /// The command it asks for on the item `id` of `collection` (`parties`, `principals`, `venues`,
    /// `channels`, `playbooks`; `desk` for the desk itself), as it stands on `state`; nil for a collection
    /// without such an item.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ collection: String, id: String, on state: DeskState, now: Date) throws(DeskError)
        -> DeskCommand?
    {
        let change: AmendReference
        switch collection {
        case "parties":
            guard var party = state.parties[Party.ID(id)] else { return nil }
            party.name = name ?? party.name
            change = .party(party)
        case "principals":
            guard var principal = state.principals[Principal.ID(id)] else { return nil }
            principal.name = name ?? principal.name
            principal.title = title ?? principal.title
            principal.party = party.map { Party.ID($0) } ?? principal.party
            change = .principal(principal)
        case "venues":
            guard var venue = state.venues[Venue.ID(id)] else { return nil }
            venue.name = name ?? venue.name
            venue.city = city ?? venue.city
            if forgetCoordinates == true {
                guard latitude == nil, longitude == nil else {
                    throw .invalidValue(
                        field: "forget_coordinates", expected: "no latitude or longitude beside it",
                        found: "both")
                }
                venue.coordinates = nil
            } else {
                venue.coordinates = try VenueInput.coordinates(
                    latitude ?? venue.coordinates?.latitude, longitude ?? venue.coordinates?.longitude)
            }
            if let zone { venue.zone = try TimeZoneID.validated(zone, field: "zone") }
            change = .venue(venue)
        case "channels":
            guard let channel = state.channels[Channel.ID(id)] else { return nil }
            change = .channel(
                channel.id, name: name ?? channel.name,
                via: via.map { $0.isEmpty ? nil : Party.ID($0) } ?? channel.via)
        case "playbooks":
            guard let playbook = state.playbooks[Playbook.ID(id)] else { return nil }
            change = .playbook(
                playbook.id, name: name ?? playbook.name,
                steps: try steps.map { (steps) throws(DeskError) in try PlaybookStepInput.steps(steps) }
                    ?? playbook.steps)
        case "desk":
            guard let profile = state.profile else { return nil }
            change = .desk(
                title: title ?? profile.title,
                zone: try zone.map { (zone) throws(DeskError) in try TimeZoneID.validated(zone, field: "zone") }
                    ?? profile.zone,
                webhook: webhook.map { $0.isEmpty ? nil : $0 } ?? profile.webhook)
        default:
            return nil
        }
        return .amendRecord(
            AmendRecord(change, at: try InputText.time(at, field: "at", on: state, now: now), reason: reason))
    }
}

/// What a person supplies to take back an entry of the log (`POST /desks/{desk}/entries/{n}/retract`).
public struct RetractionInput: Decodable, Sendable, Equatable {
    /// Why the entry is taken back.
    public var reason: String
    /// When; now when missing.
    public var at: String?

    /// The input as typed.
    public init(reason: String, at: String? = nil) {
        self.reason = reason
        self.at = at
    }

    /// The command it asks for: retracting entry `entry` (as the person numbers the log) on `state`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ entry: Int64, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .retractEntry(
            RetractEntry(
                entry: entry, reason: reason, at: try InputText.time(at, field: "at", on: state, now: now).instant))
    }
}
