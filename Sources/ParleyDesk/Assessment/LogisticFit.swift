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

    /// Fits `rows` (feature vectors) to `outcomes` (1 held, 0 not), shrunk toward `prior` with `strength`.
    public init(rows: [[Double]], outcomes: [Double], prior: [Double], strength: Double) {
        let size = prior.count
        var weights = prior
        var steps = 0
        var hessian: [[Double]] = []
        for step in 1...100 {
            steps = step
            var gradient = (0..<size).map { 2 * strength * (weights[$0] - prior[$0]) }
            hessian = (0..<size).map { row in (0..<size).map { row == $0 ? 2 * strength : 0 } }
            for (x, y) in zip(rows, outcomes) {
                let p = 1 / (1 + exp(-zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }))
                for i in 0..<size {
                    gradient[i] += (p - y) * x[i]
                    for j in 0..<size { hessian[i][j] += p * (1 - p) * x[i] * x[j] }
                }
            }
            guard let delta = Self.solve(hessian, gradient) else { break }
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
        self.weights = weights
        self.iterations = steps
        covariance = Self.inverse(hessian) ?? []
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
