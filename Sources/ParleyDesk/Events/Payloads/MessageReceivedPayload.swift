import Foundation

/// `MessageReceived`, version 1: a message from the other side or an intermediary — its id, engagement,
/// channel, sender, time, summary, quote, stance and what it asks.
struct MessageReceivedPayload: DeskPayload {
    static let type = "MessageReceived"
    static let version = 1

    /// The message's id.
    var id: String
    /// The engagement it concerns, if any.
    var engagement: String?
    /// The channel it came on, if any.
    var channel: String?
    /// The party that sent it.
    var from: String
    /// When it was sent or received.
    var at: WireZonedTime
    /// What it says, in the desk's words.
    var summary: String
    /// The words themselves, if quoted.
    var quote: String?
    /// The sender's stance.
    var stance: String
    /// What it asks of us, if anything.
    var asks: String?

    /// The payload of receiving `message`.
    init(_ message: InboundMessage) {
        id = message.id.rawValue
        engagement = message.engagement?.rawValue
        channel = message.channel?.rawValue
        from = message.from.rawValue
        at = WireZonedTime(message.at)
        summary = message.summary
        quote = message.quote
        stance = message.stance.rawValue
        asks = message.asks
    }

    func fact() throws -> DeskEvent.Fact {
        .messageReceived(
            InboundMessage(
                id: InboundMessage.ID(id), engagement: engagement.map { Engagement.ID($0) },
                channel: channel.map { Channel.ID($0) }, from: Party.ID(from), at: try at.value(field: "at"),
                summary: summary, quote: quote, stance: try WireValue.token(stance, field: "stance"), asks: asks))
    }
}
