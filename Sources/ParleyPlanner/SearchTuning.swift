/// The search's knobs, with the defaults the benchmark in docs/benchmarks.md was measured with.
public struct SearchTuning: Sendable, Equatable {
    /// Relative random noise on the insertion ratio during refills.
    public var noise = 0.15
    /// The largest share of a route one shake removes, reached as the stall grows.
    public var maxStrength = 0.5
    /// The share removed by a shake right after an improvement.
    public var minStrength = 0.1
    /// Iterations without improvement over which the shake grows from the smallest to the largest.
    public var strengthRamp = 400.0
    /// Record-to-record margin at the start, as a share of the best score; it shrinks to 0.
    public var margin = 0.03
    /// Iterations without improvement after which the search returns to the best solution.
    public var restartAfter = 150
    /// Every this many restarts, restart from scratch instead of from the best (0: never).
    public var freshEvery = 3
    /// The chance that a shake also puts one random unvisited item in before the refill.
    public var seedProbability = 0.3
    /// The chance that a refill is followed by swapping in better items.
    public var swapProbability = 1.0
    /// The exponent of the score in the insertion ratio score^k / delay (1, 2 or 3; 0 picks 1 or 2 at
    /// random for each refill, which mixes a preference for valuable items with one for cheap ones).
    public var scoreExponent = 0

    /// The defaults.
    public init() {}

    /// Sets a knob by its property name (`noise`, `maxStrength`, `minStrength`, `strengthRamp`, `margin`,
    /// `restartAfter`, `freshEvery`, `seedProbability`, `swapProbability`, `scoreExponent`); false for an
    /// unknown name.
    public mutating func set(_ name: String, to value: Double) -> Bool {
        switch name {
        case "noise": noise = value
        case "maxStrength": maxStrength = value
        case "minStrength": minStrength = value
        case "strengthRamp": strengthRamp = value
        case "margin": margin = value
        case "restartAfter": restartAfter = Int(value)
        case "seedProbability": seedProbability = value
        case "swapProbability": swapProbability = value
        case "freshEvery": freshEvery = Int(value)
        case "scoreExponent": scoreExponent = max(0, min(3, Int(value)))
        default: return false
        }
        return true
    }
}
