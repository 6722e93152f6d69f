/// How far an advance task has got.
public enum TaskStatus: String, CaseIterable, Sendable, Codable {
    case pending
    case inProgress = "in-progress"
    case done
    case blocked
}
