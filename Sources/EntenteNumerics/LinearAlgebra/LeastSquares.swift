import CLAPACKE

/// Minimum-norm least-squares solutions of `A x ≈ b` by the SVD (LAPACK `dgelsd`).
///
/// Works for over- and under-determined and rank-deficient `A`.
/// - Complexity: O(m·n·min(m, n)).
/// - Tolerance: singular values below `rcond · σ_max` are treated as zero (default 1e-12).
public enum LeastSquares {
    /// The result: solution, effective rank and singular values (descending).
    public struct Solution: Sendable {
        /// The minimum-norm least-squares solution.
        public let x: [Double]
        /// Effective rank at the `rcond` threshold.
        public let rank: Int
        /// Singular values of A, descending.
        public let singularValues: [Double]
    }

    /// Solves `min ‖A x − b‖₂` with the minimum ‖x‖₂ among minimisers.
    public static func solve(_ a: Matrix, _ b: [Double], rcond: Double = 1e-12) throws(LinearAlgebraError) -> Solution {
        guard b.count == a.rows else { throw .dimensionMismatch(expectedRows: a.rows, actualRows: b.count) }
        try a.validateFinite()
        if let k = b.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        let m = a.rows, n = a.columns
        if m == 0 || n == 0 { return Solution(x: [Double](repeating: 0, count: n), rank: 0, singularValues: []) }
        let ldb = max(m, n)
        var aa = a.storage
        var bb = [Double](repeating: 0, count: ldb)
        for i in 0..<m { bb[i] = b[i] }
        var s = [Double](repeating: 0, count: min(m, n))
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(
            LAPACK_COL_MAJOR, Int32(m), Int32(n), 1, &aa, Int32(m), &bb, Int32(ldb), &s, rcond, &rank)
        if info < 0 { throw .illegalArgument(argument: Int(-info)) }
        if info > 0 { throw .noConvergence(info: Int(info)) }
        return Solution(x: Array(bb[0..<n]), rank: Int(rank), singularValues: s)
    }
}
