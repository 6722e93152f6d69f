import Foundation

/// Take back an entry of the log, naming it by its number and saying why.
///
/// For a mistaken attempt, or a move typed in the wrong zone. The entry stays in the chain; the desk is
/// folded without it.
public struct RetractEntry: Sendable, Equatable {
    /// The entry's number, as the person sees the log.
    public var entry: Int64
    /// Why.
    public var reason: String
    /// When it was retracted.
    public var at: Date

    /// A retraction of entry `entry`.
    public init(entry: Int64, reason: String, at: Date) {
        self.entry = entry
        self.reason = reason
        self.at = at
    }
}
