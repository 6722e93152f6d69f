import Foundation

/// How much each indicator counts: the base log-odds, and a multiplier on each indicator's hand-set
/// contribution (docs/assessment.md).
///
/// A multiplier of 1 keeps the hand-set value; `parley calibrate --fit` learns multipliers from the
/// reference-class corpus, shrunk toward 1 so a small corpus cannot swing them far. No weight names a
/// case, person, place or date: there is one number per kind of evidence.
public struct AssessmentWeights: Sendable, Equatable, Codable {
    /// The indicators, in the order the model lists them.
    public static let indicators = [
        "lifecycle", "setbacks", "channel-answers", "refusals", "channel-status", "stance", "our-stance", "our-doubts",
        "site-work", "deadlines", "time-left",
    ]

    /// The log-odds before any evidence.
    public var base: Double
    /// A multiplier per indicator (missing: 1).
    public var multipliers: [String: Double]
    /// The covariance of (base, multipliers in `indicators` order) from the fit, when fitted.
    ///
    /// The estimate's interval is drawn from it. Empty for hand-set weights.
    public var covariance: [[Double]]

    /// Weights as given.
    public init(base: Double, multipliers: [String: Double], covariance: [[Double]] = []) {
        self.base = base
        self.multipliers = multipliers
        self.covariance = covariance
    }

    /// The hand-set weights: the base rate's log-odds and every multiplier 1.
    public static let handSet = AssessmentWeights(
        base: log(Assessment.baseRate / (1 - Assessment.baseRate)),
        multipliers: Dictionary(uniqueKeysWithValues: indicators.map { ($0, 1.0) }))

    /// The multiplier for `indicator`.
    public func multiplier(_ indicator: String) -> Double { multipliers[indicator] ?? 1 }

    /// The standard error of `indicator`'s multiplier from the fit; nil for hand-set weights, and for
    /// weights fitted for another set of indicators (their covariance says nothing of these).
    public func standardError(_ indicator: String) -> Double? {
        guard covariance.count == Self.indicators.count + 1, let index = Self.indicators.firstIndex(of: indicator)
        else { return nil }
        return covariance[index + 1][index + 1].squareRoot()
    }

    /// The parameters in the model's order: the base, then one multiplier per indicator.
    public var vector: [Double] { [base] + Self.indicators.map(multiplier) }

    /// Weights from a parameter vector in the model's order.
    public init(vector: [Double], covariance: [[Double]] = []) {
        self.init(
            base: vector[0],
            multipliers: Dictionary(
                uniqueKeysWithValues: Self.indicators.enumerated().map { ($0.element, vector[$0.offset + 1]) }),
            covariance: covariance)
    }
}
