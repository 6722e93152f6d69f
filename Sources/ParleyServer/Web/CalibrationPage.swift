import Foundation
import ParleyDesk

/// `/calibration`: how good the estimate is on the reference-class corpus — scores, the reliability
/// diagram, the weights and every scored moment (docs/assessment.md).
struct CalibrationPage {
    let summary: CalibrationSummary?
    let desks: [String]

    var html: HTML {
        guard let summary else {
            return Layout.page(
                title: "Calibration", desk: nil, desks: desks, section: "",
                body: "<h1>Calibration</h1><p>No reference corpus was loaded by this server.</p>")
        }
        func row(_ label: String, _ scores: Calibration.Scores) -> HTML {
            let ranked = scores.discrimination.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            return
                "<tr><td>\(label)</td><td class=\"num\">\(String(format: "%.3f", scores.brier))</td><td class=\"num\">\(String(format: "%.3f", scores.logScore))</td><td class=\"num\">\(ranked)</td><td class=\"num\">\(scores.outOfBounds)</td></tr>"
        }
        let weights = AssessmentWeights.indicators.map { name -> HTML in
            let spread = summary.weights.standardError(name).map { String(format: " ± %.2f", $0) } ?? ""
            return
                "<tr><td>\(name)</td><td class=\"num\">×\(String(format: "%.2f", summary.weights.multiplier(name)))\(spread)</td></tr>"
        }
        let moments = summary.scored.map { moment -> HTML in
            "<tr><td>\(moment.name)</td><td>\(moment.at)</td><td class=\"num\">\(String(format: "%.0f%%", moment.probability * 100))</td><td>\(moment.held ? "held" : "never held")</td><td class=\"small\">\(moment.why)</td></tr>"
        }
        let body: HTML = """
            <h1>How good is the estimate?</h1>
            <p>Scored on \(summary.cases) real cases (\(summary.held) held, \(summary.cases - summary.held) never held), \(summary.moments) moments, each seen as it was known then. Always saying 50 % scores Brier 0.250 and log score 0.693; lower is better. “Held ranked higher” is how often a moment of a meeting that was held got a higher estimate than a moment of one that was not (50 % is a coin).</p>
            <section class="panel spaced-bottom" id="scores"><h2>Scores</h2>
            <table><thead><tr><th>weights</th><th>Brier</th><th>log score</th><th>held ranked higher</th><th>outside 2–98 %</th></tr></thead><tbody>
            \(row("the base rate of the other cases, each case left out", summary.baseRateLeftOut))\(row("hand-set", summary.handSet))\(row("shipped (fitted), in sample", summary.shipped))\(row("fitted without each case in turn", summary.shippedLeftOut))
            </tbody></table></section>
            <section class="panel spaced-bottom" id="reliability"><h2>Reliability</h2>
            <p class="small muted">Each dot: the moments whose estimate fell in a tenth, at their mean estimate (across) and the share held (up); its size, how many. A calibrated estimate lies on the diagonal.</p>
            \(Self.diagram(summary.shipped.reliability))</section>
            <section class="panel spaced-bottom" id="weights"><h2>Shipped weights</h2>
            <p class="small">Base log-odds \(String(format: "%+.2f", summary.weights.base)); each indicator's hand-set contribution is multiplied by:</p>
            <table><tbody>\(weights)</tbody></table></section>
            <section class="panel" id="moments"><h2>Moments</h2>
            <table><thead><tr><th>case</th><th>as of</th><th>estimate</th><th>outcome</th><th>why this moment</th></tr></thead><tbody>\(moments)</tbody></table></section>
            """
        return Layout.page(title: "Calibration", desk: nil, desks: desks, section: "", body: body)
    }

    /// Predicted against observed, one dot per bin sized by its moments, with the diagonal.
    static func diagram(_ bins: [Calibration.Bin]) -> HTML {
        let size = 320.0
        let margin = 54.0
        func x(_ p: Double) -> Double { margin + p * (size - margin - 10) }
        func y(_ p: Double) -> Double { size - margin - p * (size - margin - 10) }
        var parts = [
            "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(1))\" stroke=\"#8a98a8\" stroke-dasharray=\"4 3\"/>",
            "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(0))\" stroke=\"#22303c\"/>",
            "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(0))\" y2=\"\(y(1))\" stroke=\"#22303c\"/>",
        ]
        for tick in [0.0, 0.5, 1.0] {
            parts.append("<text x=\"\(x(tick))\" y=\"\(size - 18)\" text-anchor=\"middle\">\(Int(tick * 100))%</text>")
            parts.append(
                "<text x=\"\(margin - 4)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\">\(Int(tick * 100))%</text>")
        }
        parts.append("<text x=\"\(x(0.5))\" y=\"\(size - 2)\" text-anchor=\"middle\">estimated</text>")
        parts.append(
            "<text x=\"10\" y=\"\(y(0.5))\" transform=\"rotate(-90 10 \(y(0.5)))\" text-anchor=\"middle\">held</text>")
        for bin in bins {
            let radius = 3 + 2 * Double(bin.count).squareRoot()
            parts.append(
                "<circle cx=\"\(x(bin.meanPredicted))\" cy=\"\(y(bin.observed))\" r=\"\(radius)\" fill=\"#1f5f99\" fill-opacity=\"0.6\"><title>\(bin.count) moments: estimated \(Int((bin.meanPredicted * 100).rounded())) %, held \(Int((bin.observed * 100).rounded())) %</title></circle>"
            )
        }
        return HTML.trusted(
            "<svg role=\"img\" aria-label=\"Reliability: estimated against held\" viewBox=\"0 0 \(size) \(size)\" width=\"\(size)\">"
                + parts.joined() + "</svg>")
    }
}
