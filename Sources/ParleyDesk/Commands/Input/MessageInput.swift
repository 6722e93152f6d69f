import Foundation

/// What a person supplies to record a message from the other side, from the web form or `POST /messages`.
public struct MessageInput: Decodable, Sendable, Equatable {
    /// The message's id; made by the desk when missing.
    public var id: String?
    /// The engagement it concerns, if any.
    public var engagement: String?
    /// The channel it came on, if any.
    public var channel: String?
    /// The party that sent it: the counterpart, or an intermediary.
    public var from: String
    /// When it was sent or received; now when missing.
    public var at: String?
    /// What it says, in the desk's words.
    public var summary: String
    /// The words themselves, if quoted.
    public var quote: String?
    /// The sender's stance.
    public var stance: String
    /// What it asks of us, if anything.
    public var asks: String?

    /// The input as typed.
    public init(
        id: String?, engagement: String?, channel: String?, from: String, at: String?, summary: String,
        quote: String?, stance: String, asks: String?
    ) {
        self.id = id
        self.engagement = engagement
        self.channel = channel
        self.from = from
        self.at = at
        self.summary = summary
        self.quote = quote
        self.stance = stance
        self.asks = asks
    }

    /// The command it asks for, on `state` at `now`; `newID` names the message when no id was given.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState, now: Date, newID: String) throws(DeskError) -> DeskCommand {
        .recordMessage(
            InboundMessage(
                id: InboundMessage.ID(InputText.optional(id) ?? newID),
                engagement: InputText.optional(engagement).map { Engagement.ID($0) },
                channel: InputText.optional(channel).map { Channel.ID($0) }, from: Party.ID(from),
                at: try InputText.reportedTime(at, field: "at", on: state, now: now), summary: summary,
                quote: InputText.optional(quote), stance: try InputText.choice(stance, field: "stance"),
                asks: InputText.optional(asks)))
    }
}
