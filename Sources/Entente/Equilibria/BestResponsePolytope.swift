import CLAPACKE

/// A best-response polytope `{z ∈ ℝᵈ : z ≥ 0, C z ≤ 1}` with labelled facets, and the enumeration of
/// its vertices by breadth-first search over feasible bases (all bases, so degenerate vertices are found
/// through every basis that represents them).
///
/// For a bimatrix game (A, B) with positive payoffs, `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : A y ≤ 1}`
/// (von Stengel 2002, "Computing equilibria for two-person games"). Each vertex is recomputed from its basis by an
/// LAPACK solve (`dgesv` with all entering columns as right-hand sides, one call per basis), so coordinates do
/// not accumulate pivoting error.
struct BestResponsePolytope {
    /// `C`, `r × d`, column-major.
    let c: [Double]
    let r: Int
    let d: Int
    /// Label of coordinate `z_k` being zero, and of constraint row `l` being tight.
    let coordinateLabels: [Int]
    let rowLabels: [Int]

    struct Vertex {
        var z: [Double]
        var labels: LabelSet
        var basis: [Int]
    }

    /// Column `k` of the slack form `[C | I]`.
    @inline(__always) func column(_ k: Int, into w: inout [Double]) {
        if k < d {
            for i in 0..<r { w[i] = c[i + k * r] }
        } else {
            for i in 0..<r { w[i] = 0 }
            w[k - d] = 1
        }
    }

    /// All vertices (including the origin). Stops early and reports `complete = false` when `basisLimit`
    /// bases have been visited or `shouldStop()` returns true.
    func vertices(basisLimit: Int, shouldStop: () -> Bool) -> (vertices: [Vertex], complete: Bool) {
        let tol = 1e-9
        var seenBases = Set<LabelSet>()
        var seenVertices = [[Int64]: Int]()
        var result: [Vertex] = []
        var queue: [[Int]] = [Array(d..<(d + r))]
        var start = LabelSet()
        for k in queue[0] { start.insert(k) }
        seenBases.insert(start)
        var lu = [Double](repeating: 0, count: r * r)
        var piv = [Int32](repeating: 0, count: r)
        // One dgesv per basis solves B [x_B | W] = [1 | C | I]: the vertex and every entering column at once.
        let nrhs = 1 + d + r
        var rhs = [Double](repeating: 0, count: r * nrhs)
        var xB = [Double](repeating: 0, count: r)
        var w = [Double](repeating: 0, count: r)
        var isBasic = [Bool](repeating: false, count: d + r)
        var head = 0
        let rr = Int32(r)
        while head < queue.count {
            if seenBases.count > basisLimit || (head & 255 == 0 && shouldStop()) { return (result, false) }
            let basis = queue[head]
            head += 1
            for (pos, k) in basis.enumerated() {
                column(k, into: &w)
                for i in 0..<r { lu[i + pos * r] = w[i] }
            }
            for i in 0..<r { rhs[i] = 1 }
            for k in 0..<d { for i in 0..<r { rhs[i + (1 + k) * r] = c[i + k * r] } }
            for l in 0..<r { for i in 0..<r { rhs[i + (1 + d + l) * r] = i == l ? 1 : 0 } }
            let info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, rr, Int32(nrhs), &lu, rr, &piv, &rhs, rr)
            if info != 0 { continue }
            for i in 0..<r { xB[i] = rhs[i] }
            // Record the vertex.
            var z = [Double](repeating: 0, count: d)
            var slack = [Double](repeating: 0, count: r)
            for i in 0..<d + r { isBasic[i] = false }
            for (pos, k) in basis.enumerated() {
                isBasic[k] = true
                let v = abs(xB[pos]) < tol ? 0 : xB[pos]
                if k < d { z[k] = v } else { slack[k - d] = v }
            }
            let key = z.map { Int64(($0 * 1e9).rounded()) }
            if seenVertices[key] == nil {
                var labels = LabelSet()
                for k in 0..<d where z[k] <= tol { labels.insert(coordinateLabels[k]) }
                for l in 0..<r where slack[l] <= tol { labels.insert(rowLabels[l]) }
                seenVertices[key] = result.count
                result.append(Vertex(z: z, labels: labels, basis: basis))
            }
            // Neighbours: every entering column, every tied leaving row.
            for q in 0..<(d + r) where !isBasic[q] {
                let base = (1 + q) * r
                for i in 0..<r { w[i] = rhs[base + i] }
                var theta = Double.infinity
                for i in 0..<r where w[i] > tol { theta = min(theta, max(xB[i], 0) / w[i]) }
                if theta == .infinity { continue }
                for i in 0..<r where w[i] > tol && abs(max(xB[i], 0) / w[i] - theta) <= tol * max(1, theta) {
                    var next = basis
                    next[i] = q
                    var key = LabelSet()
                    for k in next { key.insert(k) }
                    if seenBases.insert(key).inserted { queue.append(next) }
                }
            }
        }
        return (result, true)
    }
}
