import Foundation

/// Set an open deadline; meeting or missing it and its alarms are commands of their own.
public struct SetDeadline: Sendable, Equatable {
    /// The deadline's id.
    public var id: Deadline.ID
    /// What is owed.
    public var title: String
    /// The engagement it belongs to, if any.
    public var engagement: Engagement.ID?
    /// The party that owes it.
    public var owedBy: Party.ID
    /// When it is due.
    public var due: ZonedTime
    /// How long before it is due each alarm rings.
    public var alarms: [Minutes]
    /// A note.
    public var note: String

    /// The input of `deadline`, without whether it was met or its alarms raised.
    public init(_ deadline: Deadline) {
        id = deadline.id
        title = deadline.title
        engagement = deadline.engagement
        owedBy = deadline.owedBy
        due = deadline.due
        alarms = deadline.alarms
        note = deadline.note
    }

    /// The deadline it sets, open.
    public var deadline: Deadline {
        var deadline = Deadline(
            id: id, title: title, engagement: engagement, owedBy: owedBy, due: due, alarms: alarms)
        deadline.note = note
        return deadline
    }
}
