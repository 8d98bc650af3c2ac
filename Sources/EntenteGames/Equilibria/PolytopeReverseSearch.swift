/// Vertex enumeration of a best-response polytope `{z ≥ 0 : C z ≤ 1}` by reverse search over its feasible bases
/// (Avis & Fukuda 1992, "A pivoting algorithm for convex hulls and vertex enumeration of arrangements and
/// polyhedra"; Avis 2000, "lrs: a revised implementation of the reverse search vertex enumeration algorithm").
///
/// The objective `min Σ z` has the origin as its unique optimum, and the origin's basis (all slacks) is
/// nondegenerate, so Bland's pivoting rule (smallest-index entering variable with negative reduced cost,
/// smallest-index leaving variable among the tied ratio-test rows) maps every other feasible basis to a unique
/// parent and never cycles: the parent pointers form a spanning tree of all feasible bases rooted at the origin.
/// The search walks that tree depth first from the root. A neighbour `B' = B − u + s` (a feasible pivot from `B`) is
/// a child of `B` iff Bland's rule at `B'` pivots back to `B` — decided from `B`'s dictionary alone in O(d + r),
/// without pivoting. Nothing visited is stored: memory is the vertices found (32 bytes each; degenerate vertices,
/// which several bases share, are also kept in a set to report them once) plus one dictionary per tree level.
/// Every feasible basis is visited once, so degenerate vertices are found through every basis (complete), unlike
/// lrs's lexicographic rule, which visits only lex-positive bases (fewer, but the same vertices).
///
/// Arithmetic is floating point on the dictionary `B⁻¹[1 | N]` plus the reduced costs, (r + 1) × (d + 1) in
/// column-major order, pivoted in place on a contiguous stack of dictionaries (one per tree level, O(r·d) per
/// pivot). Decisions use the threshold 1e-9 on the normalised polytope (payoffs scaled into (−1, 1), shifted to
/// ≥ 1), as the labels do. The search reports itself as ambiguous (`nil`), so that the caller falls back to the
/// breadth-first search over all bases (which does not rely on a consistent parent rule), when a decision value
/// lies within 1e-11 of the threshold, when a reduced cost is in (1e-11, 1e-9] in magnitude (neither clearly zero
/// nor clearly not), or when a vertex turns up twice (checked at the end by sorting the label sets).
/// - Complexity: O(F · d · (r + d)) time for F feasible bases (each examines its d non-basic columns and each
///   feasible pivot in O(d + r), and pivots once into each child in O(r·d)); memory O(V + depth · r · d) for V
///   vertices, with the depth of the search tree at most F.
extension BestResponsePolytope {
    /// Threshold below which a decision value counts as zero.
    static let zeroThreshold = 1e-9
    /// Values in (`ambiguityFloor`, ``zeroThreshold``] are too close to the threshold to trust.
    static let ambiguityFloor = 1e-11

