import Foundation
import ParleyDesk

/// Secret calendar addresses: a calendar application fetches them without a session, so each is a
/// secret of its own, kept only as its SHA-256, revocable, and showing what its owner may read now.
extension AccountBook {
    /// The most feeds one person may hold at once: enough for every trip of every desk they follow,
    /// and a bound on what one account can add to the accounts stream.
    public static let calendarFeedLimit = 50

    /// Gives `name` a new feed for `desk` (or its trip `trip`); answers the feed and its secret, which is
    /// shown once and never stored.
    /// - Throws: `AccessError` when there is no such account or they hold `calendarFeedLimit` feeds.
    public func issueCalendarFeed(for name: String, desk: String, trip: String?, actor: String) async throws
        -> (feed: AccountsState.CalendarFeed, secret: String)
    {
        let secret = Self.newToken()
        // Named from the secret (one-way), so it is as unlikely to repeat and tells nothing of it.
        let id = "feed-" + Self.hash("calendar-feed-id\u{0}" + secret).prefix(12)
        let state = try await record(actor: actor) { state in
            try Self.requireAccount(name, in: state)
            guard state.calendarFeeds.values.filter({ $0.name == name }).count < Self.calendarFeedLimit else {
                throw AccessError(
                    .tooManyFeeds,
                    "\(name) already has \(Self.calendarFeedLimit) calendar feeds; revoke one first")
            }
            return [.calendarFeedIssued(id: id, tokenHash: Self.hash(secret), name: name, desk: desk, trip: trip)]
        }
        guard let feed = state.calendarFeeds[id] else {
            throw AccessError(.unknownCalendarFeed, "the calendar feed was not recorded; try again")
        }
        return (feed, secret)
    }

    /// The feed whose secret is `secret`, with its owner as they are now; nil when no feed that
    /// answers has it, or its owner no longer has an account.
    /// - Throws: `StoreError` when the accounts cannot be read.
    public func calendarFeed(secret: String) async throws -> (feed: AccountsState.CalendarFeed, owner: Identity)? {
        // A secret is 43 characters; anything else is no secret, and is not hashed.
        guard secret.utf8.count == 43 else { return nil }
        let state = try await state()
        guard let id = state.calendarFeedsByHash[Self.hash(secret)], let feed = state.calendarFeeds[id],
            let user = state.users[feed.name]
        else { return nil }
        return (feed, Identity(name: user.name, role: user.role, clearance: state.clearance(of: user.name)))
    }

    /// The feeds that answer: `name`'s, or everyone's when `name` is nil; newest first.
    /// - Throws: `StoreError` when the accounts cannot be read.
    public func calendarFeeds(of name: String?) async throws -> [AccountsState.CalendarFeed] {
        try await state().calendarFeeds.values.filter { name == nil || $0.name == name }
            .sorted { ($0.issued, $0.id) > ($1.issued, $1.id) }
    }

    /// Stops feed `id` answering.
    /// - Throws: `AccessError` when no feed that answers has that id.
    public func revokeCalendarFeed(_ id: String, actor: String) async throws {
        try await record(actor: actor) { state in
            guard state.calendarFeeds[id] != nil else {
                throw AccessError(.unknownCalendarFeed, "no calendar feed '\(id)'")
            }
            return [.calendarFeedRevoked(id: id, reason: "revoked by \(actor)")]
        }
    }
}
