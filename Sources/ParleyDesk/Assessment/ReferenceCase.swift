import Foundation

/// A real case of a leader-level meeting that was explored or arranged, told as a scenario file, with how
/// it ended and the moments at which the estimate is scored against that ending (issue 17).
///
/// Each moment is chosen before the outcome was known, and the desk is seen at it as it was known then.
public struct ReferenceCase: Sendable, Equatable {
    /// A moment at which the estimate is scored, and why that moment.
    public struct Moment: Sendable, Equatable {
        /// When.
        public var at: ZonedTime
        /// Why this moment (what a staff would have been asking then).
        public var why: String

        /// A moment.
        public init(at: ZonedTime, why: String) {
            self.at = at
            self.why = why
        }
    }

    /// How the case ended.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The meeting took place.
        case held
        /// It never took place (refused, cancelled for good, overtaken).
        case neverHeld = "never-held"
    }

    /// The engagement the case is about.
    public var engagement: Engagement.ID
    /// How it ended.
    public var outcome: Outcome
    /// When the ending was known (the meeting began, or it was clear it would not happen).
    public var settledAt: ZonedTime
    /// The moments to score, in time order.
    public var moments: [Moment]
    /// The public reporting the file's facts come from.
    public var sources: [String]

    /// A case.
    public init(
        engagement: Engagement.ID, outcome: Outcome, settledAt: ZonedTime, moments: [Moment], sources: [String]
    ) {
        self.engagement = engagement
        self.outcome = outcome
        self.settledAt = settledAt
        self.moments = moments
        self.sources = sources
    }

    /// How many moments a case scores: enough to follow it, few enough that no case outweighs the others.
    public static let momentCount = 3...5
}
