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

    /// Why an enumeration stopped early.
    enum StopReason: String, Sendable {
        case basisLimit = "basis limit reached"
        case memoryLimit = "memory limit reached"
        case cancelled = "stopped (timeout or interrupt)"
    }

    /// Bytes per slot of a set of label sets (16-byte element plus the hash table's metadata, rounded up).
    static let bytesPerSeenBasis = 18

    /// All vertices (including the origin). Stops early and reports `complete = false` with a reason when
    /// `basisLimit` bases have been visited, when the estimated memory of the search (queued tableaux, the set of
    /// seen bases and the vertices found) would exceed `memoryLimit` bytes, or when `shouldStop()` returns true
    /// (polled every 64 processed bases and every 64 new bases, so a deadline is honoured within milliseconds).
    ///
    /// Each queued basis carries its tableau `B⁻¹[1 | C | I]`; a neighbour's tableau is one pivot away, and is built
    /// only for bases not seen before. The root tableau is exact (B = I).
    func vertices(basisLimit: Int, memoryLimit: Int = Int.max, shouldStop: () -> Bool)
        -> (vertices: [Vertex], complete: Bool, reason: StopReason?)
    {
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
        var head = 0, entries = 1, processed = 0, created = 0
        let vertexBytes = (d + r) * 8 + 96
        // Allocated (not just used) storage: the pools grow by doubling, and the hash sets by doubling their slots.
        func memoryUsed() -> Int {
            (tabPool.capacity &+ basisPool.capacity) &* 8 &+ (seenBases.capacity &+ seenVertices.capacity) &* BestResponsePolytope.bytesPerSeenBasis
                &+ result.count &* vertexBytes
        }
        while head < entries {
            if seenBases.count > basisLimit { return (result, false, .basisLimit) }
            if memoryUsed() > memoryLimit { return (result, false, .memoryLimit) }
            if processed & 63 == 0 && shouldStop() { return (result, false, .cancelled) }
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
                    created += 1
                    if created & 63 == 0 {
                        if memoryUsed() > memoryLimit { return (result, false, .memoryLimit) }
                        if shouldStop() { return (result, false, .cancelled) }
                    }
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
        return (result, true, nil)
    }
}
