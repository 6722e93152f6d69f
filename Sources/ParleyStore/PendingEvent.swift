import Foundation
import ParleyDesk

/// An event about to be appended: everything but its place in the stream and its hashes.
public struct PendingEvent: Sendable, Equatable {
    /// A unique id.
    public var id: UUID
    /// The event type (`EngagementMoved`).
    public var type: String
    /// The payload's format version.
    public var schemaVersion: Int
    /// The JSON payload, stored byte for byte.
    public var payload: Data
    /// Who caused it.
    public var actor: String
    /// When it was written down, to the millisecond.
    public var recordedAt: Date

    /// An event ready to append.
    public init(id: UUID, type: String, schemaVersion: Int, payload: Data, actor: String, recordedAt: Date) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.actor = actor
        self.recordedAt = InstantText.rounded(recordedAt)
    }

    /// Wraps a desk event with its id, actor and recording time.
    /// - Throws: an encoding error (a bug).
    public init(_ event: DeskEvent, id: UUID, actor: String, recordedAt: Date) throws {
        self.init(
            id: id, type: event.type, schemaVersion: event.schemaVersion, payload: try event.encodedPayload(),
            actor: actor, recordedAt: recordedAt)
    }
}
