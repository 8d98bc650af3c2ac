import CLAPACKE

/// The condensed simplex tableau (dictionary) of one best-response polytope for Lemke–Howson, with delayed rank-1
/// updates.
///
/// Only the nonbasic columns are stored: `rows × slots` column-major, one slot per nonbasic variable (basic columns
/// are unit vectors and never stored). A pivot changes the dictionary by a rank-1 update `T ← T − g pᵀ` (g the
/// entering column minus the pivot row's unit vector, p the pivot row divided by the pivot), except the entering
/// slot, which receives the leaving variable's column `−f/piv` (and `1/piv` in the pivot row) written directly.
/// Instead of applying each update to the whole dictionary (O(rows · slots) memory traffic per pivot, which made
/// long paths memory-bound at 500 × 500), up to ``blockSize`` updates are kept as the factors `G` and `P` and
/// applied together by one BLAS-3 `dgemm` (Schreiber & Van Loan's compact WY idea applied to Gauss–Jordan pivots);
/// between flushes a column or the pivot row is read as `T₀ − G Pᵀ` in O((rows + slots) · k).
/// The right-hand side is updated eagerly. The lexicographic minimum-ratio rule (von Stengel 2002, §3.7) reads the
/// columns of the initial basis (`B⁻¹`) only for rows tied in the ratio test.
/// - Complexity: per pivot O((rows + slots) · blockSize) plus an amortised O(rows · slots) `dgemm` share.
/// - Tolerance: pivot entries must exceed 1e-12; ratios are tied within 1e-12 relative.
struct LemkeHowsonTableau {
    /// Pending rank-1 updates kept before a `dgemm` flush.
    static let blockSize = 32
    let rows: Int
    let slots: Int
    let variables: Int
    /// Dictionary at the last flush, `rows × slots` column-major.
    var t0: [Double]
    /// Right-hand side, always current.
    var rhs: [Double]
    /// Basic variable of each row.
    var basis: [Int]
    /// Slot of each nonbasic variable, −1 if basic.
    var slotOf: [Int]
    /// Variable currently in each slot.
    var variableIn: [Int]
    /// Basic variables of the initial basis in row order (the columns of B⁻¹ for the lexicographic rule).
    let initialBasis: [Int]
    /// Pending update factors: `g` vectors (`rows × blockSize`) and `p` vectors (`slots × blockSize`).
    var g: [Double]
    var p: [Double]
    var pending = 0
    /// Current entering column and pivot row, reused across pivots.
    var column: [Double]
    var pivotRow: [Double]

    /// A dictionary with `basis[r]` basic in row r, `nonbasic[s]` in slot s, slot columns `columns` (`rows × slots`
    /// column-major) and right-hand side 1.
    init(rows: Int, variables: Int, basis: [Int], nonbasic: [Int], columns: [Double]) {
        precondition(
            basis.count == rows && columns.count == rows * nonbasic.count && rows + nonbasic.count == variables)
        self.rows = rows
        self.slots = nonbasic.count
        self.variables = variables
        t0 = columns
        rhs = [Double](repeating: 1, count: rows)
        self.basis = basis
        initialBasis = basis
        slotOf = [Int](repeating: -1, count: variables)
        for (s, v) in nonbasic.enumerated() { slotOf[v] = s }
        variableIn = nonbasic
        g = [Double](repeating: 0, count: rows * Self.blockSize)
        p = [Double](repeating: 0, count: nonbasic.count * Self.blockSize)
        column = [Double](repeating: 0, count: rows)
        pivotRow = [Double](repeating: 0, count: nonbasic.count)
    }

    /// Current entry (row `i`, variable `v`).
    func entry(_ i: Int, variable v: Int) -> Double {
        let s = slotOf[v]
        if s < 0 { return basis[i] == v ? 1 : 0 }
        var e = t0[i + s * rows]
        for q in 0..<pending { e -= g[i + q * rows] * p[s + q * slots] }
        return e
    }