    /// All vertices (including the origin) by reverse search; nil if a decision was numerically ambiguous.
    /// Stops with `complete = false` after `basisLimit` bases, when the vertices found plus the dictionary stack would
    /// exceed `memoryLimit` bytes, or when `shouldStop()` returns true (polled every 64 bases).
    func verticesByReverseSearch(basisLimit: Int, memoryLimit: Int, shouldStop: () -> Bool)
        -> (vertices: [Vertex], complete: Bool, reason: StopReason?)?
    {
        let r = self.r, d = self.d
        let tol = Self.zeroThreshold, floor = Self.ambiguityFloor
        let h = r + 1  // rows: r constraints and the reduced costs
        let cell = h * (d + 1)  // one dictionary; column 0 is the right-hand side
        var levels = 16
        var tab = UnsafeMutablePointer<Double>.allocate(capacity: cell * levels)
        var basic = UnsafeMutablePointer<Int32>.allocate(capacity: r * levels)  // basic variable of each row
        var nonbasic = UnsafeMutablePointer<Int32>.allocate(capacity: d * levels)  // variable of each column
        var cursor = UnsafeMutablePointer<Int>.allocate(capacity: levels)  // next (column, row) candidate to examine
        defer {
            tab.deallocate()
            basic.deallocate()
            nonbasic.deallocate()
            cursor.deallocate()
        }
        // Root: all slacks basic (variable d + l in row l), z nonbasic, reduced costs 1.
        for l in 0..<r {
            tab[l] = 1
            basic[l] = Int32(d + l)
        }
        tab[r] = 0
        for k in 0..<d {
            let col = tab + (k + 1) * h
            for l in 0..<r { col[l] = c[l + k * r] }
            col[r] = 1
            nonbasic[k] = Int32(k)
        }
        var ambiguous = false
        // A decision is untrustworthy when its value is within rounding noise of the threshold (two evaluations of
        // the same quantity from different dictionaries could disagree), or — for reduced costs, which decide the
        // tree's parent pointers — when it is tiny but not clearly zero (an exact parent could be missed).
        let band = Self.ambiguityFloor
        @inline(__always) func note(_ v: Double) { if abs(abs(v) - tol) <= band { ambiguous = true } }
        @inline(__always) func noteCost(_ v: Double) {
            let a = abs(v); if a > floor && a <= tol + band { ambiguous = true }
        }

        var result: [Vertex] = []
        var degenerateSeen = Set<LabelSet>()
        let levelBytes = cell * 8 + (r + d) * 4 + 8
        func memoryUsed() -> Int {
            result.capacity &* MemoryLayout<Vertex>.stride &+ degenerateSeen.capacity &* Self.bytesPerSeenBasis
                &+ levels &* levelBytes
        }
        // Records the vertex of the dictionary at `level`.
        func visit(_ level: Int) {
            let t = tab + level * cell, b = basic + level * r, nb = nonbasic + level * d
            var labels = LabelSet(), basisSet = LabelSet()
            var degenerate = false
            for j in 0..<d {
                let v = Int(nb[j])
                labels.insert(v < d ? coordinateLabels[v] : rowLabels[v - d])
            }
            for i in 0..<r {
                let v = Int(b[i])
                basisSet.insert(v)
                let value = t[i]
                note(value)
                if value <= tol {
                    degenerate = true
                    labels.insert(v < d ? coordinateLabels[v] : rowLabels[v - d])
                }
            }
            // A nondegenerate vertex has exactly one basis, so it is new; a degenerate one may have been seen.
            if !degenerate || degenerateSeen.insert(labels).inserted {
                result.append(Vertex(labels: labels, basisSet: basisSet))
            }
        }
        // Whether B' = B − basic[i] + nonbasic[col] is a child of B: Bland's rule at B' enters basic[i] and drops
        // nonbasic[col]. Reads only B's dictionary (reduced costs and the rows of B' computed on the fly).
        func isChild(
            _ t: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Int32>, _ nb: UnsafeMutablePointer<Int32>,
            row i: Int, column col: Int
        ) -> Bool {
            let pc = t + (col + 1) * h
            let p = pc[i], rcs = pc[r]
            let u = b[i], s = nb[col]
            // u re-enters with reduced cost −rcs/p: it must be improving, and no smaller-index variable may be.
            let ru = -rcs / p
            note(ru)
            note(1 / p)
            // At B', s sits in row i with entry 1/p in u's column: Bland's ratio test there only sees it above the threshold.
            guard ru < -tol, 1 / p > tol else { return false }
            for j in 0..<d where j != col && nb[j] < u {
                let cj = t + (j + 1) * h
                let rj = cj[r] - rcs * cj[i] / p
                note(rj)
                if rj < -tol { return false }
            }
            // Bland's leaving rule at B' for u: row i (now s) has ratio t[i][0]; a tied row with a smaller basic
            // variable would leave instead.
            let bi = max(t[i], 0)
            for k in 0..<r where k != i && b[k] < s {
                let q = -pc[k] / p  // B' column of u, row k
                note(q)
                guard q > tol else { continue }
                let ratio = (max(t[k], 0) * p - pc[k] * bi) / (-pc[k])
                let gap = ratio - bi
                note(gap / max(1, bi))
                if gap <= tol * max(1, bi) { return false }
            }
            return true
        }
        // The next child of the dictionary at `level`, scanning (column, row) candidates from `start`.
        func nextChild(_ level: Int, from start: Int) -> (row: Int, column: Int, next: Int)? {
            let t = tab + level * cell, b = basic + level * r, nb = nonbasic + level * d
            var col = start / r, row0 = start % r
            while col < d {
                let pc = t + (col + 1) * h
                let rc = pc[r]
                noteCost(rc)
                if rc > tol {
                    // Ratio test: the entering column's minimum ratio and its tied rows are the feasible pivots.
                    var theta = Double.infinity
                    for k in 0..<r {
                        let a = pc[k]
                        note(a)
                        if a > tol { theta = min(theta, max(t[k], 0) / a) }
                    }
                    if theta < .infinity {
                        let slack = tol * max(1, theta)
                        for i in row0..<r where pc[i] > tol {
                            let gap = max(t[i], 0) / pc[i] - theta
                            note(gap / max(1, theta))
                            if gap <= slack && isChild(t, b, nb, row: i, column: col) {
                                return (i, col, col * r + i + 1)
                            }
                        }
                    }
                }
                col += 1
                row0 = 0
            }
            return nil
        }
        // Copies the dictionary at `level` one level down and pivots there: column `col` enters, row `i` leaves.
        func descend(_ level: Int, row i: Int, column col: Int) {
            let src = tab + level * cell, dst = src + cell
            dst.update(from: src, count: cell)
            (basic + (level + 1) * r).update(from: basic + level * r, count: r)
            (nonbasic + (level + 1) * d).update(from: nonbasic + level * d, count: d)
            let pc = dst + (col + 1) * h
            let p = pc[i]
            for j in 0...d where j != col + 1 {
                let cj = dst + j * h
                let f = cj[i] / p
                if f != 0 { for k in 0..<h { cj[k] -= f * pc[k] } }
                cj[i] = f
            }
            let inv = 1 / p
            for k in 0..<h { pc[k] = -pc[k] * inv }
            pc[i] = inv
            let b = basic + (level + 1) * r, nb = nonbasic + (level + 1) * d
            let u = b[i]
            b[i] = nb[col]
            nb[col] = u
        }

        var level = 0
        cursor[0] = 0
        visit(0)
        var visited = 1
        while level >= 0 {
            if ambiguous { return nil }
            guard let (i, col, next) = nextChild(level, from: cursor[level]) else {
                level -= 1
                continue
            }
            cursor[level] = next
            if level + 2 > levels {
                // Grow the stack of dictionaries (doubling), within the memory limit.
                let grown = levels * 2
                if memoryUsed() &+ levels &* levelBytes > memoryLimit { return (result, false, .memoryLimit) }
                func grow<T>(_ p: inout UnsafeMutablePointer<T>, _ per: Int) {
                    let q = UnsafeMutablePointer<T>.allocate(capacity: per * grown)
                    q.moveInitialize(from: p, count: per * levels)
                    p.deallocate()
                    p = q
                }
                grow(&tab, cell)
                grow(&basic, r)
                grow(&nonbasic, d)
                grow(&cursor, 1)
                levels = grown
            }
            descend(level, row: i, column: col)
            level += 1
            cursor[level] = 0
            visit(level)
            visited += 1
            if visited & 63 == 0 {
                if visited > basisLimit { return (result, false, .basisLimit) }
                if memoryUsed() > memoryLimit { return (result, false, .memoryLimit) }
                if shouldStop() { return (result, false, .cancelled) }
            }
        }
        if ambiguous { return nil }
        // Safety net: an inconsistent parent relation would show as a vertex reached twice (and could hide a missed
        // subtree), so a repeated label set sends the caller to the breadth-first search. O(V log V).
        var keys = result.map(\.labels)
        keys.sort { $0.high != $1.high ? $0.high < $1.high : $0.low < $1.low }
        for k in keys.indices.dropFirst() where keys[k] == keys[k - 1] { return nil }
        return (result, true, nil)
    }
}
