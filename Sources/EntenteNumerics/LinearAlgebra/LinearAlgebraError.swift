/// Errors raised by the LAPACK-backed linear-algebra layer.
///
/// Payloads are plain integers so the enum stays trivially copyable (see BUILD-NOTES: typed throws
/// with non-trivial payloads trip a compiler bug in swiftc 6.3.1).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix is exactly singular: LAPACK found `U[index, index] == 0` (0-based).
    case singular(index: Int)
    /// The matrix is numerically singular: its reciprocal condition number is below the threshold.
    case illConditioned(reciprocalCondition: Double)
    /// Operand shapes do not agree (e.g. a 3×3 matrix with a right-hand side of 4 rows).
    case dimensionMismatch(expectedRows: Int, actualRows: Int)
    /// The matrix must be square.
    case notSquare(rows: Int, columns: Int)
    /// An entry is NaN or infinite; `index` is its column-major position.
    case nonFinite(index: Int)
    /// LAPACK rejected argument number `argument` (a bug in the caller; `info < 0`).
    case illegalArgument(argument: Int)
    /// An iterative LAPACK routine (eigenvalues, SVD) did not converge.
    case noConvergence(info: Int)

    public var description: String {
        switch self {
        case .singular(let i): return "matrix is singular (zero pivot at position \(i))"
        case .illConditioned(let r): return "matrix is ill-conditioned (reciprocal condition \(r))"
        case .dimensionMismatch(let e, let a): return "dimension mismatch: expected \(e) rows, got \(a)"
        case .notSquare(let r, let c): return "matrix must be square, got \(r)×\(c)"
        case .nonFinite(let i): return "matrix entry \(i) (column-major) is NaN or infinite"
        case .illegalArgument(let a): return "LAPACK rejected argument \(a)"
        case .noConvergence(let info): return "LAPACK iteration did not converge (info \(info))"
        }
    }
}
