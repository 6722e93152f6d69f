import Foundation

/// The estimate scored against the reference-class corpus: each case's moments assessed as the desk
/// knew them then, compared with how the case ended (issue 17, docs/assessment.md).
public struct Calibration: Sendable {
    /// One scored moment.
    public struct Scored: Sendable, Equatable, Encodable {
        /// The case's file name.
        public let name: String
        /// When.
        public let at: String
        /// Why this moment.
        public let why: String
        /// Whether the meeting was held in the end.
        public let held: Bool
        /// The model's inputs: 1, then each indicator's hand-set contribution.
        public let features: [Double]
        /// The estimate at the moment with the weights scored.
        public var probability: Double
    }

    /// One bin of the reliability table.
    public struct Bin: Sendable, Equatable, Encodable {
        /// The bin's predicted range, lower end.
        public let from: Double
        /// Upper end.
        public let to: Double
        /// Moments whose estimate fell in it.
        public let count: Int
        /// Their mean estimate.
        public let meanPredicted: Double
        /// The share of them held in the end.
        public let observed: Double
    }

    /// Scores of one set of estimates.
    public struct Scores: Sendable, Equatable, Encodable {
        /// Mean squared error of p against the outcome (0 best; always 50 % scores 0.25).
        public let brier: Double
        /// Mean negative natural log of the probability given to what happened (0 best; always 50 %
        /// scores 0.693).
        public let logScore: Double
        /// Estimates outside `Assessment.bounds`.
        public let outOfBounds: Int
        /// Predicted against observed, in tenths.
        public let reliability: [Bin]
        /// How often a moment of a meeting held scores above a moment of one never held (ties half).
        ///
        /// It says how well the estimates tell the two apart, whatever their scale: 0.5 is no better than
        /// a coin. Nil unless both outcomes are among the moments.
        public let discrimination: Double?

        /// Scores of `moments`.
        public init(_ moments: [Scored]) {
            let count = Double(max(moments.count, 1))
            brier = moments.reduce(0) { $0 + pow($1.probability - ($1.held ? 1 : 0), 2) } / count
            logScore = moments.reduce(0) { $0 - log(max($1.held ? $1.probability : 1 - $1.probability, 1e-12)) } / count
            outOfBounds = moments.filter { !Assessment.bounds.contains($0.probability) }.count
            reliability = (0..<10).compactMap { tenth in
                let from = Double(tenth) / 10
                let inBin = moments.filter {
                    tenth == 9 ? $0.probability >= from : ($0.probability >= from && $0.probability < from + 0.1)
                }
                guard !inBin.isEmpty else { return nil }
                let n = Double(inBin.count)
                return Bin(
                    from: from, to: from + 0.1, count: inBin.count,
                    meanPredicted: inBin.reduce(0) { $0 + $1.probability } / n,
                    observed: Double(inBin.filter(\.held).count) / n)
            }
            let held = moments.filter(\.held).map(\.probability)
            let never = moments.filter { !$0.held }.map(\.probability)
            if held.isEmpty || never.isEmpty {
                discrimination = nil
            } else {
                let wins = held.reduce(0.0) { total, p in
                    total + never.reduce(0.0) { $0 + (p > $1 ? 1 : p == $1 ? 0.5 : 0) }
                }
                discrimination = wins / Double(held.count * never.count)
            }
        }
    }

    /// How strongly fitted weights are pulled toward the hand-set ones (see `LogisticFit`).
    public static let shrinkage = 4.0

    /// Every case's moments, with their features and the outcome.
    public let moments: [Scored]
    /// How many cases, and how many of them were held.
    public let cases: Int
    /// How many cases were held.
    public let held: Int

