import Foundation
import ParleyDesk
import ParleyStore

/// What happens to accounts, kept as events in the `~accounts` stream beside the desks, so that
/// sign-ins, refusals and changes of role are part of the same hash-chained record.
public enum AccountEvent: Sendable, Equatable {
    /// A person was given an account.
    case userAdded(name: String, role: Role, passwordHash: String)
    /// A person's role changed.
    case roleChanged(name: String, role: Role)
    /// A person's password changed (every open session of theirs ends).
    case passwordChanged(name: String, passwordHash: String)
    /// A person signed in; the session is known by the SHA-256 of its token only.
    case sessionOpened(tokenHash: String, name: String, address: String, expires: Date)
    /// A session ended: signed out, or revoked.
    case sessionClosed(tokenHash: String, reason: String)
    /// A sign-in was refused (no such person, or a wrong password).
    case signInFailed(name: String, address: String, reason: String)
    /// A compartment was created, with nobody in it.
    case compartmentCreated(compartment: Compartment.ID, title: String)
    /// A person was made a member of a compartment.
    case compartmentMemberAdded(compartment: Compartment.ID, name: String)
    /// A person stopped being a member of a compartment.
    case compartmentMemberRemoved(compartment: Compartment.ID, name: String)
    /// A person was given a secret calendar address for a desk, or one trip of it; only the SHA-256 of
    /// the secret is kept.
    case calendarFeedIssued(id: String, tokenHash: String, name: String, desk: String, trip: String?)
    /// A calendar address stopped answering.
    case calendarFeedRevoked(id: String, reason: String)
    /// A person asked to be told when an engagement moves.
    case engagementFollowed(name: String, desk: String, engagement: String)
    /// A person stopped being told when an engagement moves.
    case engagementUnfollowed(name: String, desk: String, engagement: String)
    /// A person marked alarms of a desk as seen (by the sequence numbers of the events that raised them).
    case alarmsAcknowledged(name: String, desk: String, sequences: [Int64])

    /// The type name in the log.
    public var type: String {
        switch self {
        case .userAdded: "UserAdded"
        case .roleChanged: "UserRoleChanged"
        case .passwordChanged: "PasswordChanged"
        case .sessionOpened: "SessionOpened"
        case .sessionClosed: "SessionClosed"
        case .signInFailed: "SignInFailed"
        case .compartmentCreated: "CompartmentCreated"
        case .compartmentMemberAdded: "CompartmentMemberAdded"
        case .compartmentMemberRemoved: "CompartmentMemberRemoved"
        case .calendarFeedIssued: "CalendarFeedIssued"
        case .calendarFeedRevoked: "CalendarFeedRevoked"
        case .engagementFollowed: "EngagementFollowed"
        case .engagementUnfollowed: "EngagementUnfollowed"
        case .alarmsAcknowledged: "AlarmsAcknowledged"
        }
    }

    /// The payload format version this event is written in.
    public var schemaVersion: Int { 1 }

    /// The JSON payload stored in the log: `{"<key>": {…}}` with sorted keys and millisecond times.
    /// - Throws: an `EncodingError` (a bug).
    public func encodedPayload() throws -> Data {
        switch self {
        case .userAdded(let name, let role, let passwordHash):
            try Self.encode(UserAddedPayload(name: name, role: role.rawValue, passwordHash: passwordHash))
        case .roleChanged(let name, let role): try Self.encode(RoleChangedPayload(name: name, role: role.rawValue))
        case .passwordChanged(let name, let passwordHash):
            try Self.encode(PasswordChangedPayload(name: name, passwordHash: passwordHash))
        case .sessionOpened(let tokenHash, let name, let address, let expires):
            try Self.encode(SessionOpenedPayload(tokenHash: tokenHash, name: name, address: address, expires: expires))
        case .sessionClosed(let tokenHash, let reason):
            try Self.encode(SessionClosedPayload(tokenHash: tokenHash, reason: reason))
        case .signInFailed(let name, let address, let reason):
            try Self.encode(SignInFailedPayload(name: name, address: address, reason: reason))
        case .compartmentCreated(let compartment, let title):
            try Self.encode(CompartmentCreatedPayload(compartment: compartment.rawValue, title: title))
        case .compartmentMemberAdded(let compartment, let name):
            try Self.encode(CompartmentMemberAddedPayload(compartment: compartment.rawValue, name: name))
        case .compartmentMemberRemoved(let compartment, let name):
            try Self.encode(CompartmentMemberRemovedPayload(compartment: compartment.rawValue, name: name))
        case .calendarFeedIssued(let id, let tokenHash, let name, let desk, let trip):
            try Self.encode(
                CalendarFeedIssuedPayload(id: id, tokenHash: tokenHash, name: name, desk: desk, trip: trip))
        case .calendarFeedRevoked(let id, let reason):
            try Self.encode(CalendarFeedRevokedPayload(id: id, reason: reason))
        case .engagementFollowed(let name, let desk, let engagement):
            try Self.encode(EngagementFollowedPayload(name: name, desk: desk, engagement: engagement))
        case .engagementUnfollowed(let name, let desk, let engagement):
            try Self.encode(EngagementUnfollowedPayload(name: name, desk: desk, engagement: engagement))
        case .alarmsAcknowledged(let name, let desk, let sequences):
            try Self.encode(AlarmsAcknowledgedPayload(name: name, desk: desk, sequences: sequences))
        }
    }

