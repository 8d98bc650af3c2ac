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
        let cell = r * width
        var seenBases = Set<LabelSet>()
        var seenVertices = Set<LabelSet>()  // a vertex is determined by its full set of tight labels
        var result: [Vertex] = []
        // The BFS queue lives in two flat pools (bases and tableaux), compacted as the head advances: no allocation
        // per basis.
        var basisPool: [Int] = Array(d..<(d + r))
        var tabPool = [Double](repeating: 0, count: cell)
        for i in 0..<r { tabPool[i] = 1 }
        for k in 0..<d { for i in 0..<r { tabPool[i + (1 + k) * r] = c[i + k * r] } }
        for l in 0..<r { tabPool[l + (1 + d + l) * r] = 1 }
        var start = LabelSet()
        for k in basisPool { start.insert(k) }
        seenBases.insert(start)
        var isBasic = [Bool](repeating: false, count: d + r)
        var basis = [Int](repeating: 0, count: r)
        var t = [Double](repeating: 0, count: cell)
        var z = [Double](repeating: 0, count: d)
        var slack = [Double](repeating: 0, count: r)
        var head = 0, entries = 1, processed = 0
        while head < entries {
            if seenBases.count > basisLimit || (processed & 255 == 0 && shouldStop()) { return (result, false) }
            processed += 1
            for i in 0..<r { basis[i] = basisPool[head * r + i] }
            t.withUnsafeMutableBufferPointer { tb in
                tabPool.withUnsafeBufferPointer { pb in
                    tb.baseAddress!.update(from: pb.baseAddress! + head * cell, count: cell)
                }
            }
            head += 1
            if head > 4096 && 2 * head > entries {
                basisPool.removeFirst(head * r)
                tabPool.removeFirst(head * cell)
                entries -= head
                head = 0
            }
            // Record the vertex.
            for k in 0..<d { z[k] = 0 }
            for l in 0..<r { slack[l] = 0 }
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
            // Neighbours: every entering column, every tied leaving row; new bases are pivoted into the pool.
            for q in 0..<(d + r) where !isBasic[q] {
                let col = (1 + q) * r
                var theta = Double.infinity
                for i in 0..<r where t[col + i] > tol { theta = min(theta, max(t[i], 0) / t[col + i]) }
                if theta == .infinity { continue }
                for i in 0..<r where t[col + i] > tol && abs(max(t[i], 0) / t[col + i] - theta) <= tol * max(1, theta) {
                    var key = LabelSet()
                    for (pos, k) in basis.enumerated() { key.insert(pos == i ? q : k) }
                    guard seenBases.insert(key).inserted else { continue }
                    for (pos, k) in basis.enumerated() { basisPool.append(pos == i ? q : k) }
                    let base = tabPool.count
                    tabPool.append(contentsOf: repeatElement(0.0, count: cell))
                    t.withUnsafeBufferPointer { tb in
                        tabPool.withUnsafeMutableBufferPointer { nb in
                            let piv = tb[col + i]
                            let pc = tb.baseAddress! + col
                            for j in 0..<width {
                                let src = tb.baseAddress! + j &* r, dst = nb.baseAddress! + (base &+ j &* r)
                                let pj = src[i] / piv
                                for row in 0..<r { dst[row] = src[row] - pc[row] * pj }
                                dst[i] = pj
                            }
                        }
                    }
                    entries += 1
                }
            }
        }
        return (result, true)
    }
}
