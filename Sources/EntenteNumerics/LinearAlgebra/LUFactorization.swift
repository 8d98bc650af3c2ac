import CLAPACKE

/// LU factorisation with partial pivoting, `P A = L U` (LAPACK `dgetrf`), factor once and solve many.
///
/// - Complexity: factorisation O(n³) (⅔n³ flops); each solve O(n²) per right-hand side.
/// - Tolerance: exact zero pivots throw `.singular`; use ``reciprocalCondition()`` (LAPACK `dgecon`,
///   1-norm estimate) to reject numerically singular systems, e.g. below 1e-12.
public struct LUFactorization: Sendable {
    /// Order of the matrix.
    public let order: Int
    /// L and U packed column-major, as returned by `dgetrf`.
    public private(set) var factors: [Double]
    /// 1-based pivot indices from `dgetrf`.
    public private(set) var pivots: [Int32]
    /// The 1-norm of the original matrix (kept for the condition estimate).
    public let normOne: Double

    /// Factors a square matrix. Throws `.notSquare`, `.nonFinite` or `.singular(index:)`. O(n³).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows == a.columns else { throw .notSquare(rows: a.rows, columns: a.columns) }
        try a.validateFinite()
        let n = a.rows
        order = n
        factors = a.storage
        pivots = [Int32](repeating: 0, count: n)
        normOne = LUFactorization.oneNorm(a.storage, n)
        if n == 0 { return }
        let info = factors.withUnsafeMutableBufferPointer { f in
            pivots.withUnsafeMutableBufferPointer { p in
                LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, Int32(n), Int32(n), f.baseAddress, Int32(n), p.baseAddress)
            }
        }
        try LUFactorization.check(info)
    }

    /// Solves `A x = b` for one right-hand side. O(n²).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == order else { throw .dimensionMismatch(expectedRows: order, actualRows: b.count) }
        var x = b
        try solve(inPlace: &x, columns: 1, transposed: false)
        return x
    }

    /// Solves `Aᵀ x = b`. O(n²).
    public func solveTransposed(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard b.count == order else { throw .dimensionMismatch(expectedRows: order, actualRows: b.count) }
        var x = b
        try solve(inPlace: &x, columns: 1, transposed: true)
        return x
    }

    /// Solves `A X = B` for all columns of `B` at once. O(n²·k).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == order else { throw .dimensionMismatch(expectedRows: order, actualRows: b.rows) }
        var x = b
        try solve(inPlace: &x.storage, columns: b.columns, transposed: false)
        return x
    }

    /// Solves in place on column-major right-hand sides (`order × columns`); no allocation.
    public func solve(inPlace b: inout [Double], columns: Int, transposed: Bool) throws(LinearAlgebraError) {
        guard b.count == order * columns else {
            throw .dimensionMismatch(expectedRows: order * columns, actualRows: b.count)
        }
        if order == 0 || columns == 0 { return }
        let n = Int32(order)
        let trans: CChar = transposed ? 84 : 78  // 'T' : 'N'
        let info = factors.withUnsafeBufferPointer { f in
            pivots.withUnsafeBufferPointer { p in
                b.withUnsafeMutableBufferPointer { x in
                    LAPACKE_dgetrs_work(
                        LAPACK_COL_MAJOR, trans, n, Int32(columns), f.baseAddress, n,
                        p.baseAddress, x.baseAddress, n)
                }
            }
        }
        try LUFactorization.check(info)
    }

    /// Estimate of the reciprocal 1-norm condition number (`dgecon`); 0 means singular. O(n²).
    public func reciprocalCondition() throws(LinearAlgebraError) -> Double {
        if order == 0 { return 1 }
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [Int32](repeating: 0, count: order)
        let n = Int32(order)
        let info = factors.withUnsafeBufferPointer { f in
            LAPACKE_dgecon_work(
                // 49 = '1': the 1-norm.
                LAPACK_COL_MAJOR, 49, n, f.baseAddress, n, normOne, &rcond,
                &work, &iwork)
        }
        try LUFactorization.check(info)
        return rcond
    }

    static func oneNorm(_ a: [Double], _ n: Int) -> Double {
        var best = 0.0
        for j in 0..<n {
            var s = 0.0
            for i in 0..<n { s += abs(a[i + j * n]) }
            best = max(best, s)
        }
        return best
    }

    static func check(_ info: Int32) throws(LinearAlgebraError) {
        if info < 0 { throw .illegalArgument(argument: Int(-info)) }
        if info > 0 { throw .singular(index: Int(info) - 1) }
    }
}

/// Reusable buffers for many small dense solves of the same (or smaller) order, as support
/// enumeration and policy evaluation make. After warm-up, ``solve(_:order:rhs:)`` allocates nothing.
///
/// - Complexity: O(n³) per solve (`dgetrf` + `dgetrs`).
/// - Tolerance: exact zero pivots return `false`; pivots below `pivotTolerance·‖A‖₁` also count as singular.
public struct LUWorkspace: Sendable {
    @usableFromInline var a: [Double] = []
    @usableFromInline var pivots: [Int32] = []
    /// Relative pivot size below which a system is reported singular (default 1e-12).
    public var pivotTolerance: Double

    /// Creates an empty workspace; buffers grow on first use and are then reused.
    public init(pivotTolerance: Double = 1e-12) { self.pivotTolerance = pivotTolerance }

    /// Solves `A x = rhs` where `matrix` holds `A` column-major (`order × order`); `rhs` is overwritten
    /// with `x`. Returns `false` (leaving `rhs` unspecified) if `A` is singular to the pivot tolerance.
    public mutating func solve(
        _ matrix: UnsafeBufferPointer<Double>, order n: Int,
        rhs: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        precondition(matrix.count >= n * n && rhs.count >= n)
        if n == 0 { return true }
        if a.count < n * n { a = [Double](repeating: 0, count: n * n) }
        if pivots.count < n { pivots = [Int32](repeating: 0, count: n) }
        var scale = 0.0
        for k in 0..<(n * n) { scale = max(scale, abs(matrix[k])) }
        let tol = pivotTolerance * max(scale, 1e-300)
        return a.withUnsafeMutableBufferPointer { ab in
            for k in 0..<(n * n) { ab[k] = matrix[k] }
            return pivots.withUnsafeMutableBufferPointer { p in
                let nn = Int32(n)
                let info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, nn, nn, ab.baseAddress, nn, p.baseAddress)
                if info != 0 { return false }
                for k in 0..<n where abs(ab[k + k * n]) <= tol { return false }
                let s = LAPACKE_dgetrs_work(
                    LAPACK_COL_MAJOR, 78, nn, 1, ab.baseAddress, nn, p.baseAddress,
                    rhs.baseAddress, nn)
                return s == 0
            }
        }
    }
}
