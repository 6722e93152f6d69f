import Foundation

/// `DeadlineSet`, version 2: a deadline's id, title, engagement, who owes it, when it is due, its alarm
/// lead times and a note; meeting, missing and alarms are events of their own.
struct DeadlineSetPayload: DeskPayload {
    static let type = "DeadlineSet"
    static let version = 2

    /// The deadline's id.
    var id: String
    /// What is owed.
    var title: String
    /// The engagement it belongs to, if any.
    var engagement: String?
    /// The party that owes it.
    var owedBy: String
    /// When it is due.
    var due: WireZonedTime
    /// How long before it is due each alarm rings, in minutes.
    var alarms: [Int]
    /// A note.
    var note: String

    func fact() throws -> DeskEvent.Fact {
        var deadline = Deadline(
            id: Deadline.ID(id), title: title, engagement: engagement.map { Engagement.ID($0) },
            owedBy: Party.ID(owedBy), due: try due.value(field: "due"), alarms: alarms.map { Minutes($0) })
        deadline.note = note
        return .deadlineSet(deadline)
    }
}

extension DeadlineSetPayload {
    /// The payload of setting `deadline` (whether it was met, and its alarms raised, are not part of it).
    init(_ deadline: Deadline) {
        id = deadline.id.rawValue
        title = deadline.title
        engagement = deadline.engagement?.rawValue
        owedBy = deadline.owedBy.rawValue
        due = WireZonedTime(deadline.due)
        alarms = deadline.alarms.map(\.value)
        note = deadline.note
    }
}
