import CLAPACKE

/// A best-response polytope `{z ∈ ℝᵈ : z ≥ 0, C z ≤ 1}` with labelled facets, and the enumeration of
/// its vertices over feasible bases (all bases, so degenerate vertices are found through every basis that
/// represents them): by reverse search (``verticesByReverseSearch(basisLimit:memoryLimit:shouldStop:)``, memory
/// bounded by the vertices found), or by a breadth-first search that stores the bases it has seen (the fallback
/// when a reverse-search pivoting decision is numerically ambiguous).
///
/// For a bimatrix game (A, B) with positive payoffs, `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : A y ≤ 1}`
/// (von Stengel 2002, "Computing equilibria for two-person games"); exact coordinates, where they matter, come
/// from ``Certify``.
struct BestResponsePolytope {
    /// `C`, `r × d`, column-major.
    let c: [Double]
    let r: Int
    let d: Int
    /// Label of coordinate `z_k` being zero, and of constraint row `l` being tight.
    let coordinateLabels: [Int]
    let rowLabels: [Int]

    /// A vertex as 32 bytes: its tight labels and one basis that defines it (coordinates are recomputed on demand by
    /// ``point(_:)``, so the memory per vertex found does not grow with the game's size).
    struct Vertex {
        var labels: LabelSet
        var basisSet: LabelSet
        /// The basic variables, increasing (z_k for k < d, slack of row k − d otherwise).
        var basis: [Int] {
            var out: [Int] = []
            for k in 0..<128 where basisSet.isSuperset(of: .single(k)) { out.append(k) }
            return out
        }
    }

    /// Whether `v` is the origin (every coordinate label tight). O(d).
    func isOrigin(_ v: Vertex) -> Bool { coordinateLabels.allSatisfy { v.labels.isSuperset(of: .single($0)) } }

