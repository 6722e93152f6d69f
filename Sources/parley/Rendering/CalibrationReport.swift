import Foundation
import ParleyDesk

/// What `parley calibrate` prints: the corpus, then for each set of weights its scores in sample and
/// with each case left out, the reliability table, the weights, and every case's moments.
struct CalibrationReport: Encodable {
    /// One set of weights, scored.
    struct Run: Encodable {
        let label: String
        let weights: AssessmentWeights
        let inSample: Calibration.Scores
        let leaveOneCaseOut: Calibration.Scores
        let moments: [Calibration.Scored]

        init(
            _ calibration: Calibration, weights: AssessmentWeights, fitting: Bool, label: String,
            shrinkage: Double = Calibration.shrinkage
        ) {
            self.label = label
            self.weights = weights
            moments = calibration.scored(with: weights)
            inSample = Calibration.Scores(moments)
            leaveOneCaseOut = Calibration.Scores(
                calibration.leaveOneCaseOut(fitting: fitting, weights: weights, shrinkage: shrinkage))
        }
    }

    let cases: Int
    let held: Int
    let momentCount: Int
    /// Each case given the share held among the other cases' moments: what the weights must beat.
    let baseRateLeftOut: Calibration.Scores
    let runs: [Run]

    init(calibration: Calibration, runs: [Run]) {
        cases = calibration.cases
        held = calibration.held
        momentCount = calibration.moments.count
        baseRateLeftOut = Calibration.Scores(calibration.baseRateLeftOut())
        self.runs = runs
    }

    var text: String {
        var lines = [
            "corpus: \(cases) cases (\(held) held, \(cases - held) never held), \(momentCount) moments",
            "always 50 %: Brier 0.250, log score 0.693",
            "the base rate of the other cases, each case left out: Brier \(format(baseRateLeftOut.brier)), "
                + "log score \(format(baseRateLeftOut.logScore))",
        ]
        for run in runs {
            lines.append("")
            lines.append(
                "\(run.label) weights: Brier \(format(run.inSample.brier)), log score \(format(run.inSample.logScore)); "
                    + "leaving each case out: Brier \(format(run.leaveOneCaseOut.brier)), "
                    + "log score \(format(run.leaveOneCaseOut.logScore)); "
                    + "\(run.inSample.outOfBounds) moment(s) outside 2–98 %; "
                    + "held ranked above never held \(percent(run.inSample.discrimination)) of the time "
                    + "(\(percent(run.leaveOneCaseOut.discrimination)) left out)")
            lines.append(
                "  base \(format(run.weights.base, signed: true)); "
                    + AssessmentWeights.indicators.map { name in
                        let spread = run.weights.standardError(name).map { " ± " + format($0) } ?? ""
                        return "\(name) ×\(format(run.weights.multiplier(name)))\(spread)"
                    }.joined(separator: ", "))
            lines.append("  reliability (predicted → observed):")
            for bin in run.inSample.reliability {
                lines.append(
                    String(
                        format: "    %3.0f–%3.0f %%  %3d moments  mean p %5.1f %%  held %5.1f %%", bin.from * 100,
                        bin.to * 100, bin.count, bin.meanPredicted * 100, bin.observed * 100))
            }
        }
        if let last = runs.last {
            lines.append("")
            lines.append("moments (\(last.label) weights):")
            for moment in last.moments {
                lines.append(
                    String(format: "  %5.1f %%  ", moment.probability * 100)
                        + "\(moment.held ? "held " : "never") \(moment.name) \(moment.at): \(moment.why)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A share as a whole percentage, or "n/a" when the moments hold only one outcome.
    private func percent(_ share: Double?) -> String {
        share.map { String(format: "%.0f %%", $0 * 100) } ?? "n/a"
    }

    private func format(_ value: Double, signed: Bool = false) -> String {
        String(format: signed ? "%+.3f" : "%.3f", value)
    }
}

/// The Swift source of the weights the product ships, as `parley calibrate --fit --write` writes it.
struct ShippedWeightsFile {
    let weights: AssessmentWeights

    init(_ weights: AssessmentWeights) { self.weights = weights }

    var text: String {
        func number(_ value: Double) -> String { String(format: "%.6f", value) }
        let multipliers = AssessmentWeights.indicators.map {
            "            \"\($0)\": \(number(weights.multiplier($0))),\n"
        }
        .joined()
        let covariance = weights.covariance.map { row in
            "            [" + row.map(number).joined(separator: ", ") + "],\n"
        }.joined()
        return """
            // The weights Parley ships. Written by `parley calibrate --fit`; edit by fitting again, not by hand.

            extension AssessmentWeights {
                /// The weights the estimate uses unless told otherwise (fitted to the corpus, docs/assessment.md).
                public static let shipped = AssessmentWeights(
                    base: \(number(weights.base)),
                    multipliers: [
            \(multipliers)        ],
                    covariance: [
            \(covariance)        ])
            }

            """
    }
}
