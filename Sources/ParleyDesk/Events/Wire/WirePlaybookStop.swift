import Foundation

/// A playbook's stop as the log writes it: `{"at", "reason"}`.
struct WirePlaybookStop: Codable, Sendable, Equatable {
    /// When it stopped.
    var at: Date
    /// Why.
    var reason: String

    /// The wire form of `stop`.
    init(_ stop: PlaybookStop) {
        at = stop.at
        reason = stop.reason
    }

    /// The desk's stop.
    var value: PlaybookStop { PlaybookStop(at: at, reason: reason) }
}
