import Foundation
import ParleyDesk

/// An event as the log keeps it: the envelope of desk, sequence, id, type, schema version, payload, actor,
/// recording time, and the hashes that chain it to the event before.
public struct StoredEvent: Sendable, Equatable {
    /// The desk's name.
    public var desk: String
    /// Its place in the desk's stream, from 1.
    public var sequence: Int64
    /// A unique id.
    public var id: UUID
    /// The event type.
    public var type: String
    /// The payload's format version.
    public var schemaVersion: Int
    /// The JSON payload.
    public var payload: Data
    /// Who caused it.
    public var actor: String
    /// When it was written down.
    public var recordedAt: Date
    /// The hash of the event before (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 over this event's canonical encoding (docs/adr/0002-event-hash-chain.md).
    public var hash: String

    /// An envelope as read from storage.
    public init(
        desk: String, sequence: Int64, id: UUID, type: String, schemaVersion: Int, payload: Data, actor: String,
        recordedAt: Date, previousHash: String, hash: String
    ) {
        self.desk = desk
        self.sequence = sequence
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.actor = actor
        self.recordedAt = recordedAt
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Seals `pending` as event `sequence` of `desk` after the event whose hash is `previousHash`.
    public init(sealing pending: PendingEvent, desk: String, sequence: Int64, previousHash: String) {
        self.init(
            desk: desk, sequence: sequence, id: pending.id, type: pending.type, schemaVersion: pending.schemaVersion,
            payload: pending.payload, actor: pending.actor, recordedAt: pending.recordedAt, previousHash: previousHash,
            hash: "")
        hash = EventHash.compute(self)
    }

    /// The desk event inside.
    /// - Throws: `EventDecodingError` when the payload does not fit its type.
    public func decoded() throws -> DeskEvent {
        try DeskEvent.decode(type: type, schemaVersion: schemaVersion, payload: payload)
    }
}
