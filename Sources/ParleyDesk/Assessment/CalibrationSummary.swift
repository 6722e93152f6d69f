import Foundation

/// The calibration report as the web desk shows it: the corpus, the hand-set and the shipped weights
/// scored in sample and with each case left out, and every moment under the shipped weights.
public struct CalibrationSummary: Sendable {
    /// How many cases, how many held, how many moments.
    public let cases: Int
    /// Cases held.
    public let held: Int
    /// Moments scored.
    public let moments: Int
    /// The hand-set weights' scores (in sample; nothing was fitted, so the same left out).
    public let handSet: Calibration.Scores
    /// The shipped weights' scores in sample.
    public let shipped: Calibration.Scores
    /// Each case scored with weights fitted to the others: the honest figure for fitted weights.
    public let shippedLeftOut: Calibration.Scores
    /// The base rate of the other cases, each case left out: the figure a model must beat.
    public let baseRateLeftOut: Calibration.Scores
    /// The shipped weights.
    public let weights: AssessmentWeights
    /// Every moment under the shipped weights.
    public let scored: [Calibration.Scored]

    /// The summary of `calibration`, with `weights` as the shipped ones.
    public init(_ calibration: Calibration, weights: AssessmentWeights = .shipped) {
        cases = calibration.cases
        held = calibration.held
        moments = calibration.moments.count
        handSet = Calibration.Scores(calibration.scored(with: .handSet))
        scored = calibration.scored(with: weights)
        shipped = Calibration.Scores(scored)
        shippedLeftOut = Calibration.Scores(calibration.leaveOneCaseOut(fitting: true, weights: weights))
        baseRateLeftOut = Calibration.Scores(calibration.baseRateLeftOut())
        self.weights = weights
    }
}
