import Foundation

/// `ChannelStatusChanged`, version 1: which channel, and the change.
struct ChannelStatusChangedPayload: DeskPayload {
    static let type = "ChannelStatusChanged"
    static let version = 1

    /// The channel.
    var channel: String
    /// From which status to which, when and why.
    var change: WireStatusChange

    func fact() throws -> DeskEvent.Fact {
        .channelStatusChanged(Channel.ID(channel), try change.value(field: "change"))
    }
}