    /// The coordinates z of a vertex: solves `B z_B = 1` for its basis by LAPACK LU; entries below 1e-9 in absolute
    /// value become 0, as in the search. nil if the basis is numerically singular. O(r³).
    func point(_ v: Vertex) -> [Double]? {
        let basis = v.basis
        guard basis.count == r else { return nil }
        var bmat = [Double](repeating: 0, count: r * r)
        for (pos, k) in basis.enumerated() {
            for i in 0..<r { bmat[i + pos * r] = k < d ? c[i + k * r] : (i == k - d ? 1 : 0) }
        }
        var rhs = [Double](repeating: 1, count: r)
        var ipiv = [Int32](repeating: 0, count: max(1, r))
        let info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, Int32(r), 1, &bmat, Int32(r), &ipiv, &rhs, Int32(r))
        guard info == 0 else { return nil }
        var z = [Double](repeating: 0, count: d)
        for (pos, k) in basis.enumerated() where k < d { z[k] = abs(rhs[pos]) < 1e-9 ? 0 : rhs[pos] }
        return z
    }

    /// Why an enumeration stopped early.
    enum StopReason: String, Sendable {
        case basisLimit = "basis limit reached"
        case memoryLimit = "memory limit reached"
        case cancelled = "stopped (timeout or interrupt)"
    }

    /// Bytes per slot of a set of label sets (16-byte element plus the hash table's metadata, rounded up).
    static let bytesPerSeenBasis = 18

    /// All vertices (including the origin): reverse search, or — if one of its pivoting decisions is numerically
    /// ambiguous — the breadth-first search over bases. Limits as in ``verticesByBreadthFirstSearch(basisLimit:memoryLimit:shouldStop:)``.
    func vertices(basisLimit: Int, memoryLimit: Int = Int.max, shouldStop: () -> Bool)
        -> (vertices: [Vertex], complete: Bool, reason: StopReason?)
    {
        if let found = verticesByReverseSearch(basisLimit: basisLimit, memoryLimit: memoryLimit, shouldStop: shouldStop)
        {
            return found
        }
        return verticesByBreadthFirstSearch(basisLimit: basisLimit, memoryLimit: memoryLimit, shouldStop: shouldStop)
    }

    /// All vertices (including the origin) by breadth-first search over feasible bases. Stops early and reports `complete = false` with a reason when
    /// `basisLimit` bases have been visited, when the memory allocated by the search (the frontier, the sets of seen
    /// bases and vertices, the vertices found) would exceed `memoryLimit` bytes, or when `shouldStop()` returns true
    /// (polled every 64 processed bases and every 64 new bases, so a deadline is honoured within milliseconds).
    ///
    /// The breadth-first frontier holds only bases (16-byte label sets); a basis's tableau `B⁻¹[1 | C | I]` is
    /// recomputed by one LAPACK solve (`dgesv`, O(r³ + r²·(d + r))) when it is dequeued. Memory is therefore the set of
    /// seen bases plus a frontier of label sets — not a frontier of tableaux, which took gigabytes on 20 × 20 games.
    func verticesByBreadthFirstSearch(basisLimit: Int, memoryLimit: Int = Int.max, shouldStop: () -> Bool)
        -> (vertices: [Vertex], complete: Bool, reason: StopReason?)
    {
        let tol = 1e-9
        let width = 1 + d + r
        let cell = r * width
        var seenBases = Set<LabelSet>()
        var seenVertices = Set<LabelSet>()  // a vertex is determined by its full set of tight labels
        var result: [Vertex] = []
        // Right-hand sides [1 | C | I] of every tableau.
        var template = [Double](repeating: 0, count: cell)
        for i in 0..<r { template[i] = 1 }
        for k in 0..<d { for i in 0..<r { template[i + (1 + k) * r] = c[i + k * r] } }
        for l in 0..<r { template[l + (1 + d + l) * r] = 1 }
        var start = LabelSet()
        for k in d..<(d + r) { start.insert(k) }
        seenBases.insert(start)
        var queue: [LabelSet] = [start]
        var isBasic = [Bool](repeating: false, count: d + r)
        var basis = [Int](repeating: 0, count: r)
        var t = [Double](repeating: 0, count: cell)
        var bmat = [Double](repeating: 0, count: r * r)
        var ipiv = [Int32](repeating: 0, count: max(1, r))
        var z = [Double](repeating: 0, count: d)
        var slack = [Double](repeating: 0, count: r)
        var head = 0, processed = 0, created = 0
        let vertexBytes = MemoryLayout<Vertex>.stride
        // Allocated (not just used) storage: arrays and hash sets grow by doubling.
        func memoryUsed() -> Int {
            queue.capacity &* 16 &+ (seenBases.capacity &+ seenVertices.capacity)
                &* BestResponsePolytope.bytesPerSeenBasis
                &+ result.capacity &* vertexBytes
        }
        while head < queue.count {
            if seenBases.count > basisLimit { return (result, false, .basisLimit) }
            if memoryUsed() > memoryLimit { return (result, false, .memoryLimit) }
            if processed & 63 == 0 && shouldStop() { return (result, false, .cancelled) }
            processed += 1
            let key = queue[head]
            head += 1
            if head > 65_536 && 2 * head > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            var count = 0
            for k in 0..<(d + r) where key.isSuperset(of: LabelSet.single(k)) {
                if count < r { basis[count] = k }
                count += 1
            }
            guard count == r else { continue }
            // Tableau of this basis: B⁻¹[1 | C | I] by one LU solve.
            for (pos, k) in basis.enumerated() {
                for i in 0..<r { bmat[i + pos * r] = k < d ? c[i + k * r] : (i == k - d ? 1 : 0) }
            }
            t.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: template, count: cell) }
            let info = bmat.withUnsafeMutableBufferPointer { bp in
                ipiv.withUnsafeMutableBufferPointer { pp in
                    t.withUnsafeMutableBufferPointer { tp in
                        LAPACKE_dgesv_work(
                            LAPACK_COL_MAJOR, Int32(r), Int32(width), bp.baseAddress, Int32(r), pp.baseAddress,
                            tp.baseAddress, Int32(r))
                    }
                }
            }
            if info != 0 { continue }  // numerically singular: not a basis after all
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
            if seenVertices.insert(labels).inserted { result.append(Vertex(labels: labels, basisSet: key)) }
            // Neighbours: every entering column, every tied leaving row; new bases join the frontier.
            for q in 0..<(d + r) where !isBasic[q] {
                let col = (1 + q) * r
                var theta = Double.infinity
                for i in 0..<r where t[col + i] > tol { theta = min(theta, max(t[i], 0) / t[col + i]) }
                if theta == .infinity { continue }
                for i in 0..<r where t[col + i] > tol && abs(max(t[i], 0) / t[col + i] - theta) <= tol * max(1, theta) {
                    var next = LabelSet()
                    for (pos, k) in basis.enumerated() { next.insert(pos == i ? q : k) }
                    guard seenBases.insert(next).inserted else { continue }
                    queue.append(next)
                    created += 1
                    if created & 63 == 0 {
                        if memoryUsed() > memoryLimit { return (result, false, .memoryLimit) }
                        if shouldStop() { return (result, false, .cancelled) }
                    }
                }
            }
        }
        return (result, true, nil)
    }
}
