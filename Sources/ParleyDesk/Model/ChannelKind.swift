/// The ways of reaching a party.
public enum ChannelKind: String, CaseIterable, Sendable, Codable {
    case hotline
    case letter
    case envoy
    case publicPost = "public-post"
    /// Inbound only: what the other side's state media says.
    case stateMedia = "state-media"
    case loudspeaker
    case fax
    case delegationMeeting = "delegation-meeting"
    /// Through a third country.
    case intermediary
}
