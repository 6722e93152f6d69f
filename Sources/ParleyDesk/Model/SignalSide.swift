/// Whose stance a signal carries: the meeting's odds move with the other side's stance, far less with our
/// own side's enthusiasm.
public enum SignalSide: String, CaseIterable, Sendable, Codable {
    /// The counterpart's (the default).
    case counterpart
    /// Our own side's: our principal or staff.
    case ours
    /// A third party's: a mediator, a host government, an analyst.
    case thirdParty = "third-party"
}
