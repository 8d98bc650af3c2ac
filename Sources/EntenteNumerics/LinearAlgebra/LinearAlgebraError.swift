/// Errors raised by the LAPACK-backed linear-algebra layer.
///
/// Payloads are plain numbers so the enum stays trivially copyable (swiftc 6.3.1 crashes on some typed `catch`
/// clauses over cases with non-trivial payloads).
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix is exactly singular: LAPACK found `U[index, index] == 0` (0-based).
    case singular(index: Int)
    /// The matrix is numerically singular: its reciprocal condition number is below the threshold.
    case illConditioned(reciprocalCondition: Double)
    /// Operand shapes do not agree (e.g. a 3×3 matrix with a right-hand side of 4 rows).
    case dimensionMismatch(expectedRows: Int, actualRows: Int)
    /// Row `row` (0-based) of a matrix given by rows has `actualColumns` entries where the first row has `expectedColumns`.
    case raggedRows(row: Int, expectedColumns: Int, actualColumns: Int)
    /// Column-major storage with `actual` elements for a matrix of `expected` = rows × columns elements.
    case elementCount(expected: Int, actual: Int)
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
        case .raggedRows(let k, let e, let a): return "row \(k + 1) has \(a) entries, the first row has \(e)"
        case .elementCount(let e, let a): return "expected rows × columns = \(e) elements, got \(a)"
        case .notSquare(let r, let c): return "matrix must be square, got \(r)×\(c)"
        case .nonFinite(let i): return "matrix entry \(i) (column-major) is NaN or infinite"
        case .illegalArgument(let a): return "LAPACK rejected argument \(a)"
        case .noConvergence(let info): return "LAPACK iteration did not converge (info \(info))"
        }
    }
}
