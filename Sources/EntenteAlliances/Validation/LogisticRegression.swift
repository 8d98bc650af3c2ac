import Foundation

/// Maximum-likelihood logistic regression by Newton's method (iteratively reweighted least squares) with a small
/// ridge penalty for stability: maximises Σ_k [y_k log p_k + (1 − y_k) log(1 − p_k)] − (ρ/2) Σ_{j≥1} β_j²,
/// p_k = σ(x_kᵀβ), the intercept (column 0) unpenalised. Each Newton step solves (XᵀWX + ρI′) Δ = ∇ with LAPACK
/// (``LUFactorization``), halving the step until the penalised likelihood does not decrease.
///
/// Reference: McCullagh & Nelder (1989), *Generalized Linear Models*, §4.4. Complexity O(iterations · (m p² + p³))
/// for m rows and p columns; typically < 10 iterations.
public struct LogisticRegression: Sendable, Equatable {
    /// Fitted coefficients β, one per column of the design matrix (column 0: intercept).
    public let coefficients: [Double]
    /// Newton iterations used.
    public let iterations: Int
    /// Penalised log likelihood at the fit.
    public let logLikelihood: Double

    /// Coefficients given directly. O(1).
    public init(coefficients: [Double], iterations: Int = 0, logLikelihood: Double = .nan) {
        self.coefficients = coefficients; self.iterations = iterations; self.logLikelihood = logLikelihood
    }

    /// Fits β on rows `x` (each with the same length p; put a 1 first for an intercept) and outcomes `y`.
    /// Throws ``LinearAlgebraError`` if the Newton system is singular. O(iterations · (m p² + p³)).
    public static func fit(
        x: [[Double]], y: [Bool], ridge: Double = 1e-3, maxIterations: Int = 100, tolerance: Double = 1e-10
    ) throws -> LogisticRegression {
        let m = x.count
        let p = x.first?.count ?? 0
        guard m == y.count, p > 0, x.allSatisfy({ $0.count == p }) else {
            throw LinearAlgebraError.dimensionMismatch(expectedRows: m, actualRows: y.count)
        }
        var beta = [Double](repeating: 0, count: p)
        func objective(_ b: [Double]) -> Double {
            var ll = 0.0
            for k in 0..<m {
                let eta = dot(x[k], b)
                // log σ(η) = −log(1 + e^{−η}), computed stably.
                ll += y[k] ? -softplus(-eta) : -softplus(eta)
            }
            for j in 1..<p { ll -= ridge / 2 * b[j] * b[j] }
            return ll
        }
        var current = objective(beta)
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var h = Matrix(rows: p, columns: p)
            var g = [Double](repeating: 0, count: p)
            for k in 0..<m {
                let pk = sigmoid(dot(x[k], beta))
                let w = max(pk * (1 - pk), 1e-12)
                let r = (y[k] ? 1 : 0) - pk
                for a in 0..<p {
                    g[a] += x[k][a] * r
                    for b in 0...a { h[a, b] += w * x[k][a] * x[k][b] }
                }
            }
            for a in 0..<p { for b in 0..<a { h[b, a] = h[a, b] } }
            for j in 1..<p { h[j, j] += ridge; g[j] -= ridge * beta[j] }
            let step = try LUFactorization(h).solve(g)
            var t = 1.0, next = beta, value = current
            while t > 1e-8 {
                next = zip(beta, step).map { $0 + t * $1 }
                value = objective(next)
                if value >= current - 1e-12 { break }
                t /= 2
            }
            let size = step.map { abs($0 * t) }.max() ?? 0
            beta = next
            current = value
            if size < tolerance { break }
        }
        return LogisticRegression(coefficients: beta, iterations: iterations, logLikelihood: current)
    }

    /// σ(xᵀβ) for one row. O(p).
    public func probability(_ row: [Double]) -> Double { Self.sigmoid(Self.dot(row, coefficients)) }

    /// The logistic function 1/(1 + e^{−z}). O(1).
    public static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    /// log(p/(1 − p)). O(1).
    public static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    static func softplus(_ z: Double) -> Double { z > 30 ? z : log1p(exp(z)) }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }
}
