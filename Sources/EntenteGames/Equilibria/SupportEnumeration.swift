/// Support enumeration for bimatrix games (Porter, Nudelman & Shoham 2008; as in nashpy).
///
/// For every pair of equal-size supports (I, J) it solves the indifference systems
/// `A_IJ y = v·1, Σy = 1` and `B_IJᵀ x = u·1, Σx = 1` with LAPACK (one reused ``LUWorkspace``),
/// then keeps solutions that are non-negative and best responses. Complete for **nondegenerate**
/// games only; on degenerate games use ``VertexEnumeration`` (this method skips singular systems and
/// unequal supports, so it can miss equilibria there: `complete` is reported `false` whenever a singular
/// system was met).
/// - Complexity: Σ_k C(m,k)·C(n,k)·O(k³).
/// - Tolerance: probabilities ≥ −1e-10, best responses within 1e-9; verified by ``EquilibriumVerifier``.
public enum SupportEnumeration {
    /// All equilibria with equal-size supports, each verified; `maxSupportSize` bounds k, `shouldStop` is polled per row support and every 256 column supports.
    public static func solve(
        _ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance,
        maxSupportSize: Int? = nil, shouldStop: () -> Bool = { false }
    ) throws(EquilibriumError) -> NashResult {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        if let k = maxSupportSize, k < 1 { throw .invalidLimit(value: k, minimum: 1) }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        // Solve on payoffs scaled into (−1, 1) (exact power-of-two scaling), verify in the original units.
        let scaled = game.scaledForSolving()
        let a = scaled.payoffs[0], b = scaled.payoffs[1]
        var ws = LUWorkspace()
        var matrix = [Double](), rhs = [Double]()
        var found: [NashEquilibrium] = []
        var sawSingular = false
        var stopped = false
        var polls = 0
        let kmax = min(m, n, maxSupportSize ?? Int.max)
        outer: for k in 1...max(1, kmax) {
            for rowsI in Combinations(n: m, k: k) {
                if shouldStop() { stopped = true; break outer }
                for colsJ in Combinations(n: n, k: k) {
                    polls &+= 1
                    if polls & 255 == 0 && shouldStop() { stopped = true; break outer }
                    // y on J: Σ_j a_ij y_j − v = 0 (i ∈ I), Σ y = 1.
                    guard
                        let y = indifference(
                            k: k, payoff: { i, j in a[rowsI[i] + colsJ[j] * m] },
                            matrix: &matrix, rhs: &rhs, ws: &ws)
                    else { sawSingular = true; continue }
                    guard
                        let x = indifference(
                            k: k, payoff: { j, i in b[rowsI[i] + colsJ[j] * m] },
                            matrix: &matrix, rhs: &rhs, ws: &ws)
                    else { sawSingular = true; continue }
                    if y.contains(where: { $0 < -1e-10 }) || x.contains(where: { $0 < -1e-10 }) { continue }
                    var px = [Double](repeating: 0, count: m), py = [Double](repeating: 0, count: n)
                    for (t, i) in rowsI.enumerated() { px[i] = max(0, x[t]) }
                    for (t, j) in colsJ.enumerated() { py[j] = max(0, y[t]) }
                    let profile = MixedProfile(unchecked: [ZeroSum.normalise(px), ZeroSum.normalise(py)])
                    // Candidates that fail the gate (not best responses, or numerically broken) are skipped.
                    guard let e = try? EquilibriumVerifier.verify(profile, in: game, tolerance: tol) else { continue }
                    if !found.contains(where: { ProfileDistance.max($0.profile, e.profile) < 1e-8 }) { found.append(e) }
                }
            }
        }
        let reason =
            stopped
            ? "stopped (timeout or interrupt)"
            : kmax < min(m, n)
                ? "support size limit (maxSupportSize) reached"
                : sawSingular ? "singular systems skipped (degenerate game; use vertex enumeration)" : nil
        return NashResult(
            method: .supportEnumeration, complete: reason == nil, equilibria: found, tolerance: tol,
            incompleteReason: reason)
    }

    /// Solves `Σ_j payoff(i, j) z_j − v = 0 (i < k), Σ z = 1` for z (length k); nil if singular.
    static func indifference(
        k: Int, payoff: (Int, Int) -> Double, matrix: inout [Double], rhs: inout [Double],
        ws: inout LUWorkspace
    ) -> [Double]? {
        let order = k + 1
        if matrix.count < order * order { matrix = [Double](repeating: 0, count: order * order) }
        if rhs.count < order { rhs = [Double](repeating: 0, count: order) }
        for i in 0..<k {
            for j in 0..<k { matrix[i + j * order] = payoff(i, j) }
            matrix[i + k * order] = -1
            rhs[i] = 0
        }
        for j in 0..<k { matrix[k + j * order] = 1 }
        matrix[k + k * order] = 0
        rhs[k] = 1
        let ok = matrix.withUnsafeBufferPointer { mb in
            rhs.withUnsafeMutableBufferPointer { ws.solve(mb, order: order, rhs: $0) }
        }
        return ok ? Array(rhs[0..<k]) : nil
    }
}

/// Lexicographic iteration over the k-subsets of `0..<n`. O(k) per step.
public struct Combinations: Sequence, IteratorProtocol {
    let n: Int
    let k: Int
    var current: [Int]?

    /// All k-subsets of `0..<n` in lexicographic order.
    public init(n: Int, k: Int) {
        self.n = n
        self.k = k
        current = k <= n && k >= 0 ? Array(0..<k) : nil
    }

    /// The next subset, or nil after the last. O(k).
    public mutating func next() -> [Int]? {
        guard let c = current else { return nil }
        var nextC = c
        var i = k - 1
        while i >= 0 && nextC[i] == n - k + i { i -= 1 }
        if i < 0 {
            current = nil
        } else {
            nextC[i] += 1
            for j in (i + 1)..<k { nextC[j] = nextC[j - 1] + 1 }
            current = nextC
        }
        return c
    }
}
