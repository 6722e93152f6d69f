import Foundation

/// What a person supplies to record an advance task's progress, from the web form or
/// `POST /tasks/{id}/status`.
public struct TaskProgressInput: Decodable, Sendable, Equatable {
    /// `pending`, `in-progress`, `done` or `blocked`.
    public var status: String
    /// When; now when missing.
    public var at: String?

    /// The input as typed.
    public init(status: String, at: String?) {
        self.status = status
        self.at = at
    }

    /// The command it asks for: `task`'s progress on `state` at `now`.
    /// - Throws: `DeskError` naming the field that cannot be read.
    public func command(_ task: AdvanceTask.ID, on state: DeskState, now: Date) throws(DeskError) -> DeskCommand {
        .updateAdvanceTask(
            UpdateAdvanceTask(
                task: task, status: try InputText.choice(status, field: "status"),
                at: try InputText.time(at, field: "at", on: state, now: now)))
    }
}
