import Foundation

/// A correction: an earlier entry of the log taken back, and why.
///
/// The entry stays in the chain; the fold leaves it out.
public struct Retraction: Hashable, Sendable, Codable {
    /// The retracted entry's number in the log (its sequence; in a redacted view, the reader's number).
    public var entry: Int64
    /// The retracted entry's event type (`ContactAttemptRecorded`), so that a number naming some other
    /// entry is caught rather than followed.
    public var type: String
    /// Why it is taken back.
    public var reason: String

    /// A retraction of entry `entry`, of type `type`.
    public init(entry: Int64, type: String, reason: String) {
        self.entry = entry
        self.type = type
        self.reason = reason
    }
}

/// An entry that was retracted: when, why, and by which later entry.
public struct RetractedEntry: Hashable, Sendable, Codable {
    /// The retracted entry's number.
    public var entry: Int64
    /// When it was retracted.
    public var at: Date
    /// Why.
    public var reason: String
    /// The number of the entry that retracted it.
    public var by: Int64

    /// Entry `entry`, retracted `at` by entry `by`.
    public init(entry: Int64, at: Date, reason: String, by: Int64) {
        self.entry = entry
        self.at = at
        self.reason = reason
        self.by = by
    }
}
