import Foundation

/// What a person supplies to record a contact attempt, from the web form or `POST /attempts`.
public struct AttemptInput: Decodable, Sendable, Equatable {
    /// The attempt's id; made by the desk when missing.
    public var id: String?
    /// The channel used.
    public var channel: String
    /// The engagement it served, if any.
    public var engagement: String?
    /// When; now when missing.
    public var at: String?
    /// What came of it (`unanswered`, `refused`, `delivered`, `acknowledged`, `replied`).
    public var outcome: String
    /// What was said or seen.
    public var note: String?

    /// The input as typed.
    public init(id: String?, channel: String, engagement: String?, at: String?, outcome: String, note: String?) {
        self.id = id
        self.channel = channel
        self.engagement = engagement
        self.at = at
        self.outcome = outcome
        self.note = note
    }

    /// The command it asks for, on `state` at `now`; `newID` names the attempt when no id was given.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState, now: Date, newID: String) throws(DeskError) -> DeskCommand {
        .recordContactAttempt(
            ContactAttempt(
                id: ContactAttempt.ID(InputText.optional(id) ?? newID), channel: Channel.ID(channel),
                engagement: InputText.optional(engagement).map { Engagement.ID($0) },
                at: try InputText.reportedTime(at, field: "at", on: state, now: now),
                outcome: try InputText.choice(outcome, field: "outcome"), note: note ?? ""))
    }
}
