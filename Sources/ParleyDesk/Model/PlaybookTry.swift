import Foundation

/// One try of a playbook step: which step, which repetition, on which channel, due when.
public struct PlaybookTry: Hashable, Sendable, Codable {
    /// The step's index.
    public var step: Int
    /// Which repetition of the step (0 for the first).
    public var repetition: Int
    /// The channel to try.
    public var channel: Channel.ID
    /// When it came due.
    public var at: Date

    /// A try.
    public init(step: Int, repetition: Int, channel: Channel.ID, at: Date) {
        self.step = step
        self.repetition = repetition
        self.channel = channel
        self.at = at
    }
}

/// Why a playbook stopped.
public struct PlaybookStop: Hashable, Sendable, Codable {
    /// When.
    public var at: Date
    /// Why (an answer on one of its channels, or every step tried).
    public var reason: String

    /// A stop.
    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}
