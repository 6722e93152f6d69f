import Foundation

/// What the planner made of a trip: the visits placed, day by day, and the meetings left out with why.
public struct Itinerary: Hashable, Sendable, Codable {
    /// The trip planned.
    public var trip: Trip.ID
    /// When it was planned.
    public var plannedAt: ZonedTime
    /// Every placed visit, in time order.
    public var visits: [PlannedVisit]
    /// Candidate meetings that did not fit, with the reason.
    public var leftOut: [LeftOutMeeting]
    /// Whether the planner proved that no itinerary places more (true), or gave the best its bounded
    /// search found (false); nil when not said (planned before 2026-12, or written by hand).
    public var provenBest: Bool?

    /// An itinerary for a trip.
    public init(
        trip: Trip.ID, plannedAt: ZonedTime, visits: [PlannedVisit], leftOut: [LeftOutMeeting], provenBest: Bool? = nil
    ) {
        self.trip = trip
        self.plannedAt = plannedAt
        self.visits = visits
        self.leftOut = leftOut
        self.provenBest = provenBest
    }
}

extension Itinerary {
    /// Whether it is proven best, in words for a page or a report; nil when not said.
    public var proofText: String? {
        provenBest.map {
            $0
                ? "Proven best: an exhaustive search found no itinerary that places more."
                : "The best a time-bounded search found; not proven best (too many choices to search them all)."
        }
    }
}

/// One placed visit: a fixed commitment or a meeting, where and when.
public struct PlannedVisit: Hashable, Sendable, Codable {
    /// What kind of thing is visited.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case commitment
        case engagement
    }

    /// A commitment or an engagement.
    public var kind: Kind
    /// The commitment's or engagement's id.
    public var ref: String
    /// Where.
    public var venue: Venue.ID
    /// The day of the trip (0 for the first), which is the planner's tour.
    public var day: Int
    /// When it starts, in the venue's zone.
    public var start: ZonedTime
    /// When it ends, in the venue's zone.
    public var end: ZonedTime

    /// A placed visit.
    public init(kind: Kind, ref: String, venue: Venue.ID, day: Int, start: ZonedTime, end: ZonedTime) {
        self.kind = kind
        self.ref = ref
        self.venue = venue
        self.day = day
        self.start = start
        self.end = end
    }
}

/// A candidate meeting the planner left out, and why, in words a planner can act on.
public struct LeftOutMeeting: Hashable, Sendable, Codable {
    /// The engagement.
    public var engagement: Engagement.ID
    /// Why it did not fit (per candidate venue where they differ).
    public var reason: String

    /// A left-out meeting.
    public init(engagement: Engagement.ID, reason: String) {
        self.engagement = engagement
        self.reason = reason
    }

    /// The reason given when the meeting clashes with another visit, named by its title.
    public static func clash(with title: String) -> String { "clashes with \(title)" }

    /// The reason as told to someone not cleared to know of the visits titled `unseen`.
    func reason(hiding unseen: [String]) -> String {
        unseen.reduce(reason) { reason, title in
            reason.replacingOccurrences(of: Self.clash(with: title), with: Self.clash(with: "another commitment"))
        }
    }
}
