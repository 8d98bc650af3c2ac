/// A sparse matrix in compressed sparse row form (row pointers, column indices, values): `A[r, c]` for the entries
/// `columns[k], values[k]` with `k` in `rowStart[r] ..< rowStart[r + 1]`.
public struct SparseMatrix: Sendable {
    /// Number of rows (= columns; square).
    public let size: Int
    /// Row r's entries are `rowStart[r] ..< rowStart[r + 1]`.
    public var rowStart: [Int]
    /// Column index of each entry.
    public var columns: [Int32]
    /// Value of each entry.
    public var values: [Double]

    /// An empty `size × size` matrix; append rows in order with ``appendRow(_:)``.
    public init(size: Int) {
        self.size = size
        rowStart = [0]
        rowStart.reserveCapacity(size + 1)
        columns = []
        values = []
    }

    /// Appends the next row's entries (duplicates are summed when applied).
    public mutating func appendRow<S: Sequence>(_ entries: S) where S.Element == (Int, Double) {
        for (c, v) in entries { columns.append(Int32(c)); values.append(v) }
        rowStart.append(columns.count)
    }

    /// y = x − δ·A·x (the policy-evaluation operator I − δP when A = P). O(nnz).
    public func applyShifted(delta: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        columns.withUnsafeBufferPointer { col in
            values.withUnsafeBufferPointer { val in
                rowStart.withUnsafeBufferPointer { rs in
                    for r in 0..<size {
                        var s = 0.0
                        for k in rs[r]..<rs[r + 1] { s += val[k] * x[Int(col[k])] }
                        y[r] = x[r] - delta * s
                    }
                }
            }
        }
    }
}

/// Restarted GMRES(m) (Saad & Schultz 1986) for a matrix-free linear operator: Krylov subspaces of dimension up to
/// `restart`, modified Gram–Schmidt, Givens rotations for the small least-squares problem.
///
/// Used for policy evaluation (I − δP)V = U of large Markov chains, where dense LU no longer fits: for a stochastic P
/// the spectrum of I − δP lies in the disc |z − 1| ≤ δ, so the residual falls at least like δᵏ (value iteration's
/// rate, attained when the eigenvalues of P fill the unit circle, as for a random walk on a cycle) and much faster
/// when they cluster, as they do for the mostly absorbing chains of coalition processes.
/// - Complexity: per iteration one operator application plus O(k·n) for the k-th Krylov vector; memory O(m·n).
/// - Tolerance: stops when ‖b − Ax‖₂ ≤ `tolerance`·‖b‖₂ (recomputed at each restart).
public enum GMRES {
    /// The outcome of a solve.
    public struct Result: Sendable {
        /// The approximate solution.
        public var solution: [Double]
        /// Operator applications used.
        public var iterations: Int
        /// Final relative residual ‖b − Ax‖₂ / ‖b‖₂.
        public var relativeResidual: Double
        /// Whether the tolerance was reached.
        public var converged: Bool
    }

    /// Solves A x = b for `apply(x, y)`: y ← A x, starting from `initial` (zeros if nil).
    public static func solve(
        size n: Int, rhs b: [Double], initial: [Double]? = nil, restart: Int = 30,
        tolerance: Double = 1e-12, maxIterations: Int = 10_000,
        apply: (UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> Result {
        precondition(b.count == n)
        var x = initial ?? [Double](repeating: 0, count: n)
        let bNorm = norm(b)
        if bNorm == 0 {
            return Result(
                solution: [Double](repeating: 0, count: n), iterations: 0, relativeResidual: 0, converged: true)
        }
        let m = max(1, min(restart, n))
        // Krylov vectors, column-major; allocated only when the start is not already a solution (a warm start from
        // values that verify costs one operator application and no O(m·n) workspace).
        var basis: [Double] = []
        var h = [Double](repeating: 0, count: (m + 1) * m)  // Hessenberg, column-major
        var cs = [Double](repeating: 0, count: m), sn = [Double](repeating: 0, count: m)
        var g = [Double](repeating: 0, count: m + 1)
        var r = [Double](repeating: 0, count: n)
        var iterations = 0
        var relative = Double.infinity
        while iterations < maxIterations {
            // r = b − A x
            x.withUnsafeBufferPointer { xp in
                r.withUnsafeMutableBufferPointer { rp in apply(xp.baseAddress!, rp.baseAddress!) }
            }
            for i in 0..<n { r[i] = b[i] - r[i] }
            let beta = norm(r)
            relative = beta / bNorm
            if relative <= tolerance {
                return Result(solution: x, iterations: iterations, relativeResidual: relative, converged: true)
            }
            if basis.isEmpty { basis = [Double](repeating: 0, count: n * (m + 1)) }
            for i in 0..<n { basis[i] = r[i] / beta }
            for i in 0...m { g[i] = 0 }
            g[0] = beta
            var k = 0
            while k < m && iterations < maxIterations {
                iterations += 1
                basis.withUnsafeMutableBufferPointer { vp in
                    apply(UnsafePointer(vp.baseAddress! + k * n), vp.baseAddress! + (k + 1) * n)
                    let w = vp.baseAddress! + (k + 1) * n
                    for j in 0...k {
                        let v = vp.baseAddress! + j * n
                        var d = 0.0
                        for i in 0..<n { d += w[i] * v[i] }
                        h[j + k * (m + 1)] = d
                        for i in 0..<n { w[i] -= d * v[i] }
                    }
                    var s = 0.0
                    for i in 0..<n { s += w[i] * w[i] }
                    let wn = s.squareRoot()
                    h[k + 1 + k * (m + 1)] = wn
                    if wn > 0 { for i in 0..<n { w[i] /= wn } }
                }
                for j in 0..<k {  // previous rotations
                    let a = h[j + k * (m + 1)], c = h[j + 1 + k * (m + 1)]
                    h[j + k * (m + 1)] = cs[j] * a + sn[j] * c
                    h[j + 1 + k * (m + 1)] = -sn[j] * a + cs[j] * c
                }
                let a = h[k + k * (m + 1)], c = h[k + 1 + k * (m + 1)]
                let d = (a * a + c * c).squareRoot()
                cs[k] = d > 0 ? a / d : 1
                sn[k] = d > 0 ? c / d : 0
                h[k + k * (m + 1)] = d
                h[k + 1 + k * (m + 1)] = 0
                g[k + 1] = -sn[k] * g[k]
                g[k] = cs[k] * g[k]
                k += 1
                if abs(g[k]) / bNorm <= tolerance * 0.5 || h[k - 1 + (k - 1) * (m + 1)] == 0 { break }
            }
            // Back substitution for the k coefficients, then x += V y.
            var y = [Double](repeating: 0, count: k)
            for i in stride(from: k - 1, through: 0, by: -1) {
                var s = g[i]
                for j in (i + 1)..<k { s -= h[i + j * (m + 1)] * y[j] }
                let diag = h[i + i * (m + 1)]
                y[i] = diag != 0 ? s / diag : 0
            }
            for j in 0..<k { let yj = y[j]; for i in 0..<n { x[i] += yj * basis[j * n + i] } }
        }
        x.withUnsafeBufferPointer { xp in
            r.withUnsafeMutableBufferPointer { rp in apply(xp.baseAddress!, rp.baseAddress!) }
        }
        for i in 0..<n { r[i] = b[i] - r[i] }
        relative = norm(r) / bNorm
        return Result(solution: x, iterations: iterations, relativeResidual: relative, converged: relative <= tolerance)
    }

    static func norm(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x * x }
        return s.squareRoot()
    }
}
