import Foundation

/// `DeadlineAlarmRaised`, version 1: which deadline, and the alarm's lead time in minutes.
struct DeadlineAlarmRaisedPayload: DeskPayload {
    static let type = "DeadlineAlarmRaised"
    static let version = 1

    /// The deadline.
    var deadline: String
    /// How long before the deadline the alarm rang, in minutes.
    var lead: Int

    func fact() throws -> DeskEvent.Fact { .deadlineAlarmRaised(Deadline.ID(deadline), lead: Minutes(lead)) }
}
