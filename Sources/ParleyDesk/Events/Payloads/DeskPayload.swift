import Foundation

/// The payload of one desk event type in one format version, as the log stores it.
///
/// Each is a type of its own with explicit wire names, separate from the domain model and from the API's
/// bodies, so that neither can change what is written (docs/adr/0015-event-payloads.md).
protocol DeskPayload: Codable, Sendable, Equatable {
    /// The event type in the log's envelope (`EngagementOpened`).
    static var type: String { get }
    /// The format version this type reads (and, for the current one, writes).
    static var version: Int { get }
    /// The desk fact this payload says.
    /// - Throws: `PayloadValueError` when a value is not one the desk knows (a zone, a token, a grade).
    func fact() throws -> DeskEvent.Fact
}

/// A payload version that a newer one has replaced: it is read by turning it into the next version, so
/// that only the newest version knows how to become a fact.
protocol UpcastDeskPayload: DeskPayload {
    /// The version after this one.
    associatedtype Next: DeskPayload
    /// The same event in the next version's form.
    /// - Throws: `PayloadValueError` when a value cannot be carried over.
    func upcast() throws -> Next
}

extension UpcastDeskPayload {
    /// Read through the next version.
    func fact() throws -> DeskEvent.Fact { try upcast().fact() }
}

/// The log's payload object around every desk event.
///
/// `{"at": when it happened, "data": what it says}`, with `"known"` when the desk learned of it later,
/// and `"precision"` (with `"until"` for a span) when the source gave the time it happened only as a day
/// or a span of days. Each is absent otherwise, so events known at once, to the minute, are written
/// exactly as before these existed (docs/adr/0019).
struct PayloadEnvelope<Body: Codable & Sendable>: Codable, Sendable {
    /// When it happened in the world (for a day or a span, its start).
    var at: Date
    /// The event's own payload.
    var data: Body
    /// When the desk learned of it, if later.
    var known: Date?
    /// `day` or `span` when the time it happened is known only that well.
    var precision: String?
    /// A span's end (not included).
    var until: Date?
}
