import ArgumentParser
import Foundation
import ParleyPlanner

/// `parley bench trips`: how fast trip-sized problems are planned, and how often the answer is proven best.
struct TripBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trips",
        abstract:
            "Plan seeded trip-like problems of a few sizes and report the time each took and whether it was proven best.",
        discussion: "Each answer passes the independent checker. The planner runs as the web desk runs it "
            + "(a time limit, the exhaustive search first). Build with -c release for real figures.")

    @Option(help: "Problem sizes (items: commitments and meeting alternatives), e.g. 10,20,30.")
    var sizes: String = "10,20,30"

    @Option(help: "Problems per size.")
    var count: Int = 50

    @Option(help: "The planner's time limit in seconds.")
    var seconds: Double = 1

    @Option(help: "The seed of the problems.")
    var seed: UInt64 = 1

    func run() throws {
        let sizes = try self.sizes.split(separator: ",").map { part -> Int in
            guard let value = Int(part.trimmingCharacters(in: .whitespaces)), (1...200).contains(value) else {
                throw CommandLineError("--sizes: expected sizes such as 10,20,30, found '\(self.sizes)'")
            }
            return value
        }
        guard (1...10_000).contains(count) else { throw CommandLineError("--count: expected 1 to 10000") }
        let clock = ContinuousClock()
        let origin = clock.now
        let elapsed: @Sendable () -> Double = {
            let span = clock.now - origin
            return Double(span.components.seconds) + Double(span.components.attoseconds) * 1e-18
        }
        print("size  planned  infeasible  proven   median ms   p90 ms   max ms   total score")
        for size in sizes {
            var generator = TripLikeProblems(seed: seed &+ UInt64(size))
            var times: [Double] = []
            var proven = 0
            var infeasible = 0
            // What the plans placed, summed: a shorter limit that loses quality shows here.
            var total = 0.0
            for _ in 0..<count {
                let problem = generator.make(items: size)
                let options = PlannerOptions(seed: 1, timeLimit: seconds, clock: elapsed)
                let started = elapsed()
                do {
                    let solution = try Planner.solve(problem, options: options)
                    times.append((elapsed() - started) * 1000)
                    let violations = PlanChecker.violations(of: solution, in: problem)
                    guard violations.isEmpty else {
                        throw CommandLineError("an answer failed the independent check: \(violations[0])")
                    }
                    if solution.provenBest { proven += 1 }
                    total += solution.visitedItems.reduce(0) { $0 + problem.items[$1].score }
                } catch let error as PlanningError {
                    guard case .infeasible = error else { throw CommandLineError("the planner refused: \(error)") }
                    infeasible += 1
                }
            }
            times.sort()
            func at(_ share: Double) -> Double {
                times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * share))]
            }
            print(
                String(
                    format: "%4d  %7d  %10d  %6d  %10.1f  %7.1f  %7.1f  %12.1f", size, times.count, infeasible, proven,
                    at(0.5), at(0.9), times.last ?? 0, total))
        }
    }
}
