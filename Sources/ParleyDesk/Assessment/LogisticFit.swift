import Foundation

/// A logistic regression shrunk toward prior values: the weights that best predict the outcomes, with
/// a penalty on straying from the prior (ridge, `strength` × the squared distance), by Newton's method.
///
/// The penalty is what keeps a small corpus from swinging the weights: with few cases the fit stays
/// near the prior, with many it follows the data. The covariance (the inverse of the penalised Hessian
/// at the optimum) says how sure the fit is of each weight.
public struct LogisticFit: Sendable {
    /// The fitted parameters.
    public let weights: [Double]
    /// Their covariance.
    public let covariance: [[Double]]
    /// Newton steps taken.
    public let iterations: Int

    /// Fits `rows` (feature vectors) to `outcomes` (1 held, 0 not), shrunk toward `prior` with `strength`;
    /// the parameters at `nonNegative` are kept at 0 or above.
    ///
    /// A bound is kept by an active set: a parameter the unbounded step would take below 0 is held at 0
    /// and the rest fitted again, and let go when the loss would fall by raising it.
    public init(
        rows: [[Double]], outcomes: [Double], prior: [Double], strength: Double, nonNegative: Set<Int> = []
    ) {
        let size = prior.count
        var weights = prior.enumerated().map { nonNegative.contains($0.offset) ? max(0, $0.element) : $0.element }
        var held: Set<Int> = []
        var steps = 0
        var hessian: [[Double]] = []
        // Each round holds one more parameter at its bound or lets one go; a few rounds per parameter
        // is far more than a fit of a dozen ever needs.
        for _ in 0..<(4 * size + 4) {
            let (fitted, newton, taken) = Self.newton(
                from: weights, holding: held, rows: rows, outcomes: outcomes, prior: prior, strength: strength)
            weights = fitted
            hessian = newton
            steps += taken
            if let below = nonNegative.subtracting(held).filter({ weights[$0] < 0 }).min(by: {
                weights[$0] < weights[$1]
            }) {
                weights[below] = 0
                held.insert(below)
                continue
            }
            // At the bound, a negative slope means raising the parameter lowers the loss: let it go.
            let gradient = Self.gradient(weights, rows, outcomes, prior, strength)
            guard let free = held.filter({ gradient[$0] < -1e-9 }).min(by: { gradient[$0] < gradient[$1] }) else {
                break
            }
            held.remove(free)
        }
        self.weights = weights
        self.iterations = steps
        covariance = Self.inverse(hessian) ?? []
    }

    /// Newton's method from `start` with the parameters in `holding` fixed: the optimum, the penalised
    /// Hessian there (of every parameter), and the steps taken.
    private static func newton(
        from start: [Double], holding: Set<Int>, rows: [[Double]], outcomes: [Double], prior: [Double],
        strength: Double
    ) -> (weights: [Double], hessian: [[Double]], steps: Int) {
        let size = prior.count
        var weights = start
        var steps = 0
        var hessian: [[Double]] = []
        for step in 1...100 {
            steps = step
            var gradient = Self.gradient(weights, rows, outcomes, prior, strength)
            hessian = (0..<size).map { row in (0..<size).map { row == $0 ? 2 * strength : 0 } }
            for x in rows {
                let p = 1 / (1 + exp(-zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }))
                for i in 0..<size {
                    for j in 0..<size { hessian[i][j] += p * (1 - p) * x[i] * x[j] }
                }
            }
            // A held parameter does not move: its row of the system says so.
            var system = hessian
            for i in holding {
                gradient[i] = 0
                for j in 0..<size {
                    system[i][j] = i == j ? 1 : 0
                    system[j][i] = i == j ? 1 : 0
                }
            }
            guard let delta = Self.solve(system, gradient) else { break }
            // A full Newton step can overshoot where the data nearly separate: halve it until the loss falls.
            let before = Self.loss(weights, rows, outcomes, prior, strength)
            var scale = 1.0
            var improved: [Double]?
            for _ in 0..<40 {
                let next = (0..<size).map { weights[$0] - scale * delta[$0] }
                if Self.loss(next, rows, outcomes, prior, strength) <= before {
                    improved = next
                    break
                }
                scale /= 2
            }
            // No step lowers the loss: this is the optimum, as far as the arithmetic can tell.
            guard let improved else { break }
            weights = improved
            if (delta.map(abs).max() ?? 0) * scale < 1e-9 { break }
        }
        return (weights, hessian, steps)
    }

    /// The gradient of the penalised loss at `weights`.
    static func gradient(
        _ weights: [Double], _ rows: [[Double]], _ outcomes: [Double], _ prior: [Double], _ strength: Double
    ) -> [Double] {
        var gradient = (0..<prior.count).map { 2 * strength * (weights[$0] - prior[$0]) }
        for (x, y) in zip(rows, outcomes) {
            let p = 1 / (1 + exp(-zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }))
            for i in 0..<prior.count { gradient[i] += (p - y) * x[i] }
        }
        return gradient
    }

    /// The penalised negative log-likelihood of `weights`.
    static func loss(
        _ weights: [Double], _ rows: [[Double]], _ outcomes: [Double], _ prior: [Double], _ strength: Double
    ) -> Double {
        var total = zip(weights, prior).reduce(0) { $0 + strength * pow($1.0 - $1.1, 2) }
        for (x, y) in zip(rows, outcomes) {
            let z = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
            // log(1 + e^z) without overflow.
            let softplus = z > 30 ? z : log1p(exp(z))
            total += softplus - y * z
        }
        return total
    }

    /// Solves `matrix` × x = `vector` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        let size = vector.count
        var a = matrix
        var b = vector
        for column in 0..<size {
            guard let pivot = (column..<size).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                abs(a[pivot][column]) > 1e-12
            else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<size {
                let factor = a[row][column] / a[column][column]
                for k in column..<size { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            let rest = ((row + 1)..<size).reduce(0) { $0 + a[row][$1] * x[$1] }
            x[row] = (b[row] - rest) / a[row][row]
        }
        return x
    }

    /// The inverse of `matrix`, column by column; nil when singular.
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let size = matrix.count
        var columns: [[Double]] = []
        for column in 0..<size {
            guard let solved = solve(matrix, (0..<size).map { $0 == column ? 1 : 0 }) else { return nil }
            columns.append(solved)
        }
        return (0..<size).map { row in (0..<size).map { columns[$0][row] } }
    }
}
