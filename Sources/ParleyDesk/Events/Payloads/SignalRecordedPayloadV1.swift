import Foundation

/// `SignalRecorded`, version 1 (written until 2026-12): as version 2 without whose stance the signal carries,
/// which was always the counterpart's.
struct SignalRecordedPayloadV1: UpcastDeskPayload {
    static let type = "SignalRecorded"
    static let version = 1

    /// The signal's id.
    var id: String
    /// The engagement it bears on, if any.
    var engagement: String?
    /// When it was said or seen.
    var at: WireZonedTime
    /// What it says, in the desk's words.
    var summary: String
    /// The words themselves, if quoted.
    var quote: String?
    /// Who said it and who reported it.
    var attribution: [String]
    /// The stance it shows.
    var stance: String
    /// The Admiralty grade (source reliability and credibility), such as `B2`.
    var grade: String

    func upcast() throws -> SignalRecordedPayload {
        SignalRecordedPayload(
            id: id, engagement: engagement, at: at, summary: summary, quote: quote, attribution: attribution,
            stance: stance, grade: grade, side: SignalSide.counterpart.rawValue)
    }
}
