import Foundation

/// Add a channel to a party, with its status as it stands; later changes are `ChangeChannelStatus`.
public struct RegisterChannel: Sendable, Equatable {
    /// The channel's id.
    public var id: Channel.ID
    /// Its name.
    public var name: String
    /// What kind of channel.
    public var kind: ChannelKind
    /// Whom it reaches.
    public var party: Party.ID
    /// The third party it goes through, if any.
    public var via: Party.ID?
    /// Its status now.
    public var status: ChannelStatus

    /// The input of `channel`, without its changes.
    public init(_ channel: Channel) {
        id = channel.id
        name = channel.name
        kind = channel.kind
        party = channel.party
        via = channel.via
        status = channel.initialStatus
    }

    /// The channel it registers, with no changes yet.
    public var channel: Channel { Channel(id: id, name: name, kind: kind, party: party, via: via, status: status) }
}
