/// Whether what a deadline asks for has been delivered.
public enum DeadlineStatus: String, CaseIterable, Sendable, Codable {
    case open
    case met
    case missed
    /// Dropped by agreement (the other side no longer asks for it, or it became moot): neither met nor missed.
    case waived
}
