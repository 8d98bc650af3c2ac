/// Crossover from an interior-point solution of a zero-sum game to an optimal vertex (in the spirit of Megiddo 1991,
/// "On finding primal- and dual-optimal bases", and Bixby & Saltzman 1994, "Recovering an optimal LP basis from an
/// interior point solution"), specialised to the game LP where the optimal face is described by the two supports.
///
/// The interior-point iterate approximates the analytic centre of the optimal face, which is strictly complementary:
/// row `i` is in the row player's support iff its dual weight exceeds its slack, column `j` iff its primal weight
/// exceeds its reduced cost (El-Bakry, Tapia & Zhang 1994 indicators). Those supports are maximal — every optimal
/// strategy lives on them — so:
/// - on a nondegenerate game (the generic case) they have equal size k and the equilibrium is the unique solution of
///   the square indifference system `A[S,T] y = v·1, Σy = 1` and its transpose for x, one LU factorisation
///   (`dgetrf`) of a (k+1) × (k+1) matrix solved twice (`dgetrs` and its transpose);
/// - otherwise an optimal y is any optimal column strategy of the game `A[:, T]` (restricting the column player to the
///   support of some optimal strategy leaves the value unchanged) and an optimal x any optimal row strategy of
///   `A[S, :]`; both are vertices found by the simplex method on LPs with k instead of n (or m) variables.
/// Either way the caller verifies the result on the full game before returning it.
/// - Complexity: O(k³) for the square system; the restricted LPs cost simplex pivots on m × k and k × n problems.
/// - Tolerance: square systems with reciprocal condition below 1e-13 or a probability below −1e-9 are rejected
///   (nil); tiny negative entries are set to 0 and the strategy renormalised.
enum ZeroSumCrossover {
    /// Maximal supports read off the interior-point iterate of `max Σw s.t. A'w ≤ 1, w ≥ 0` (rows from the duals
    /// `y` against the slacks, columns from `x` against the reduced costs `z`).
    static func supports(_ r: InteriorPointSolver.Result) -> (rows: [Int], columns: [Int]) {
        let rows = r.y.indices.filter { r.y[$0] > r.slack[$0] }
        let columns = r.x.indices.filter { r.x[$0] > r.z[$0] }
        return (rows, columns)
    }

    /// The equilibrium on square supports from the indifference systems, or nil if the supports are not square,
    /// the system is (numerically) singular or a probability comes out negative.
    static func square(_ a: Matrix, rows: [Int], columns: [Int]) -> (x: [Double], y: [Double])? {
        let k = rows.count
        guard k > 0, columns.count == k else { return nil }
        // K = [[A_ST, −1], [−1ᵀ, 0]]: K (y; v) = (0; −1) and Kᵀ (x; v) = (0; −1).
        var kkt = Matrix(rows: k + 1, columns: k + 1)
        for (c, j) in columns.enumerated() {
            for (r, i) in rows.enumerated() { kkt[r, c] = a[i, j] }
            kkt[k, c] = -1
        }
        for r in 0..<k { kkt[r, k] = -1 }
        guard let lu = try? LUFactorization(kkt), let rcond = try? lu.reciprocalCondition(),
            rcond > 1e-13
        else { return nil }
        var rhs = [Double](repeating: 0, count: k + 1)
        rhs[k] = -1
        guard let ys = try? lu.solve(rhs), let xs = try? lu.solveTransposed(rhs),
            let y = expand(ys, on: columns, size: a.columns), let x = expand(xs, on: rows, size: a.rows)
        else { return nil }
        return (x, y)
    }

    /// Optimal strategies from the two restricted games `A[:, columns]` (for y) and `A[rows, :]` (for x), each solved
    /// by the simplex method; nil if a restricted LP fails.
    static func restricted(_ a: Matrix, rows: [Int], columns: [Int]) -> (x: [Double], y: [Double])? {
        guard !rows.isEmpty, !columns.isEmpty else { return nil }
        var right = Matrix(rows: a.rows, columns: columns.count)
        for (c, j) in columns.enumerated() { for i in 0..<a.rows { right[i, c] = a[i, j] } }
        var left = Matrix(rows: rows.count, columns: a.columns)
        for j in 0..<a.columns { for (r, i) in rows.enumerated() { left[r, j] = a[i, j] } }
        guard let (_, yT) = ZeroSum.shiftedSolve(right), let (xS, _) = ZeroSum.shiftedSolve(left) else {
            return nil
        }
        var x = [Double](repeating: 0, count: a.rows)
        var y = [Double](repeating: 0, count: a.columns)
        for (r, i) in rows.enumerated() { x[i] = xS[r] }
        for (c, j) in columns.enumerated() { y[j] = yT[c] }
        return (x, y)
    }

    /// Scatters the first `support.count` entries of `solution` into a strategy of `size`; nil if one is below −1e-9.
    static func expand(_ solution: [Double], on support: [Int], size: Int) -> [Double]? {
        var p = [Double](repeating: 0, count: size)
        var total = 0.0
        for (c, i) in support.enumerated() {
            let v = solution[c]
            guard v.isFinite, v >= -1e-9 else { return nil }
            p[i] = max(0, v)
            total += p[i]
        }
        guard total > 0 else { return nil }
        for i in support { p[i] /= total }
        return p
    }
}
