import Foundation

/// `ChannelAmended`, version 1: the channel, its name and intermediary after the change, and the
/// amendment.
struct ChannelAmendedPayload: DeskPayload {
    static let type = "ChannelAmended"
    static let version = 1

    /// The channel.
    var channel: String
    /// Its name.
    var name: String
    /// The party it runs through, if any.
    var via: String?
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending `channel` to `name` through `via`.
    init(channel: Channel.ID, name: String, via: Party.ID?, amendment: Amendment) {
        self.channel = channel.rawValue
        self.name = name
        self.via = via?.rawValue
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .channelAmended(
            Channel.ID(channel), name: name, via: via.map { Party.ID($0) }, try amendment.value(field: "amendment"))
    }
}
