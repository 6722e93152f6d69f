import ArgumentParser
import Foundation
import ParleyPlanner

/// `parley bench`: measurements that back Parley's speed and quality claims.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Run a benchmark and print what was measured.",
        subcommands: [PlannerBenchCommand.self, TripBenchCommand.self, StoreBenchCommand.self, DeskBenchCommand.self])
}

/// `parley bench planner DIR`: the planner on the published Solomon TOPTW instances against best-known scores.
struct PlannerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Solve the TOPTW benchmark cases and compare each score with the best known.",
        discussion: "DIR holds instances/*.txt and bks.csv. Every answer passes the independent checker first; "
            + "an infeasible answer counts as a failure, not a score. Build with -c release for real figures.")

    @Argument(help: "The benchmark folder (instances/ and bks.csv).")
    var directory: String

    @Option(help: "Seconds per case.")
    var seconds: Double?

    @Option(help: "Iterations per case (deterministic with --seed).")
    var iterations: Int?

    @Option(help: "The search's seed.")
    var seed: UInt64 = 1

    @Option(help: "Tour counts to run, e.g. 1,2,3,4.")
    var m: String = "1,2,3,4"

    @Option(help: "Only these instances, e.g. c101,r101.")
    var instances: String?

    @Option(help: "Also write per-case results as CSV to this file.")
    var csv: String?

    @Option(
        name: .customLong("tune"),
        help: ArgumentHelp("Set a search knob, e.g. noise=0.2 (repeatable).", visibility: .hidden))
    var tuning: [String] = []

    func validate() throws {
        guard (seconds == nil) != (iterations == nil) else {
            throw ValidationError("give exactly one of --seconds and --iterations")
        }
    }

    func run() throws {
        let tourCounts = try m.split(separator: ",").map { part -> Int in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)), (1...20).contains(value) else {
                throw CommandLineError("--m: expected tour counts such as 1,2,3,4, found '\(m)'")
            }
            return value
        }
        var knobs = SearchTuning()
        for setting in tuning {
            let parts = setting.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]), knobs.set(String(parts[0]), to: value) else {
                throw CommandLineError("--tune: expected name=value with a known name, found '\(setting)'")
            }
        }
        let best = try readBestKnown()
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("instances")
        let wanted = instances.map { Set($0.split(separator: ",").map(String.init)) }
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }
                .filter { wanted?.contains($0.deletingPathExtension().lastPathComponent) ?? true }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw CommandLineError("cannot list \(folder.path): \((error as NSError).localizedDescription)")
        }
        guard !files.isEmpty else { throw CommandLineError("no instance files in \(folder.path)") }

        let seconds = PlannerOptions.monotonicClock()
        var results: [CaseResult] = []
        FileHandle.standardOutput.write(Data("instance m   score     bks   gap%  seconds\n".utf8))
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            let instance: TOPTWInstance
            do {
                instance = try TOPTWInstance(name: name, text: try String(contentsOf: file, encoding: .utf8))
            } catch let error as TOPTWInstance.FormatError {
                throw CommandLineError("\(file.path):\(error.line): \(error.reason)")
            }
            for tours in tourCounts {
                let problem = instance.problem(tours: tours)
                var options = PlannerOptions(
                    seed: seed, iterationLimit: iterations, timeLimit: self.seconds, clock: seconds)
                options.tuning = knobs
                let started = seconds()
                let solution = try Planner.solve(problem, options: options)
                let elapsed = seconds() - started
                let violations = PlanChecker.violations(of: solution, in: problem)
                let score = violations.isEmpty ? solution.score(in: problem) : 0
                let known = best["\(name),\(tours)"]
                let result = CaseResult(
                    instance: name, tours: tours, score: score, bestKnown: known, seconds: elapsed,
                    feasible: violations.isEmpty)
                results.append(result)
                let gap = result.gap.map { String(format: "%6.2f", $0) } ?? "     -"
                let mark = violations.isEmpty ? "" : "  INFEASIBLE: \(violations.first!)"
                let bks = known.map { String(Int($0)) } ?? "-"
                let row =
                    name.padding(toLength: 8, withPad: " ", startingAt: 0) + " \(tours) "
                    + String(format: "%7.0f", score) + " " + String(repeating: " ", count: max(0, 7 - bks.count)) + bks
                    + " " + gap + String(format: " %8.3f", elapsed) + mark
                // Written unbuffered, so a long run shows each case as it finishes.
                FileHandle.standardOutput.write(Data((row + "\n").utf8))
            }
        }
        print("")
        printSummary(results)
        if let csv { try writeCSV(results, to: csv) }
    }

    private func readBestKnown() throws -> [String: Double] {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("bks.csv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandLineError("cannot read \(path)")
        }
        var table: [String: Double] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() where number > 0 {
            let fields = line.split(separator: ",", maxSplits: 3)
            guard fields.count >= 3, let value = Double(fields[2]) else {
                throw CommandLineError("\(path):\(number + 1): expected instance,m,bks,source")
            }
            table["\(fields[0]),\(fields[1])"] = value
        }
        return table
    }

    private func printSummary(_ results: [CaseResult]) {
        func line(_ label: String, _ group: [CaseResult]) {
            let gaps = group.compactMap(\.gap)
            guard !gaps.isEmpty else { return }
            let mean = gaps.reduce(0, +) / Double(gaps.count)
            let worst = gaps.max() ?? 0
            let above = group.filter { ($0.gap ?? 0) < -1e-9 }.count
            let infeasible = group.filter { !$0.feasible }.count
            let time = group.map(\.seconds).reduce(0, +) / Double(group.count)
            print(
                label.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(
                        format:
                            " cases %3d  mean gap %5.2f%%  worst %5.2f%%  above bks %2d  infeasible %d  mean s %.3f",
                        group.count, mean, worst, above, infeasible, time))
        }
        let known = ["c1", "c2", "r1", "r2", "rc1", "rc2"]
        let others = Set(results.map(\.instanceClass)).subtracting(known).sorted()
        for prefix in known + others {
            line(prefix, results.filter { $0.instanceClass == prefix })
        }
        for tours in Set(results.map(\.tours)).sorted() { line("m=\(tours)", results.filter { $0.tours == tours }) }
        line("all", results)
    }

    private func writeCSV(_ results: [CaseResult], to path: String) throws {
        var text = "instance,m,score,bks,gap_percent,seconds,feasible\n"
        for result in results {
            text +=
                "\(result.instance),\(result.tours),\(Int(result.score)),\(result.bestKnown.map { String(Int($0)) } ?? ""),"
            text +=
                (result.gap.map { String(format: "%.4f", $0) } ?? "")
                + ",\(String(format: "%.4f", result.seconds)),\(result.feasible)\n"
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandLineError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}

/// One benchmark case's outcome.
private struct CaseResult {
    let instance: String
    let tours: Int
    let score: Double
    let bestKnown: Double?
    let seconds: Double
    let feasible: Bool

    /// Percent below the best known (negative: above it).
    var gap: Double? { bestKnown.map { $0 > 0 ? ($0 - score) / $0 * 100 : 0 } }

    /// `c1`, `r2`, `rc1`…: the letters and the first digit of the name.
    var instanceClass: String {
        String(instance.prefix { $0.isLetter }) + String(instance.drop { $0.isLetter }.prefix(1))
    }
}
