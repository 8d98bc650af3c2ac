/// All extreme Nash equilibria of a bimatrix game by vertex enumeration of the best-response polytopes
/// (Mangasarian 1964; Avis, Rosenberg, Savani & von Stengel 2010), as Gambit's `enummixed` does.
///
/// Complete for every game, degenerate or not: a pair of vertices `(x, y)` of `P × Q` (both non-zero) is
/// an extreme equilibrium iff every label is a label of `x` or of `y`. Each equilibrium is tagged with its
/// connected component of the equilibrium set (components of the bipartite graph of complementary
/// vertex pairs), so continua are reported by their extreme points, never silently dropped.
/// - Complexity: O(V · (r³ + (m+n)·r²)) for V feasible bases, plus O(|V_P|·|V_Q|) pairing; exponential in
///   the worst case. Limited by `maxBases` (reported `complete = false` when hit).
/// - Tolerance: labels at 1e-9 on the normalised polytope; every equilibrium verified to
///   `tolerance × max(1, payoff range)`.
public enum VertexEnumeration {
    /// Default limit on feasible bases visited per polytope.
    public static let defaultMaxBases = 2_000_000
    /// Default limit on the memory allocated by the search, per polytope: 256 MiB (queued tableaux of the breadth-first
    /// frontier, the sets of seen bases and vertices, the vertices found), so about 512 MiB for a game.
    public static let defaultMemoryLimit = 256 << 20

    /// All extreme equilibria of a two-player game, verified and grouped into components; `maxBases` bounds the
    /// search per polytope, `memoryLimit` its estimated memory in bytes (per polytope), and `shouldStop` is polled
    /// every 64 bases and during pairing; when any of them stops the search the result is marked incomplete and
    /// ``NashResult/incompleteReason`` says why.
    public static func solve(_ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance,
                             maxBases: Int = defaultMaxBases, memoryLimit: Int = defaultMemoryLimit,
                             shouldStop: () -> Bool = { false }) throws(EquilibriumError) -> NashResult {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        guard m + n <= 128 else { throw .tooLarge(size: m + n, limit: 128) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard maxBases >= 1 else { throw .invalidLimit(value: maxBases, minimum: 1) }
        guard memoryLimit >= 1 else { throw .invalidLimit(value: memoryLimit, minimum: 1) }
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        // The polytopes are built from payoffs scaled into (−1, 1) (exact power-of-two scaling), so the label
        // tolerance does not depend on the units; equilibria are verified in the original game.
        let (p, q) = polytopes(game.scaledForSolving())
        let (vp, cp, rp) = p.vertices(basisLimit: maxBases, memoryLimit: memoryLimit, shouldStop: shouldStop)
        // Q is searched even when P stopped at a limit (the pairs found are still verified equilibria), not when cancelled.
        var (vq, cq, rq) = ([BestResponsePolytope.Vertex](), false, BestResponsePolytope.StopReason?.none)
        if rp != .cancelled { (vq, cq, rq) = q.vertices(basisLimit: maxBases, memoryLimit: memoryLimit, shouldStop: shouldStop) }
        var reason = (rp ?? rq)?.rawValue
        let all = LabelSet.all(m + n)
        // Complementary pairs. A nondegenerate x-vertex has exactly m labels and pairs only with the y-vertex whose
        // labels are its complement (hash lookup) or with degenerate y-vertices (more than n labels, scanned).
        let xs = vp.indices.filter { !p.isOrigin(vp[$0]) }
        let ys = vq.indices.filter { !q.isOrigin(vq[$0]) }
        var exactY: [LabelSet: [Int]] = [:]
        var degenerateY: [Int] = []
        for j in ys { if vq[j].labels.count == n { exactY[vq[j].labels, default: []].append(j) } else { degenerateY.append(j) } }
        var pairs: [(Int, Int)] = []
        pairing: for (count, i) in xs.enumerated() {
            if count & 1023 == 1023 && shouldStop() { reason = reason ?? BestResponsePolytope.StopReason.cancelled.rawValue; break pairing }
            let need = all.subtracting(vp[i].labels)
            if vp[i].labels.count == m {
                for j in exactY[need] ?? [] { pairs.append((i, j)) }
                for j in degenerateY where vq[j].labels.isSuperset(of: need) { pairs.append((i, j)) }
            } else {
                for j in ys where vq[j].labels.isSuperset(of: need) { pairs.append((i, j)) }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let components = connectedComponents(pairs)
        var equilibria: [NashEquilibrium] = []
        for (k, (i, j)) in pairs.enumerated() {
            guard let zx = p.point(vp[i]), let zy = q.point(vq[j]) else { throw .verificationFailed(regret: .nan, tolerance: tol) }
            let x = normalise(zx), y = normalise(zy)
            equilibria.append(try EquilibriumVerifier.verify(MixedProfile(unchecked: [x, y]), in: game, tolerance: tol,
                                                             component: components[k], vertexBases: (vp[i].basis, vq[j].basis)))
        }
        return NashResult(method: "enumerate", complete: reason == nil && cp && cq, equilibria: equilibria, tolerance: tol,
                          incompleteReason: reason)
    }

    /// P = {x ≥ 0 : B'ᵀx ≤ 1}, Q = {y ≥ 0 : A'y ≤ 1} with payoffs shifted to be ≥ 1.
    static func polytopes(_ game: NormalFormGame) -> (BestResponsePolytope, BestResponsePolytope) {
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        let a = shifted(game.payoffs[0]), b = shifted(game.payoffs[1])
        var bt = [Double](repeating: 0, count: m * n)  // n × m column-major = Bᵀ
        for j in 0..<n { for i in 0..<m { bt[j + i * n] = b[i + j * m] } }
        let p = BestResponsePolytope(c: bt, r: n, d: m, coordinateLabels: Array(0..<m), rowLabels: Array(m..<(m + n)))
        let q = BestResponsePolytope(c: a, r: m, d: n, coordinateLabels: Array(m..<(m + n)), rowLabels: Array(0..<m))
        return (p, q)
    }

    static func shifted(_ u: [Double]) -> [Double] {
        let lo = u.min() ?? 0
        return u.map { $0 - lo + 1 }
    }

    static func normalise(_ z: [Double]) -> [Double] {
        let s = z.reduce(0, +)
        return z.map { $0 / s }
    }

    /// Component index per pair: union-find over pairs that share an x-vertex or a y-vertex.
    static func connectedComponents(_ pairs: [(Int, Int)]) -> [Int] {
        var parent = Array(0..<pairs.count)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        var byX = [Int: Int](), byY = [Int: Int]()
        for (k, (i, j)) in pairs.enumerated() {
            if let o = byX[i] { parent[find(k)] = find(o) } else { byX[i] = k }
            if let o = byY[j] { parent[find(k)] = find(o) } else { byY[j] = k }
        }
        var ids = [Int: Int]()
        return (0..<pairs.count).map { k in
            let root = find(k)
            if let id = ids[root] { return id }
            ids[root] = ids.count
            return ids[root]!
        }
    }
}
