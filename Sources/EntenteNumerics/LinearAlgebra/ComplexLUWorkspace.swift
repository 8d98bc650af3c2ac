import CLAPACKE

/// Reusable LAPACK workspace for square complex linear systems `A x = b` (LU with partial pivoting, `zgetrf` +
/// `zgetrs`; Anderson et al. 1999). The hot loop of path tracking: buffers grow on first use and are reused.
///
/// - Complexity: O(n³) per factorisation, O(n²) per solve.
/// - Tolerance: a solve is refused (returns `false`) when LAPACK meets an exact zero pivot, when a pivot is below
///   `pivotTolerance × max |aᵢⱼ|`, or when an entry is not finite.
public struct ComplexLUWorkspace: Sendable {
    var a: [Complex] = []
    var pivots: [Int32] = []
    var work: [Complex] = []
    var rwork: [Double] = []
    /// Relative pivot size below which a system counts as singular.
    public var pivotTolerance: Double

    /// An empty workspace.
    public init(pivotTolerance: Double = 1e-14) { self.pivotTolerance = pivotTolerance }

    /// Factors `matrix` (column-major `n × n`) and overwrites `rhs` (length ≥ n) with the solution; `false` if the
    /// matrix is singular to the pivot tolerance or not finite.
    public mutating func solve(_ matrix: [Complex], order n: Int, rhs: inout [Complex]) -> Bool {
        precondition(matrix.count >= n * n && rhs.count >= n)
        if n == 0 { return true }
        guard factor(matrix, order: n) else { return false }
        return resolve(order: n, rhs: &rhs)
    }

    /// LU-factors `matrix` into the workspace; `false` when singular to the tolerance or not finite. O(n³).
    public mutating func factor(_ matrix: [Complex], order n: Int) -> Bool {
        if a.count < n * n { a = [Complex](repeating: .zero, count: n * n) }
        if pivots.count < n { pivots = [Int32](repeating: 0, count: n) }
        var scale = 0.0
        for k in 0..<(n * n) {
            let v = matrix[k]
            guard v.isFinite else { return false }
            scale = max(scale, abs(v.re), abs(v.im))
            a[k] = v
        }
        let tol = pivotTolerance * max(scale, 1e-300)
        let nn = Int32(n)
        let info = a.withUnsafeMutableBufferPointer { ab in
            ab.withMemoryRebound(to: _lapack_complex_double.self) { zb in
                pivots.withUnsafeMutableBufferPointer { p in
                    LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, nn, nn, zb.baseAddress, nn, p.baseAddress)
                }
            }
        }
        if info != 0 { return false }
        for k in 0..<n where a[k + k * n].magnitude <= tol { return false }
        return true
    }

    /// Solves with the last factorisation (``factor(_:order:)`` must have returned `true`). O(n²).
    public mutating func resolve(order n: Int, rhs: inout [Complex]) -> Bool {
        let nn = Int32(n)
        let info = a.withUnsafeBufferPointer { ab in
            ab.withMemoryRebound(to: _lapack_complex_double.self) { zb in
                pivots.withUnsafeBufferPointer { p in
                    rhs.withUnsafeMutableBufferPointer { rb in
                        rb.withMemoryRebound(to: _lapack_complex_double.self) { r in
                            LAPACKE_zgetrs_work(
                                LAPACK_COL_MAJOR, 78, nn, 1, zb.baseAddress, nn, p.baseAddress, r.baseAddress, nn)
                        }
                    }
                }
            }
        }
        return info == 0 && rhs[0..<n].allSatisfy(\.isFinite)
    }

    /// Reciprocal 1-norm condition number estimate (`zgecon`) of `matrix`; 0 when singular. O(n³).
    public mutating func reciprocalCondition(_ matrix: [Complex], order n: Int) -> Double {
        if n == 0 { return 1 }
        var anorm = 0.0
        for j in 0..<n {
            var s = 0.0
            for i in 0..<n { s += matrix[i + j * n].magnitude }
            anorm = max(anorm, s)
        }
        let saved = pivotTolerance
        pivotTolerance = 0
        defer { pivotTolerance = saved }
        guard factor(matrix, order: n), anorm > 0 else { return 0 }
        if work.count < 2 * n { work = [Complex](repeating: .zero, count: 2 * n) }
        if rwork.count < 2 * n { rwork = [Double](repeating: 0, count: 2 * n) }
        var rcond = 0.0
        let nn = Int32(n)
        let info = a.withUnsafeBufferPointer { ab in
            ab.withMemoryRebound(to: _lapack_complex_double.self) { zb in
                work.withUnsafeMutableBufferPointer { wb in
                    wb.withMemoryRebound(to: _lapack_complex_double.self) { w in
                        rwork.withUnsafeMutableBufferPointer { rw in
                            LAPACKE_zgecon_work(
                                LAPACK_COL_MAJOR, 49, nn, zb.baseAddress, nn, anorm, &rcond, w.baseAddress,
                                rw.baseAddress)
                        }
                    }
                }
            }
        }
        return info == 0 && rcond.isFinite ? rcond : 0
    }
}
