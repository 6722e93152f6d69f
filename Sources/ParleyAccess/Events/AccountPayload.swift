import Foundation
import ParleyDesk

/// The payload of one account event type in one format version, as the `~accounts` stream stores it:
/// `{"<key>": {…}}`, a type of its own with explicit wire names (docs/adr/0015-event-payloads.md).
protocol AccountPayload: Codable, Sendable, Equatable {
    /// The event type in the log's envelope (`UserAdded`).
    static var type: String { get }
    /// The format version this type reads and writes.
    static var version: Int { get }
    /// The single key the body is stored under (`userAdded`).
    static var key: String { get }
    /// The account event this payload says.
    /// - Throws: `AccountPayloadError` for a value this version does not know.
    func event() throws -> AccountEvent
}

/// A stored account value that is not one Parley knows (a role, for instance).
struct AccountPayloadError: Error, CustomStringConvertible {
    /// The field.
    var field: String
    /// What was stored.
    var found: String
    /// One line.
    var description: String { "field '\(field)' holds '\(found)', which this version does not know" }
}

extension AccountPayload {
    /// A stored role.
    /// - Throws: `AccountPayloadError` for a role this version does not have.
    func storedRole(_ raw: String) throws -> Role {
        guard let role = Role(rawValue: raw) else { throw AccountPayloadError(field: "role", found: raw) }
        return role
    }
}
