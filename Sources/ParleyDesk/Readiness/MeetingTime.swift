import Foundation

/// The moment readiness and the latest confirmation count back from, and what it comes from: the slot both
/// sides agreed, else the slot the planner placed the meeting in, else the end of its window.
public struct MeetingTime: Sendable, Equatable {
    /// Where the moment comes from, best first.
    public enum Source: String, Sendable, Equatable {
        /// The slot both sides agreed.
        case agreed = "the agreed slot"
        /// The slot the latest itinerary placed the meeting in.
        case planned = "the planned slot"
        /// The end of the engagement's window (no slot agreed or planned).
        case windowEnd = "the end of its window"
    }

    /// When the meeting starts (or, for `windowEnd`, the latest it could).
    public let start: Date
    /// Where, when the slot says.
    public let venue: Venue.ID?
    /// What the moment comes from.
    public let source: Source

    /// The meeting time of `engagement` as the desk knew it at `asOf`.
    ///
    /// Only a slot agreed, or an itinerary planned, by then counts (a planned slot only while it is ahead: the trip can be planned
    /// again); of the windows, the latest ending after `asOf`, else the last to end. Nil when there is
    /// no slot and no window.
    public init?(of engagement: Engagement, in state: DeskState, asOf: Date) {
        if let slot = engagement.agreedSlot, slot.agreedAt.instant <= asOf {
            self.init(start: slot.start.instant, venue: slot.venue, source: .agreed)
        } else if let trip = engagement.trip, let itinerary = state.itineraries[trip],
            itinerary.plannedAt.instant <= asOf,
            let visit = itinerary.visits.first(where: { $0.kind == .engagement && $0.ref == engagement.id.rawValue }),
            visit.start.instant >= asOf
        {
            self.init(start: visit.start.instant, venue: visit.venue, source: .planned)
        } else {
            let ends = engagement.windows.map(\.to.instant)
            guard let end = ends.filter({ $0 >= asOf }).max() ?? ends.max() else { return nil }
            self.init(start: end, venue: nil, source: .windowEnd)
        }
    }

    private init(start: Date, venue: Venue.ID?, source: Source) {
        self.start = start
        self.venue = venue
        self.source = source
    }
}
