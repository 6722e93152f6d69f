import Foundation
import ParleyDesk
import ParleyStore

/// What happens to accounts, kept as events in the `~accounts` stream beside the desks, so that
/// sign-ins, refusals and changes of role are part of the same hash-chained record.
public enum AccountEvent: Codable, Sendable, Equatable {
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
        }
    }

    /// Wraps the event for the log, signed by `actor`.
    func pending(actor: String, at now: Date, id: UUID) throws -> PendingEvent {
        PendingEvent(
            id: id, type: type, schemaVersion: 1, payload: try InstantText.logEncoder().encode(self), actor: actor,
            recordedAt: now)
    }

    /// Reads an event back from the log.
    static func decode(_ stored: StoredEvent) throws -> AccountEvent {
        try InstantText.logDecoder().decode(AccountEvent.self, from: stored.payload)
    }
}
