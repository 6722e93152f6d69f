import Foundation

/// `AdvanceTaskAmended`, version 1 (written until 2026-12): as version 2 without an owner, which no task had.
struct AdvanceTaskAmendedPayloadV1: UpcastDeskPayload {
    static let type = "AdvanceTaskAmended"
    static let version = 1

    /// The task.
    var task: String
    /// Its title.
    var title: String
    /// Minutes of work.
    var duration: Int
    /// Minutes before the meeting it must be done.
    var leadTime: Int
    /// The tasks it waits for.
    var dependsOn: [String]
    /// When, why, what changed.
    var amendment: WireAmendment

    func upcast() throws -> AdvanceTaskAmendedPayload {
        AdvanceTaskAmendedPayload(
            task: task, title: title, duration: duration, leadTime: leadTime, dependsOn: dependsOn, owner: nil,
            amendment: amendment)
    }
}
