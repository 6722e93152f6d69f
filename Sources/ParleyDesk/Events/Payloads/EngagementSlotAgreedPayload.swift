import Foundation

/// `EngagementSlotAgreed`, version 1: the engagement, the agreed start, length in minutes and venue, and
/// when it was agreed.
struct EngagementSlotAgreedPayload: DeskPayload {
    static let type = "EngagementSlotAgreed"
    static let version = 1

    /// The engagement.
    var engagement: String
    /// When the meeting starts.
    var start: WireZonedTime
    /// How long it lasts, in minutes.
    var duration: Int
    /// Where.
    var venue: String
    /// When it was agreed.
    var agreedAt: WireZonedTime

    /// The payload of agreeing `slot` for `engagement`.
    init(engagement: Engagement.ID, slot: AgreedSlot) {
        self.engagement = engagement.rawValue
        start = WireZonedTime(slot.start)
        duration = slot.duration.value
        venue = slot.venue.rawValue
        agreedAt = WireZonedTime(slot.agreedAt)
    }

    func fact() throws -> DeskEvent.Fact {
        .engagementSlotAgreed(
            Engagement.ID(engagement),
            AgreedSlot(
                start: try start.value(field: "start"), duration: Minutes(duration), venue: Venue.ID(venue),
                agreedAt: try agreedAt.value(field: "agreedAt")))
    }
}
