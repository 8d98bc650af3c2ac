/// A dense matrix of `Double` stored column-major, exactly as LAPACK expects.
///
/// Element `(i, j)` lives at `storage[i + j * rows]`. No operation makes a row-major copy.
/// Value semantics with copy-on-write through the underlying `Array`.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Column-major storage, `rows * columns` elements. Read-only outside the package, so that no caller can leave
    /// LAPACK a buffer whose length differs from `rows * columns`; build a matrix with ``init(rows:columns:columnMajor:)``.
    public package(set) var storage: [Double] {
        @inlinable get { elements }
        _modify { yield &elements }
    }
    /// The stored elements behind ``storage`` (visible to the inlinable element accessor).
    @usableFromInline package var elements: [Double]

    /// A `rows × columns` matrix filled with `value`. O(rows·columns).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage. Throws if the count is not `rows * columns`.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, storage.count == rows * columns else {
            throw .elementCount(expected: rows * columns, actual: storage.count)
        }
        self.rows = rows
        self.columns = columns
        self.elements = storage
    }

    /// A matrix from an array of rows (convenient for literals in tests and examples).
    /// Throws if the rows are ragged. O(rows·columns).
    public init(rowArrays: [[Double]]) throws(LinearAlgebraError) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        var s = [Double](repeating: 0, count: r * c)
        for (i, row) in rowArrays.enumerated() {
            guard row.count == c else { throw .raggedRows(row: i, expectedColumns: c, actualColumns: row.count) }
            for j in 0..<c { s[i + j * r] = row[j] }
        }
        self.rows = r
        self.columns = c
        self.elements = s
    }

    /// The `n × n` identity. O(n²).
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// Element access, O(1).
    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// The transpose (a new matrix). O(rows·columns).
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] } }
        return t
    }

    /// Whether every entry is finite.
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

    /// Throws `.nonFinite` naming the first NaN/∞ entry. O(rows·columns).
    public func validateFinite() throws(LinearAlgebraError) {
        if let k = storage.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
    }

    /// Matrix–vector product `A x`. O(rows·columns). Throws on a length mismatch.
    public func multiply(_ x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == columns else { throw .dimensionMismatch(expectedRows: columns, actualRows: x.count) }
        var y = [Double](repeating: 0, count: rows)
        storage.withUnsafeBufferPointer { a in
            for j in 0..<columns {
                let xj = x[j]
                if xj == 0 { continue }
                let base = j * rows
                for i in 0..<rows { y[i] += a[base + i] * xj }
            }
        }
        return y
    }

    /// Transposed matrix–vector product `Aᵀ x`. O(rows·columns).
    public func multiplyTransposed(_ x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == rows else { throw .dimensionMismatch(expectedRows: rows, actualRows: x.count) }
        var y = [Double](repeating: 0, count: columns)
        storage.withUnsafeBufferPointer { a in
            for j in 0..<columns {
                var s = 0.0
                let base = j * rows
                for i in 0..<rows { s += a[base + i] * x[i] }
                y[j] = s
            }
        }
        return y
    }

    /// Matrix product `self · other`. O(rows·columns·other.columns) (naive; fine for the sizes used here).
    public func multiply(_ other: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard other.rows == columns else { throw .dimensionMismatch(expectedRows: columns, actualRows: other.rows) }
        var c = Matrix(rows: rows, columns: other.columns)
        for j in 0..<other.columns {
            for k in 0..<columns {
                let b = other.storage[k + j * other.rows]
                if b == 0 { continue }
                for i in 0..<rows { c.storage[i + j * rows] += storage[i + k * rows] * b }
            }
        }
        return c
    }

    public var description: String {
        (0..<rows).map { i in (0..<columns).map { j in "\(self[i, j])" }.joined(separator: " ") }
            .joined(separator: "\n")
    }
}
