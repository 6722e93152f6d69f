/// Record that a channel now has another status.
public struct ChangeChannelStatus: Sendable, Equatable {
    /// Which channel.
    public var channel: Channel.ID
    /// Its new status.
    public var to: ChannelStatus
    /// When it changed.
    public var at: ZonedTime
    /// What happened.
    public var reason: String

    /// A status change request.
    public init(channel: Channel.ID, to: ChannelStatus, at: ZonedTime, reason: String) {
        self.channel = channel
        self.to = to
        self.at = at
        self.reason = reason
    }
}
