import ArgumentParser
import Foundation
import ParleyCorpus
import ParleyDesk

/// `parley calibrate DIR`: the estimate scored against the reference-class corpus, and (`--fit`) weights
/// learned from it (docs/assessment.md).
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract:
            "Score the estimate on a corpus of real cases (Brier, log score, reliability, leave one case out); "
            + "with --fit, learn weights from it.")

    @Argument(
        help: "The corpus: a directory of scenario files, each with a case: section (default: the corpus Parley ships)."
    )
    var directory: String?

    @Flag(help: "Fit weights to the corpus (shrunk toward the hand-set ones) and report before and after.")
    var fit = false

    @Option(help: "With --fit, write the fitted weights to this Swift file (the file the product ships).")
    var write: String?

    @Option(
        help: ArgumentHelp(
            "With --fit, how strongly the fit is pulled toward the hand-set weights (a ridge penalty: this × the squared distance).",
            valueName: "strength"))
    var shrinkage: Double = Calibration.shrinkage

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let cases =
            try directory.map { try Self.cases(in: $0) }
            ?? ReferenceCorpus.all().map { ($0.fileName, try ScenarioReader.read($0.text, file: $0.fileName)) }
        // A penalty of 0 lets a corpus that separates its outcomes push the weights to infinity; a huge one
        // is the hand-set weights again.
        guard shrinkage.isFinite, shrinkage > 0, shrinkage <= 1e6 else {
            throw CommandLineError("--shrinkage must be a number above 0 and at most 1000000, not \(shrinkage)")
        }
        guard fit || shrinkage == Calibration.shrinkage else { throw CommandLineError("--shrinkage needs --fit") }
        let calibration = try Calibration(cases)
        let shipped = CalibrationReport.Run(
            calibration, weights: .shipped, fitting: !AssessmentWeights.shipped.covariance.isEmpty, label: "shipped")
        var runs = [shipped]
        if fit {
            runs.insert(CalibrationReport.Run(calibration, weights: .handSet, fitting: false, label: "hand-set"), at: 0)
            runs.append(
                CalibrationReport.Run(
                    calibration, weights: calibration.fitted(shrinkage: shrinkage), fitting: true,
                    label: shrinkage == Calibration.shrinkage ? "fitted" : "fitted (shrinkage \(shrinkage))",
                    shrinkage: shrinkage))
        }
        let report = CalibrationReport(calibration: calibration, runs: runs)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
        if let write {
            guard fit else { throw CommandLineError("--write needs --fit") }
            try ShippedWeightsFile(calibration.fitted(shrinkage: shrinkage)).text.write(
                toFile: write, atomically: true, encoding: .utf8)
            if !json { print("wrote the fitted weights to \(write)") }
        }
    }

    /// Every `.yaml` file in `directory`, read, in name order.
    static func cases(in directory: String) throws -> [(name: String, contents: ScenarioContents)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }
                .sorted()
        } catch {
            throw CommandLineError("cannot read the directory \(directory): \((error as NSError).localizedDescription)")
        }
        guard !names.isEmpty else { throw CommandLineError("\(directory) holds no scenario files (*.yaml)") }
        return try names.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CommandLineError("cannot read \(path): \((error as NSError).localizedDescription)")
            }
            return (name, try ScenarioReader.read(text, file: path))
        }
    }
}
