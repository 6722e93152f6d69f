/// What came of a contact attempt.
public enum AttemptOutcome: String, CaseIterable, Sendable, Codable {
    case unanswered
    case refused
    case delivered
    case acknowledged
    case replied

    /// Whether the other side answered in any way (a refusal is an answer, but not a welcome one).
    public var isAnswer: Bool { self == .acknowledged || self == .replied || self == .refused }
}
