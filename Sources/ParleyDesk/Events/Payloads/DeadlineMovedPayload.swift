import Foundation

/// `DeadlineMoved`, version 1: the deadline, its new due time and alarm lead times in minutes, and the
/// amendment (when, why, what changed).
struct DeadlineMovedPayload: DeskPayload {
    static let type = "DeadlineMoved"
    static let version = 1

    /// The deadline.
    var deadline: String
    /// The new due time.
    var due: WireZonedTime
    /// Alarm lead times, in minutes.
    var alarms: [Int]
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of moving `deadline` to `due`.
    init(deadline: Deadline.ID, due: ZonedTime, alarms: [Minutes], amendment: Amendment) {
        self.deadline = deadline.rawValue
        self.due = WireZonedTime(due)
        self.alarms = alarms.map(\.value)
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .deadlineMoved(
            Deadline.ID(deadline), due: try due.value(field: "due"), alarms: alarms.map(Minutes.init),
            try amendment.value(field: "amendment"))
    }
}
