import Foundation

/// `ContactAttemptRecorded`, version 1: an attempt's id, channel, engagement, time, outcome and note.
struct ContactAttemptRecordedPayload: DeskPayload {
    static let type = "ContactAttemptRecorded"
    static let version = 1

    /// The attempt's id.
    var id: String
    /// The channel used.
    var channel: String
    /// The engagement it served, if any.
    var engagement: String?
    /// When it was made.
    var at: WireZonedTime
    /// What came of it.
    var outcome: String
    /// What was said or seen.
    var note: String

    /// The payload of recording `attempt`.
    init(_ attempt: ContactAttempt) {
        id = attempt.id.rawValue
        channel = attempt.channel.rawValue
        engagement = attempt.engagement?.rawValue
        at = WireZonedTime(attempt.at)
        outcome = attempt.outcome.rawValue
        note = attempt.note
    }

    func fact() throws -> DeskEvent.Fact {
        .contactAttemptRecorded(
            ContactAttempt(
                id: ContactAttempt.ID(id), channel: Channel.ID(channel),
                engagement: engagement.map { Engagement.ID($0) },
                at: try at.value(field: "at"), outcome: try WireValue.token(outcome, field: "outcome"), note: note))
    }
}
