/// The Shapley value (Shapley 1953).
public enum ShapleyValue {
    /// Exact Shapley value from a dense table: φᵢ = Σ_{S∌i} |S|!(n−|S|−1)!/n! · (v(S∪i) − v(S)).
    /// - Complexity: O(n·2ⁿ) time, O(n) extra memory. Tolerance: floating-point sums (≈ 2ⁿ·ε·max|v|).
    public static func exact(_ game: CoalitionalGame) -> [Double] {
        let n = game.playerCount
        var weight = [Double](repeating: 0, count: n)
        // weight[k] = k!(n−k−1)!/n! computed as 1/(n·C(n−1,k)).
        var binom = 1.0
        for k in 0..<n {
            weight[k] = 1 / (Double(n) * binom)
            binom = binom * Double(n - 1 - k) / Double(k + 1)
        }
        var phi = [Double](repeating: 0, count: n)
        game.values.withUnsafeBufferPointer { v in
            for m in 0..<(1 << n) {
                let k = m.nonzeroBitCount
                if k == n { continue }
                let w = weight[k]
                var rest = ~m & ((1 << n) - 1)
                while rest != 0 {
                    let i = rest.trailingZeroBitCount
                    rest &= rest - 1
                    phi[i] += w * (v[m | (1 << i)] - v[m])
                }
            }
        }
        return phi
    }

    /// A Monte Carlo estimate with a confidence interval.
    public struct Estimate: Sendable {
        /// Estimated Shapley value.
        public let values: [Double]
        /// Standard errors of the estimates.
        public let standardErrors: [Double]
        /// Half-widths of the 95% normal confidence intervals (1.96 · standard error).
        public let halfWidth95: [Double]
        /// Number of random orders sampled.
        public let samples: Int
    }

    /// Estimates the Shapley value of an implicit game (any n ≤ 64) by averaging marginal contributions over
    /// `samples` uniformly random orders (Castro, Gómez & Tejada 2009). Reproducible from `seed`.
    /// - Complexity: O(samples · n) evaluations of `value`. Tolerance: statistical, see `halfWidth95`.
    public static func monteCarlo(
        players n: Int, samples: Int, seed: UInt64 = 1,
        value: (Coalition) -> Double
    ) throws(CooperativeError) -> Estimate {
        guard n >= 1 else { throw .noPlayers }
        guard n <= 64 else { throw .tooManyPlayers(n: n, limit: 64) }
        var rng = SeededGenerator(seed: seed)
        var sum = [Double](repeating: 0, count: n), sumSq = [Double](repeating: 0, count: n)
        var order = Array(0..<n)
        let samples = max(2, samples)
        for _ in 0..<samples {
            order.shuffle(using: &rng)
            var s = Coalition.empty
            var previous = value(s)
            for i in order {
                s = s.inserting(i)
                let now = value(s)
                let d = now - previous
                sum[i] += d
                sumSq[i] += d * d
                previous = now
            }
        }
        let m = Double(samples)
        let mean = sum.map { $0 / m }
        let se = (0..<n).map { i in (max(0, sumSq[i] / m - mean[i] * mean[i]) * m / (m - 1) / m).squareRoot() }
        return Estimate(values: mean, standardErrors: se, halfWidth95: se.map { 1.96 * $0 }, samples: samples)
    }
}
