/// A best-response polytope `{z ∈ ℝᵈ : z ≥ 0, C z ≤ 1}` with labelled facets, and the enumeration of
/// its vertices by breadth-first search over feasible bases (all bases, so degenerate vertices are found
/// through every basis that represents them).
///
/// For a bimatrix game (A, B) with positive payoffs, `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : A y ≤ 1}`
/// (von Stengel 2002, "Computing equilibria for two-person games"). The search pivots a dense tableau from basis
/// to basis (O(r·(d + r)) per new basis); exact coordinates, where they matter, come from ``Certify``.
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

    /// All vertices (including the origin). Stops early and reports `complete = false` when `basisLimit`
    /// bases have been visited or `shouldStop()` returns true.
    ///
    /// Each queued basis carries its tableau `B⁻¹[1 | C | I]`; a neighbour's tableau is one pivot away, and is built
    /// only for bases not seen before. The root tableau is exact (B = I).
    func vertices(basisLimit: Int, shouldStop: () -> Bool) -> (vertices: [Vertex], complete: Bool) {
        let tol = 1e-9
        let width = 1 + d + r
        var seenBases = Set<LabelSet>()
        var seenVertices = Set<LabelSet>()  // a vertex is determined by its full set of tight labels
        var result: [Vertex] = []
        var root = [Double](repeating: 0, count: r * width)
        for i in 0..<r { root[i] = 1 }
        for k in 0..<d { for i in 0..<r { root[i + (1 + k) * r] = c[i + k * r] } }
        for l in 0..<r { root[l + (1 + d + l) * r] = 1 }
        var queue: [(basis: [Int], tableau: [Double])] = [(Array(d..<(d + r)), root)]
        var start = LabelSet()
        for k in queue[0].basis { start.insert(k) }
        seenBases.insert(start)
        var isBasic = [Bool](repeating: false, count: d + r)
        var head = 0
        while head < queue.count {
            if seenBases.count > basisLimit || (head & 255 == 0 && shouldStop()) { return (result, false) }
            let basis = queue[head].basis
            let t = queue[head].tableau
            queue[head].tableau = []  // release memory as the search advances
            head += 1
            // Record the vertex.
            var z = [Double](repeating: 0, count: d)
            var slack = [Double](repeating: 0, count: r)
            for i in 0..<d + r { isBasic[i] = false }
            for (pos, k) in basis.enumerated() {
                isBasic[k] = true
                let v = abs(t[pos]) < tol ? 0 : t[pos]
                if k < d { z[k] = v } else { slack[k - d] = v }
            }
            var labels = LabelSet()
            for k in 0..<d where z[k] <= tol { labels.insert(coordinateLabels[k]) }
            for l in 0..<r where slack[l] <= tol { labels.insert(rowLabels[l]) }
            if seenVertices.insert(labels).inserted { result.append(Vertex(z: z, labels: labels, basis: basis)) }
            // Neighbours: every entering column, every tied leaving row.
            t.withUnsafeBufferPointer { tb in
                for q in 0..<(d + r) where !isBasic[q] {
                    let col = (1 + q) * r
                    var theta = Double.infinity
                    for i in 0..<r where tb[col + i] > tol { theta = min(theta, max(tb[i], 0) / tb[col + i]) }
                    if theta == .infinity { continue }
                    for i in 0..<r where tb[col + i] > tol && abs(max(tb[i], 0) / tb[col + i] - theta) <= tol * max(1, theta) {
                        var next = basis
                        next[i] = q
                        var key = LabelSet()
                        for k in next { key.insert(k) }
                        guard seenBases.insert(key).inserted else { continue }
                        // Pivot on (i, q): row i divided by the pivot, the others eliminated.
                        var nt = [Double](repeating: 0, count: r * width)
                        nt.withUnsafeMutableBufferPointer { nb in
                            let piv = tb[col + i]
                            for j in 0..<width {
                                let src = tb.baseAddress! + j &* r, dst = nb.baseAddress! + j &* r
                                let pj = src[i] / piv
                                for row in 0..<r { dst[row] = src[row] - tb[col + row] * pj }
                                dst[i] = pj
                            }
                        }
                        queue.append((next, nt))
                    }
                }
            }
        }
        return (result, true)
    }
}
