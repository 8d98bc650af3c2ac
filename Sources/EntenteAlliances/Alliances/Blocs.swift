/// Two blocs against threat: the split that maximises hostility across the cut (structural balance;
/// Heider 1946, Cartwright & Harary 1956), exactly and by spectral relaxation.
public enum Blocs {
    /// A two-bloc split with its cut value Σ_{i<j, different sides} H_ij.
    public struct Split: Sendable, Equatable {
        /// Side per actor (+1 / −1); actor 0 is always on +1.
        public let sides: [Int]
        public let cut: Double

        /// The two blocs as actor indices (the one containing actor 0 first).
        public var blocs: [[Int]] {
            [sides.indices.filter { sides[$0] > 0 }, sides.indices.filter { sides[$0] < 0 }].filter { !$0.isEmpty }
        }
    }

    /// Default limit for exact enumeration (2ⁿ⁻¹ splits).
    public static let exactLimit = 25

    /// Exact maximum cut by enumeration of 2ⁿ⁻¹ sign vectors (actor 0 fixed on +1), visited in Gray-code order
    /// with O(n) incremental updates; ties (within 1e-12) go to the first maximum in binary order (structural
    /// balance, Cartwright & Harary 1956). O(n·2ⁿ⁻¹).
    public static func exact(hostility h: Matrix, limit: Int = exactLimit) throws(CooperativeError) -> Split {
        let n = try checked(h)
        guard n <= min(limit, 40) else { throw .tooManyPlayers(n: n, limit: min(limit, 40)) }
        if n == 1 { return Split(sides: [1], cut: 0) }
        var side = [Int](repeating: 1, count: n)
        var cut = 0.0
        var bestCut = 0.0
        var bestMask = 0
        var code = 0
        let count = 1 << (n - 1)
        for k in 1..<count {
            // Gray code: flip the bit that changes between gray(k−1) and gray(k).
            let g = k ^ (k >> 1)
            let bit = (g ^ code).trailingZeroBitCount
            code = g
            let i = bit + 1
            var delta = 0.0
            for j in 0..<n where j != i { delta += (side[j] == side[i] ? 1 : -1) * h[i, j] }
            side[i] = -side[i]
            cut += delta
            if cut > bestCut + 1e-12 || (abs(cut - bestCut) <= 1e-12 && g < bestMask && cut > 1e-12) {
                bestCut = cut
                bestMask = g
            }
        }
        let sides = (0..<n).map { $0 == 0 ? 1 : (bestMask & (1 << ($0 - 1)) != 0 ? -1 : 1) }
        return Split(sides: sides, cut: cutValue(sides, h))
    }

    /// The spectral relaxation variant.
    public enum SpectralVariant: String, Sendable, CaseIterable {
        /// Top eigenvector of the signed affinity A = −H (zero diagonal).
        case adjacency
        /// Top eigenvector of the Laplacian L = diag(H·1) − H (the max-cut relaxation).
        case laplacian
    }

    /// The number of actors of a hostility matrix: at least one, square (``CooperativeError/dimensionMismatch(expected:actual:)``
    /// with rows and columns) and finite (``CooperativeError/nonFinite(index:)`` with the column-major index).
    static func checked(_ h: Matrix) throws(CooperativeError) -> Int {
        guard h.rows >= 1 else { throw .noPlayers }
        guard h.columns == h.rows else { throw .dimensionMismatch(expected: h.rows, actual: h.columns) }
        if let k = h.storage.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        return h.rows
    }

    /// Sign of the leading eigenvector (LAPACK `dsyevd`). O(n³); a heuristic that can miss the optimum.
    /// Throws the same ``CooperativeError`` cases as ``exact(hostility:limit:)`` for an empty, non-square or
    /// non-finite matrix, and ``CooperativeError/eigenDecompositionFailed`` if LAPACK does not converge.
    public static func spectral(hostility h: Matrix, variant: SpectralVariant = .laplacian) throws(CooperativeError)
        -> Split
    {
        let n = try checked(h)
        if n == 1 { return Split(sides: [1], cut: 0) }
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n {
            var rowSum = 0.0
            for j in 0..<n where j != i { rowSum += h[i, j] }
            for j in 0..<n {
                switch variant {
                case .adjacency: m[i, j] = i == j ? 0 : -h[i, j]
                case .laplacian: m[i, j] = i == j ? rowSum : -h[i, j]
                }
            }
        }
        let vectors: Matrix
        do { vectors = try Eigen.symmetric(m).vectors } catch { throw .eigenDecompositionFailed }
        let top = (0..<n).map { vectors[$0, n - 1] }
        let sign0: Double = top[0] >= 0 ? 1 : -1
        let sides = top.map { $0 * sign0 >= 0 ? 1 : -1 }
        return Split(sides: sides, cut: cutValue(sides, h))
    }

    /// Σ_{i<j} H_ij [sᵢ ≠ sⱼ]. O(n²).
    public static func cutValue(_ sides: [Int], _ h: Matrix) -> Double {
        var c = 0.0
        for i in 0..<sides.count { for j in (i + 1)..<sides.count where sides[i] != sides[j] { c += h[i, j] } }
        return c
    }

    /// Rand index between two labelings: the share of pairs on which they agree (same bloc or not). O(n²).
    public static func randIndex(_ a: [Int], _ b: [Int]) -> Double {
        let n = a.count
        guard n > 1 else { return 1 }
        var agree = 0, total = 0
        for i in 0..<n { for j in (i + 1)..<n { total += 1; if (a[i] == a[j]) == (b[i] == b[j]) { agree += 1 } } }
        return Double(agree) / Double(total)
    }
}
