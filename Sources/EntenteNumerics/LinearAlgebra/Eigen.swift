import CLAPACKE

/// Eigenvalue decompositions through LAPACK.
public enum Eigen {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix (`dsyevd`).
    ///
    /// Only the lower triangle is read. Complexity O(n³). Tolerance: LAPACK backward-stable,
    /// eigenvalues accurate to about ε·‖A‖₂.
    public static func symmetric(_ a: Matrix) throws(LinearAlgebraError) -> (values: [Double], vectors: Matrix) {
        guard a.rows == a.columns else { throw .notSquare(rows: a.rows, columns: a.columns) }
        try a.validateFinite()
        let n = a.rows
        var v = a
        var w = [Double](repeating: 0, count: n)
        if n == 0 { return (w, v) }
        // 86 = 'V' (eigenvectors too), 76 = 'L' (lower triangle).
        let info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 86, 76, Int32(n), &v.storage, Int32(n), &w)
        if info < 0 { throw .illegalArgument(argument: Int(-info)) }
        if info > 0 { throw .noConvergence(info: Int(info)) }
        return (w, v)
    }

    /// Eigenvalues of a general real matrix (`dgeev`), as (real, imaginary) parts in LAPACK's order,
    /// with right eigenvectors packed as LAPACK returns them (a complex pair occupies two columns: re, im).
    ///
    /// Complexity O(n³). Tolerance: backward-stable; ill-conditioned eigenvalues may be inaccurate.
    public static func general(_ a: Matrix) throws(LinearAlgebraError)
        -> (real: [Double], imaginary: [Double], vectors: Matrix)
    {
        guard a.rows == a.columns else { throw .notSquare(rows: a.rows, columns: a.columns) }
        try a.validateFinite()
        let n = a.rows
        var m = a.storage
        var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
        var vr = Matrix(rows: n, columns: n)
        if n == 0 { return (wr, wi, vr) }
        var vl = [Double](repeating: 0, count: 1)
        let info = LAPACKE_dgeev(
            LAPACK_COL_MAJOR, 78, 86, Int32(n), &m, Int32(n), &wr, &wi, &vl, 1,
            &vr.storage, Int32(n))
        if info < 0 { throw .illegalArgument(argument: Int(-info)) }
        if info > 0 { throw .noConvergence(info: Int(info)) }
        return (wr, wi, vr)
    }
}
