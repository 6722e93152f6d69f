import Foundation
import ParleyDesk

/// `CalendarFeedIssued`, version 1: a person was given a secret calendar address for a desk or one of
/// its trips.
struct CalendarFeedIssuedPayload: AccountPayload {
    static let type = "CalendarFeedIssued"
    static let version = 1
    static let key = "calendarFeedIssued"

    /// The feed's id (shown in lists and used to revoke it; not the secret).
    var id: String
    /// The SHA-256 of the secret in the address; the secret itself is never stored.
    var tokenHash: String
    /// Whose feed it is: it shows what they may read.
    var name: String
    /// The desk.
    var desk: String
    /// The trip, when the feed is one trip's.
    var trip: String?

    func event() throws -> AccountEvent {
        .calendarFeedIssued(id: id, tokenHash: tokenHash, name: name, desk: desk, trip: trip)
    }
}
