/// A channel's status changing, with when and why.
public struct ChannelStatusChange: Hashable, Sendable, Codable {
    /// The status it had.
    public var from: ChannelStatus
    /// The status it has now.
    public var to: ChannelStatus
    /// When.
    public var at: ZonedTime
    /// What happened.
    public var reason: String

    /// A change of status.
    public init(from: ChannelStatus, to: ChannelStatus, at: ZonedTime, reason: String) {
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
    }
}
