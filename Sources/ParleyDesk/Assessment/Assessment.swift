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
    /// The probability, 0…1: within `bounds` until the meeting is held.
    public let probability: Double
    /// A 90 % interval around the probability from the fitted weights' uncertainty (nil with hand-set
    /// weights, or once held).
    public let interval: ClosedRange<Double>?
    /// The base rate's log-odds.
    public let baseLogOdds: Double
    /// What moved it, largest effect first.
    public let contributions: [Contribution]
    /// Each indicator's hand-set contribution before weighting (what the weights multiply); nil once held.
    public let features: [String: Double]?

    /// The base rate: most explored leader-level meetings do not happen.
    public static let baseRate = 0.25

    /// How far the estimate may go before the outcome itself is recorded.
    ///
    /// Two in a hundred either way: the corpus holds cases refused for years and then held, and confirmed ones called off on the day,
    /// and a few dozen cases cannot tell one in fifty from one in a thousand.
    public static let bounds = 0.02...0.98

    /// Assesses `engagement` on `state` (the desk folded up to `asOf`) with `weights`.
    /// - Throws: `DeskError.unknownReference` for an unknown engagement.
    public init(
        engagement id: Engagement.ID, in state: DeskState, asOf: Date, weights: AssessmentWeights = .shipped
    ) throws(DeskError) {
        guard let engagement = state.engagements[id] else {
            throw .unknownReference(field: "engagement", kind: "engagement", id: id.rawValue)
        }
        self.engagement = id
        self.asOf = asOf
        baseLogOdds = weights.base
        // Held is the outcome itself: the only certainty.
        if engagement.state == .held {
            probability = 1
            interval = nil
            features = nil
            contributions = [Contribution(indicator: "lifecycle", logOdds: 0, reason: "held")]
            return
        }
        let indicators = Indicators(engagement: engagement, state: state, asOf: asOf).all
        let values = Dictionary(indicators.map { ($0.indicator, $0.logOdds) }, uniquingKeysWith: +)
        features = values
        let parts = indicators.filter { $0.logOdds != 0 }.map {
            Contribution(
                indicator: $0.indicator, logOdds: $0.logOdds * weights.multiplier($0.indicator), reason: $0.reason)
        }
        contributions = parts.sorted { abs($0.logOdds) > abs($1.logOdds) }
        let logOdds = weights.base + parts.reduce(0) { $0 + $1.logOdds }
        probability = Self.bounded(Self.logistic(logOdds))
        if weights.covariance.count == AssessmentWeights.indicators.count + 1 {
            // The logit's variance under the fit: xᵀ Σ x, with x = (1, each indicator's hand value).
            let x = [1] + AssessmentWeights.indicators.map { values[$0] ?? 0 }
            var variance = 0.0
            for i in x.indices { for j in x.indices { variance += x[i] * weights.covariance[i][j] * x[j] } }
            let spread = 1.645 * variance.squareRoot()
            interval = Self.bounded(Self.logistic(logOdds - spread))...Self.bounded(Self.logistic(logOdds + spread))
        } else {
            interval = nil
        }
    }

    /// The (at most) three indicators whose contributions changed most since `previous`, with the change
    /// in log-odds, largest first: what the latest news did to the estimate.
    public func movers(since previous: Assessment) -> [Contribution] {
        let before = Dictionary(previous.contributions.map { ($0.indicator, $0.logOdds) }, uniquingKeysWith: +)
        let now = Dictionary(contributions.map { ($0.indicator, $0.logOdds) }, uniquingKeysWith: +)
        let reasons = Dictionary(
            contributions.map { ($0.indicator, $0.reason) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(now.keys).compactMap { indicator -> Contribution? in
            let change = (now[indicator] ?? 0) - (before[indicator] ?? 0)
            // Less than shows at two decimals (a stance fading over an hour) is not news.
            guard abs(change) >= 0.005 else { return nil }
            return Contribution(indicator: indicator, logOdds: change, reason: reasons[indicator] ?? "no longer counts")
        }.sorted { (abs($0.logOdds), $1.indicator) > (abs($1.logOdds), $0.indicator) }.prefix(3).map { $0 }
    }

    /// `p` kept within `bounds`.
    static func bounded(_ p: Double) -> Double { min(max(p, bounds.lowerBound), bounds.upperBound) }

    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
