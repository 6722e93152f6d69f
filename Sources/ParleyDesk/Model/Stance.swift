/// What a signal says about the meeting happening.
public enum Stance: String, CaseIterable, Sendable, Codable {
    case favourable
    case open
    case conditional
    case neutral
    case skeptical
    case opposed
}
