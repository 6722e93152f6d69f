import Foundation
import ParleyDesk

/// One thing a search found: an engagement (by its title or purpose) or a timeline entry, on a desk the
/// reader may see, in the numbers and words that reader sees.
struct SearchHit: Sendable, Encodable {
    let desk: String
    /// The entry's number on the reader's timeline; nil for an engagement.
    let sequence: Int64?
    let at: Date
    /// `at` in the desk's zone, as pages show it.
    let when: String
    /// "engagement", or the entry's event type.
    let kind: String
    let text: String
    /// The engagement the hit is about, when the reader sees it.
    let engagement: Engagement.ID?
    /// Whether the entry has since been retracted.
    let retracted: Bool
}

/// What a search answers: a page of hits from `offset` on, and whether more follow.
struct SearchResult: Sendable, Encodable {
    let query: String
    /// How many hits came before this page.
    let offset: Int
    let hits: [SearchHit]
    /// Whether more hits follow this page.
    let truncated: Bool
}