    /// The moments of `cases` (file name and contents), each assessed as known then.
    /// - Throws: `CalibrationError` for a file without a case, or a moment at which the engagement was
    ///   not open or had already been held.
    public init(_ cases: [(name: String, contents: ScenarioContents)]) throws(CalibrationError) {
        var moments: [Scored] = []
        var held = 0
        for (name, contents) in cases {
            guard let reference = contents.reference else {
                throw CalibrationError(
                    file: name,
                    reason:
                        "no case: section (engagement, outcome, settled_at, moments, sources): a corpus file needs its outcome"
                )
            }
            if reference.outcome == .held { held += 1 }
            for moment in reference.moments {
                let state = DeskState.folding(contents.events, asOf: moment.at.instant, .asKnown)
                guard
                    let assessment = try? Assessment(
                        engagement: reference.engagement, in: state, asOf: moment.at.instant, weights: .handSet),
                    let features = assessment.features
                else {
                    throw CalibrationError(
                        file: name,
                        reason:
                            "engagement '\(reference.engagement)' is not open (or already held) at the moment \(moment.at.display)"
                    )
                }
                let x = [1] + AssessmentWeights.indicators.map { features[$0] ?? 0 }
                moments.append(
                    Scored(
                        name: name, at: moment.at.display, why: moment.why, held: reference.outcome == .held,
                        features: x, probability: 0))
            }
        }
        self.moments = moments
        self.cases = cases.count
        self.held = held
    }

    /// The moments scored with `weights`.
    public func scored(with weights: AssessmentWeights) -> [Scored] {
        let w = weights.vector
        return moments.map { moment in
            var moment = moment
            let logit = zip(w, moment.features).reduce(0) { $0 + $1.0 * $1.1 }
            moment.probability = Assessment.bounded(1 / (1 + exp(-logit)))
            return moment
        }
    }

    /// Weights fitted to `moments` (all of them, or those of the cases not left out), shrunk toward the
    /// hand-set ones.
    public func fitted(leavingOut name: String? = nil, shrinkage: Double = Self.shrinkage) -> AssessmentWeights {
        let kept = moments.filter { $0.name != name }
        let fit = LogisticFit(
            rows: kept.map(\.features), outcomes: kept.map { $0.held ? 1 : 0 },
            prior: AssessmentWeights.handSet.vector, strength: shrinkage,
            // Each indicator's direction is a judgement the fit keeps: it learns how much a kind of evidence
            // counts, down to nothing, never that it counts the other way.
            nonNegative: Set(1...AssessmentWeights.indicators.count))
        return AssessmentWeights(vector: fit.weights, covariance: fit.covariance)
    }

    /// Each case's moments given the base rate of the other cases (the share of their moments held): what
    /// a model must beat to say more than how often such meetings happen.
    public func baseRateLeftOut() -> [Scored] {
        // Counted once per case, not once per moment: the server scores this at start-up.
        let held = moments.filter(\.held).count
        let byCase = Dictionary(grouping: moments, by: \.name).mapValues { ($0.count, $0.filter(\.held).count) }
        return moments.map { moment in
            let (count, heldHere) = byCase[moment.name] ?? (0, 0)
            let others = moments.count - count
            var moment = moment
            // With no other case there is no base rate to learn: say 50 %.
            let rate = others == 0 ? 0.5 : Double(held - heldHere) / Double(others)
            moment.probability = Assessment.bounded(rate)
            return moment
        }
    }

    /// Each case scored with weights fitted to the others (`fitting`, pulled toward the hand-set ones by
    /// `shrinkage`), or with `weights` as they are.
    public func leaveOneCaseOut(fitting: Bool, weights: AssessmentWeights, shrinkage: Double = Self.shrinkage)
        -> [Scored]
    {
        guard fitting else { return scored(with: weights) }
        var out: [Scored] = []
        for name in Set(moments.map(\.name)).sorted() {
            let weights = fitted(leavingOut: name, shrinkage: shrinkage)
            out += scored(with: weights).filter { $0.name == name }
        }
        return out
    }
}

/// A corpus file that cannot be scored.
public struct CalibrationError: CategorizedError {
    /// The file.
    public let file: String
    /// Why.
    public let reason: String
    /// A bad corpus file is the user's to fix.
    public var category: ErrorCategory { .user }
    /// One line: file, then why.
    public var message: String { "\(file): \(reason)" }
}
