import Foundation

/// What a person supplies to set a deadline, from the web form or `POST /deadlines`.
public struct DeadlineInput: Decodable, Sendable, Equatable {
    /// The deadline's id; made by the desk when missing.
    public var id: String?
    /// What is owed.
    public var title: String
    /// The engagement it belongs to, if any.
    public var engagement: String?
    /// The party that owes it.
    public var owedBy: String
    /// When it is due (required).
    public var due: String
    /// Lead times for alarms, like `2h` and `30m`.
    public var alarms: [String]?

    /// The input as typed.
    public init(
        id: String?, title: String, engagement: String?, owedBy: String, due: String, alarms: [String]?
    ) {
        self.id = id
        self.title = title
        self.engagement = engagement
        self.owedBy = owedBy
        self.due = due
        self.alarms = alarms
    }

    /// The command it asks for, on `state`; `newID` names the deadline when no id was given.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(on state: DeskState, newID: String) throws(DeskError) -> DeskCommand {
        .setDeadline(
            SetDeadline(
                Deadline(
                    id: Deadline.ID(InputText.optional(id) ?? newID), title: title,
                    engagement: InputText.optional(engagement).map { Engagement.ID($0) }, owedBy: Party.ID(owedBy),
                    due: try InputText.requiredTime(due, field: "due", on: state),
                    alarms: try InputText.leadTimes(alarms ?? [], field: "alarms"))))
    }
}