    /// Reads an account event back from its stored type, version and payload.
    /// - Throws: `EventDecodingError` for an unknown type or version, or a payload that does not fit it.
    public static func decode(type: String, schemaVersion: Int, payload: Data) throws -> AccountEvent {
        guard let versions = formats[type] else { throw EventDecodingError(type: type, reason: "unknown event type") }
        guard let format = versions[schemaVersion] else {
            throw EventDecodingError(type: type, reason: "schema version \(schemaVersion) is not supported")
        }
        do {
            return try read(format, from: payload)
        } catch let error as EventDecodingError {
            throw error
        } catch let error as AccountPayloadError {
            throw EventDecodingError(type: type, reason: "\(error)")
        } catch {
            throw EventDecodingError(type: type, reason: "payload does not decode: \(error)")
        }
    }

    /// Every event type and version the accounts stream may hold and this Parley reads.
    public static var readableFormats: [(type: String, version: Int)] {
        formats.keys.sorted().flatMap { type in formats[type, default: [:]].keys.sorted().map { (type, $0) } }
    }

    /// Wraps the event for the log, signed by `actor`.
    func pending(actor: String, at now: Date, id: UUID) throws -> PendingEvent {
        PendingEvent(
            id: id, type: type, schemaVersion: schemaVersion, payload: try encodedPayload(), actor: actor,
            recordedAt: now)
    }

    /// Reads an event back from the log.
    static func decode(_ stored: StoredEvent) throws -> AccountEvent {
        try decode(type: stored.type, schemaVersion: stored.schemaVersion, payload: stored.payload)
    }

    private static func encode<Payload: AccountPayload>(_ payload: Payload) throws -> Data {
        try InstantText.logEncoder().encode([Payload.key: payload])
    }

    private static func read<Payload: AccountPayload>(_: Payload.Type, from data: Data) throws -> AccountEvent {
        let body = try InstantText.logDecoder().decode([String: Payload].self, from: data)
        guard body.count == 1, let payload = body[Payload.key] else {
            throw EventDecodingError(
                type: Payload.type, reason: "payload should be one object under '\(Payload.key)'")
        }
        return try payload.event()
    }

    private static let formats: [String: [Int: any AccountPayload.Type]] = {
        let types: [any AccountPayload.Type] = [
            UserAddedPayload.self, RoleChangedPayload.self, PasswordChangedPayload.self, SessionOpenedPayload.self,
            SessionClosedPayload.self, SignInFailedPayload.self, CompartmentCreatedPayload.self,
            CompartmentMemberAddedPayload.self, CompartmentMemberRemovedPayload.self, CalendarFeedIssuedPayload.self,
            CalendarFeedRevokedPayload.self, EngagementFollowedPayload.self, EngagementUnfollowedPayload.self,
            AlarmsAcknowledgedPayload.self,
        ]
        var formats: [String: [Int: any AccountPayload.Type]] = [:]
        for payload in types { formats[payload.type, default: [:]][payload.version] = payload }
        return formats
    }()
}
