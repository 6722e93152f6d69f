/// Whether what a deadline asks for has been delivered.
public enum DeadlineStatus: String, CaseIterable, Sendable, Codable {
    case open
    case met
    case missed
}
