import Foundation

/// `EngagementAmended`, version 1: the engagement, its terms after the change (title, purpose, priority,
/// duration in minutes, venues, windows, principals), and the amendment (when, why, what changed).
struct EngagementAmendedPayload: DeskPayload {
    static let type = "EngagementAmended"
    static let version = 1

    /// The engagement.
    var engagement: String
    /// Its title.
    var title: String
    /// Its purpose.
    var purpose: String
    /// Its priority.
    var priority: Int
    /// The meeting's length in minutes.
    var duration: Int
    /// Candidate venues, preferred first.
    var venues: [String]
    /// Windows.
    var windows: [WireTimeWindow]
    /// Principals.
    var principals: [String]
    /// When, why, what changed.
    var amendment: WireAmendment

    /// The payload of amending `engagement` to `terms`.
    init(engagement: Engagement.ID, terms: EngagementTerms, amendment: Amendment) {
        self.engagement = engagement.rawValue
        title = terms.title
        purpose = terms.purpose
        priority = terms.priority
        duration = terms.duration.value
        venues = terms.venues.map(\.rawValue)
        windows = terms.windows.map(WireTimeWindow.init)
        principals = terms.principals.map(\.rawValue)
        self.amendment = WireAmendment(amendment)
    }

    func fact() throws -> DeskEvent.Fact {
        .engagementAmended(
            Engagement.ID(engagement),
            EngagementTerms(
                title: title, purpose: purpose, priority: priority, duration: Minutes(duration),
                venues: venues.map { Venue.ID($0) },
                windows: try windows.enumerated().map { index, window in try window.value(field: "windows[\(index)]") },
                principals: principals.map { Principal.ID($0) }),
            try amendment.value(field: "amendment"))
    }
}
