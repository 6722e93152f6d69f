/// Whether a channel works at the moment.
public enum ChannelStatus: String, CaseIterable, Sendable, Codable {
    case active
    case dormant
    case severed
    case unknown
}
