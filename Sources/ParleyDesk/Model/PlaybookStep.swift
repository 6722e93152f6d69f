/// One step of an escalation: try this channel, wait this long for an answer, repeat so many times.
public struct PlaybookStep: Hashable, Sendable, Codable {
    /// The channel to try.
    public var channel: Channel.ID
    /// How long to wait for an answer before the next try or step.
    public var wait: Minutes
    /// How many times to try this channel (at least once).
    public var repeats: Int

    /// A step on a channel.
    public init(channel: Channel.ID, wait: Minutes, repeats: Int = 1) {
        self.channel = channel
        self.wait = wait
        self.repeats = repeats
    }
}