    /// Pivots `entering` (nonbasic) into the basis by the lexicographic minimum-ratio rule; returns the leaving
    /// variable, or −1 if the column has no positive entry.
    mutating func pivot(entering e: Int) -> Int {
        let s = slotOf[e]
        guard s >= 0 else { return -1 }
        let rows = self.rows
        let slots = self.slots
        let k = pending
        // Entering column f = T₀[:, s] − G P[s, :]ᵀ.
        t0.withUnsafeBufferPointer { t in
            g.withUnsafeBufferPointer { gb in
                column.withUnsafeMutableBufferPointer { c in
                    let col = t.baseAddress! + s &* rows
                    for i in 0..<rows { c[i] = col[i] }
                    for q in 0..<k {
                        let w = p[s &+ q &* slots]
                        if w == 0 { continue }
                        let gq = gb.baseAddress! + q &* rows
                        for i in 0..<rows { c[i] -= gq[i] * w }
                    }
                }
            }
        }
        // Minimum ratio; rows whose ratios tie (within 1e-12 relative) are ordered by ``lexTieLess(_:_:)``.
        var best = -1
        var bestRatio = 0.0
        for i in 0..<rows where column[i] > 1e-12 {
            let ratio = rhs[i] / column[i]
            if best < 0 {
                best = i
                bestRatio = ratio
            } else if abs(ratio - bestRatio) > 1e-12 * max(1, abs(ratio), abs(bestRatio)) {
                if ratio < bestRatio {
                    best = i
                    bestRatio = ratio
                }
            } else if lexTieLess(i, best) {
                best = i
                bestRatio = ratio
            }
        }
        if best < 0 { return -1 }
        let leaving = basis[best]
        let piv = column[best]
        // Pivot row over the slots: T₀[best, :] − G[best, :] Pᵀ.
        t0.withUnsafeBufferPointer { t in
            p.withUnsafeBufferPointer { pb in
                pivotRow.withUnsafeMutableBufferPointer { r in
                    let tb = t.baseAddress!
                    for c in 0..<slots { r[c] = tb[best &+ c &* rows] }
                    for q in 0..<k {
                        let w = g[best &+ q &* rows]
                        if w == 0 { continue }
                        let pq = pb.baseAddress! + q &* slots
                        for c in 0..<slots { r[c] -= pq[c] * w }
                    }
                }
            }
        }
        // Right-hand side, eagerly.
        let pr = rhs[best] / piv
        if pr != 0 { for i in 0..<rows { rhs[i] -= column[i] * pr } }
        rhs[best] = pr
        // The entering slot takes the leaving variable's column −f/piv (1/piv in the pivot row), written directly;
        // its pending updates are cancelled.
        let inv = 1 / piv
        for q in 0..<k { p[s + q * slots] = 0 }
        t0.withUnsafeMutableBufferPointer { t in
            let col = t.baseAddress! + s &* rows
            for i in 0..<rows { col[i] = 0 - column[i] * inv }
            col[best] = inv
        }
        // Record the rank-1 update g = f − e_best, p = (pivot row)/piv (0 in the entering slot).
        g.withUnsafeMutableBufferPointer { gb in
            let gq = gb.baseAddress! + k &* rows
            for i in 0..<rows { gq[i] = column[i] }
            gq[best] -= 1
        }
        p.withUnsafeMutableBufferPointer { pb in
            let pq = pb.baseAddress! + k &* slots
            for c in 0..<slots { pq[c] = pivotRow[c] / piv }
            pq[s] = 0
        }
        pending += 1
        basis[best] = e
        slotOf[e] = -1
        slotOf[leaving] = s
        variableIn[s] = leaving
        if pending == Self.blockSize { flush() }
        return leaving
    }

    /// Applies the pending updates: T₀ ← T₀ − G Pᵀ (`dgemm`).
    mutating func flush() {
        if pending == 0 { return }
        let r = Int32(rows)
        let c = Int32(slots)
        let k = Int32(pending)
        g.withUnsafeBufferPointer { gb in
            p.withUnsafeBufferPointer { pb in
                t0.withUnsafeMutableBufferPointer { t in
                    cblas_dgemm(
                        CblasColMajor, CblasNoTrans, CblasTrans, r, c, k, -1, gb.baseAddress, r, pb.baseAddress, c,
                        1, t.baseAddress, r)
                }
            }
        }
        pending = 0
    }

    /// For rows `i` and `k` whose ratios tie: row `i` lexicographically smaller in the B⁻¹ columns divided by the
    /// entering column (then by index).
    func lexTieLess(_ i: Int, _ k: Int) -> Bool {
        let pi = column[i]
        let pk = column[k]
        for v in initialBasis {
            let a = entry(i, variable: v) / pi
            let b = entry(k, variable: v) / pk
            if abs(a - b) > 1e-12 * max(1, abs(a), abs(b)) { return a < b }
        }
        return i < k
    }
}
