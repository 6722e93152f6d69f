import Foundation

/// The probability that an engagement is held by the end of its window, with its reasons.
///
/// A base rate plus explained log-odds contributions. Every indicator, its weight and why are in
/// docs/assessment.md; no weight refers to a particular scenario, person, place or date.
public struct Assessment: Sendable, Equatable {
    /// One indicator's part in the estimate.
    public struct Contribution: Sendable, Equatable {
        /// A stable name (`channel-answers`).
        public let indicator: String
        /// Log-odds added (negative lowers the probability).
        public let logOdds: Double
        /// Why, in words.
        public let reason: String
    }

    /// The engagement.
    public let engagement: Engagement.ID
    /// When it was assessed (the desk as it stood then).
    public let asOf: Date
    /// The probability, 0…1.
    public let probability: Double
    /// The base rate's log-odds.
    public let baseLogOdds: Double
    /// What moved it, largest effect first.
    public let contributions: [Contribution]

    /// The base rate: most explored leader-level meetings do not happen.
    public static let baseRate = 0.25

    /// Assesses `engagement` on `state` (the desk folded up to `asOf`).
    /// - Throws: `DeskError.unknownReference` for an unknown engagement.
    public init(engagement id: Engagement.ID, in state: DeskState, asOf: Date) throws(DeskError) {
        guard let engagement = state.engagements[id] else {
            throw .unknownReference(field: "engagement", kind: "engagement", id: id.rawValue)
        }
        self.engagement = id
        self.asOf = asOf
        baseLogOdds = Self.logit(Self.baseRate)
        switch engagement.state {
        case .held:
            probability = 1
            contributions = [Contribution(indicator: "lifecycle", logOdds: .infinity, reason: "the meeting was held")]
            return
        case .declined, .abandoned:
            probability = 0
            contributions = [
                Contribution(
                    indicator: "lifecycle", logOdds: -.infinity, reason: "the engagement is \(engagement.state.label)")
            ]
            return
        default:
            break
        }
        let indicators = Indicators(engagement: engagement, state: state, asOf: asOf)
        let parts = indicators.all.filter { $0.logOdds != 0 }
        contributions = parts.sorted { abs($0.logOdds) > abs($1.logOdds) }
        probability = Self.logistic(baseLogOdds + parts.reduce(0) { $0 + $1.logOdds })
    }

    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
