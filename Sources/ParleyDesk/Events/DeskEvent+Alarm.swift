import Foundation

/// What kind of alarm an event raises where people look (the header's alarm area).
public enum AlarmKind: String, Sendable, Codable, CaseIterable {
    /// A deadline's alarm lead time was reached.
    case deadlineWarning = "deadline_warning"
    /// A deadline passed unmet.
    case deadlineMissed = "deadline_missed"
    /// A playbook's try is due now.
    case playbookTry = "playbook_try"
    /// The other side sent a message.
    case message
    /// An engagement moved (raised only for those who follow it).
    case moved

    /// A few words for the alarm area.
    public var label: String {
        switch self {
        case .deadlineWarning: "deadline soon"
        case .deadlineMissed: "deadline missed"
        case .playbookTry: "try now"
        case .message: "message"
        case .moved: "moved"
        }
    }
}

extension DeskEvent {
    /// The alarm this event raises, if any: deadline warnings and misses, playbook tries due, messages
    /// from the other side, and lifecycle moves (which only those who follow the engagement are shown).
    public var alarm: AlarmKind? {
        switch fact {
        case .deadlineAlarmRaised: .deadlineWarning
        case .deadlineResolved(_, let status, _, _): status == .missed ? .deadlineMissed : nil
        case .playbookTryDue: .playbookTry
        case .messageReceived: .message
        case .engagementMoved: .moved
        default: nil
        }
    }
}
