import Foundation

/// `DeadlineResolved`, version 1: which deadline, met or missed, when, and a note.
struct DeadlineResolvedPayload: DeskPayload {
    static let type = "DeadlineResolved"
    static let version = 1

    /// The deadline.
    var deadline: String
    /// `met` or `missed`.
    var status: String
    /// When it was met or missed.
    var at: WireZonedTime
    /// A note.
    var note: String

    func fact() throws -> DeskEvent.Fact {
        .deadlineResolved(
            Deadline.ID(deadline), try WireValue.token(status, field: "status"), at: try at.value(field: "at"),
            note: note)
    }
}
