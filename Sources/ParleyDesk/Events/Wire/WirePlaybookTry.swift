import Foundation

/// A playbook try as the log writes it: `{"step", "repetition", "channel", "at"}`.
struct WirePlaybookTry: Codable, Sendable, Equatable {
    /// The step, counted from 0.
    var step: Int
    /// The repetition of that step, counted from 0.
    var repetition: Int
    /// The channel to try.
    var channel: String
    /// When it came due.
    var at: Date

    /// The wire form of `due`.
    init(_ due: PlaybookTry) {
        step = due.step
        repetition = due.repetition
        channel = due.channel.rawValue
        at = due.at
    }

    /// The desk's try.
    var value: PlaybookTry { PlaybookTry(step: step, repetition: repetition, channel: Channel.ID(channel), at: at) }
}
