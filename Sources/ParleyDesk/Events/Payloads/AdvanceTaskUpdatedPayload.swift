import Foundation

/// `AdvanceTaskUpdated`, version 1: which task, its new status, and when.
struct AdvanceTaskUpdatedPayload: DeskPayload {
    static let type = "AdvanceTaskUpdated"
    static let version = 1

    /// The task.
    var task: String
    /// Its new status.
    var status: String
    /// When it was reached.
    var at: WireZonedTime

    func fact() throws -> DeskEvent.Fact {
        .advanceTaskUpdated(
            AdvanceTask.ID(task), try WireValue.token(status, field: "status"), at: try at.value(field: "at"))
    }
}
