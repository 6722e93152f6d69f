import Foundation

/// `ChannelRegistered`, version 2: a channel's id, name, kind, party, intermediary and status when
/// registered; its later changes are `ChannelStatusChanged` events.
struct ChannelRegisteredPayload: DeskPayload {
    static let type = "ChannelRegistered"
    static let version = 2

    /// The channel's id.
    var id: String
    /// Its name.
    var name: String
    /// What kind of channel.
    var kind: String
    /// Whom it reaches.
    var party: String
    /// The third party it goes through, if any.
    var via: String?
    /// Its status when registered.
    var initialStatus: String

    func fact() throws -> DeskEvent.Fact {
        .channelRegistered(
            Channel(
                id: Channel.ID(id), name: name, kind: try WireValue.token(kind, field: "kind"), party: Party.ID(party),
                via: via.map { Party.ID($0) }, status: try WireValue.token(initialStatus, field: "initialStatus")))
    }
}

extension ChannelRegisteredPayload {
    /// The payload of registering `channel` (its changes are not part of it).
    init(_ channel: Channel) {
        id = channel.id.rawValue
        name = channel.name
        kind = channel.kind.rawValue
        party = channel.party.rawValue
        via = channel.via?.rawValue
        initialStatus = channel.initialStatus.rawValue
    }
}
