import Foundation

extension DeskEvent.Fact {
    /// The reported time of a fact that records when something was said, tried, moved or agreed, which a
    /// source may give only as a day or a span of days; nil for other facts.
    public var reportedTime: ZonedTime? {
        switch self {
        case .contactAttemptRecorded(let attempt): attempt.at
        case .signalRecorded(let signal): signal.at
        case .messageReceived(let message): message.at
        case .engagementMoved(_, let transition): transition.at
        // Agreed with a move whose time may be only a day.
        case .engagementSlotAgreed(_, let slot): slot.agreedAt
        default: nil
        }
    }

    /// The fact with its reported time's precision set (how the log's envelope gives it back).
    func withReportedPrecision(_ precision: TimePrecision) -> DeskEvent.Fact {
        switch self {
        case .contactAttemptRecorded(var attempt):
            attempt.at.precision = precision
            return .contactAttemptRecorded(attempt)
        case .signalRecorded(var signal):
            signal.at.precision = precision
            return .signalRecorded(signal)
        case .messageReceived(var message):
            message.at.precision = precision
            return .messageReceived(message)
        case .engagementMoved(let id, var transition):
            transition.at.precision = precision
            return .engagementMoved(id, transition)
        case .engagementSlotAgreed(let id, var slot):
            slot.agreedAt.precision = precision
            return .engagementSlotAgreed(id, slot)
        default:
            return self
        }
    }
}
