/// All extreme Nash equilibria of a bimatrix game by vertex enumeration of the best-response polytopes
/// (Mangasarian 1964; Avis, Rosenberg, Savani & von Stengel 2010), as Gambit's `enummixed` and lrsnash do.
///
/// Complete for every game, degenerate or not: a pair of vertices `(x, y)` of `P × Q` (both non-zero) is
/// an extreme equilibrium iff every label is a label of `x` or of `y`. Each equilibrium is tagged with its
/// connected component of the equilibrium set (components of the bipartite graph of complementary
/// vertex pairs), so continua are reported by their extreme points, never silently dropped.
///
/// Steps: (1) strictly dominated pure strategies are removed iteratively (`StrictDominance`; exact comparisons) and
/// the reduced game is solved — its equilibria, padded with zeros, are exactly the original game's; (2) each
/// polytope's vertices are enumerated by reverse search over its feasible bases (Avis & Fukuda 1992; Avis 2000),
/// which stores nothing but the vertices found and one dictionary per level of the search tree (falling back to a
/// breadth-first search over all bases, which stores the bases seen, if a pivoting decision is numerically
/// ambiguous); (3) vertices are matched by their label bitsets: a nondegenerate x-vertex (exactly m labels) can
/// only pair with the y-vertex whose label set is its complement (one hash lookup) or with a degenerate y-vertex
/// (scanned); (4) every pair is verified in the original game.
/// - Complexity: O(F · d · (r + d)) per polytope for F feasible bases (exponential in the worst case), plus
///   O(V_P + V_Q + V_P · D_Q) for the matching (D_Q degenerate y-vertices) and O(m·n) per equilibrium verified.
///   Memory: the vertices found (32 bytes each), the search stack and the equilibria — bounded by `memoryLimit`.
/// - Tolerance: labels and pivoting decisions at 1e-9 on the normalised polytope; every equilibrium verified to
///   `tolerance × max(1, payoff range)`.
public enum VertexEnumeration {
    /// Default limit on feasible bases visited per polytope.
    public static let defaultMaxBases = 2_000_000
    /// Default limit on the memory the enumeration allocates, for the whole game: 512 MiB (vertices found, search
    /// stacks, the matching and the equilibria; the breadth-first fallback's sets of bases count too).
    public static let defaultMemoryLimit = 512 << 20

    /// Estimated bytes per equilibrium returned (profile arrays, payoffs, bases and bookkeeping) for 2-player games
    /// with `strategies` strategies in all.
    static func bytesPerEquilibrium(strategies: Int) -> Int { 256 + 24 * strategies }

    /// Which vertex search to run (tests compare them; ``solve(_:tolerance:maxBases:memoryLimit:shouldStop:)`` uses
    /// reverse search with its automatic fallback).
    enum Search: Sendable { case reverse, breadthFirst }

    /// All extreme equilibria of a two-player game, verified and grouped into components; `maxBases` bounds the
    /// search per polytope, `memoryLimit` the bytes the enumeration allocates (for the whole game), and `shouldStop`
    /// is polled every 64 bases, during matching and during verification; when any of them stops the search the
    /// result is marked incomplete and ``NashResult/incompleteReason`` says why ("basis limit reached", "memory limit
    /// reached", "stopped (timeout or interrupt)"). The equilibria found before the stop are still returned, verified.
    public static func solve(
        _ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance,
        maxBases: Int = defaultMaxBases, memoryLimit: Int = defaultMemoryLimit,
        shouldStop: () -> Bool = { false }
    ) throws(EquilibriumError) -> NashResult {
        try solve(
            game, tolerance: tolerance, maxBases: maxBases, memoryLimit: memoryLimit, search: .reverse,
            pruneDominated: true, shouldStop: shouldStop)
    }

    static func solve(
        _ game: NormalFormGame, tolerance: Double, maxBases: Int, memoryLimit: Int, search: Search,
        pruneDominated: Bool, shouldStop: () -> Bool
    ) throws(EquilibriumError) -> NashResult {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        guard m + n <= 128 else { throw .tooLarge(size: m + n, limit: 128) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard maxBases >= 1 else { throw .invalidLimit(value: maxBases, minimum: 1) }
        guard memoryLimit >= 1 else { throw .invalidLimit(value: memoryLimit, minimum: 1) }
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        // The polytopes are built from payoffs scaled into (−1, 1) (exact power-of-two scaling), so the label
        // tolerance does not depend on the units; equilibria are verified in the original game.
        let scaled = game.scaledForSolving()
        let dominance =
            pruneDominated
            ? StrictDominance(a: scaled.payoffs[0], b: scaled.payoffs[1], m: m, n: n)
            : StrictDominance(rows: Array(0..<m), columns: Array(0..<n))
        let rm = dominance.rows.count, rn = dominance.columns.count
        let (p, q) = polytopes(
            a: dominance.restrict(scaled.payoffs[0], m: m), b: dominance.restrict(scaled.payoffs[1], m: m),
            m: rm, n: rn)
        func enumerate(_ poly: BestResponsePolytope, _ budget: Int) -> (
            [BestResponsePolytope.Vertex], Bool, BestResponsePolytope.StopReason?
        ) {
            switch search {
            case .reverse: return poly.vertices(basisLimit: maxBases, memoryLimit: budget, shouldStop: shouldStop)
            case .breadthFirst:
                return poly.verticesByBreadthFirstSearch(
                    basisLimit: maxBases, memoryLimit: budget, shouldStop: shouldStop)
            }
        }
        let vertexBytes = MemoryLayout<BestResponsePolytope.Vertex>.stride
        let (vp, cp, rp) = enumerate(p, memoryLimit)
        // Q is searched even when P stopped at a limit (the pairs found are still verified equilibria), not when cancelled.
        var (vq, cq, rq) = ([BestResponsePolytope.Vertex](), false, BestResponsePolytope.StopReason?.none)
        if rp != .cancelled { (vq, cq, rq) = enumerate(q, max(1, memoryLimit - vp.capacity * vertexBytes)) }
        var reason = (rp ?? rq)?.rawValue
        // Matching by label bitsets (reduced labels: 0..<rm rows, rm..<rm+rn columns). Label sets identify vertices, so
        // a nondegenerate x-vertex (exactly rm labels) pairs with at most one y-vertex with exactly rn labels (found by
        // hashing its complement) and possibly with degenerate y-vertices (more than rn labels, scanned).
        let all = LabelSet.all(rm + rn)
        var exactY: [LabelSet: Int32] = [:]
        exactY.reserveCapacity(vq.count)
        var degenerateY: [Int] = []
        var ys: [Int] = []
        for j in vq.indices where !q.isOrigin(vq[j]) {
            ys.append(j)
            if vq[j].labels.count == rn { exactY[vq[j].labels] = Int32(j) } else { degenerateY.append(j) }
        }
        let perPair = bytesPerEquilibrium(strategies: m + n) + 16
        var budget = memoryLimit - (vp.capacity + vq.capacity) * vertexBytes - exactY.capacity * 24 - ys.capacity * 16
        var pairs: [(Int, Int)] = []
        pairing: for i in vp.indices where !p.isOrigin(vp[i]) {
            if i & 1023 == 1023 && shouldStop() {
                reason = reason ?? BestResponsePolytope.StopReason.cancelled.rawValue; break pairing
            }
            let need = all.subtracting(vp[i].labels)
            func add(_ j: Int) -> Bool {
                budget -= perPair
                if budget < 0 { reason = reason ?? BestResponsePolytope.StopReason.memoryLimit.rawValue; return false }
                pairs.append((i, j))
                return true
            }
            if vp[i].labels.count == rm {
                if let j = exactY[need], !add(Int(j)) { break pairing }
                for j in degenerateY where vq[j].labels.isSuperset(of: need) { if !add(j) { break pairing } }
            } else {
                for j in ys where vq[j].labels.isSuperset(of: need) { if !add(j) { break pairing } }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let components = connectedComponents(pairs)
        // Bases in the original game's polytopes (for exact certification): reduced indices mapped back, and the
        // slacks of the removed opponent strategies (strictly positive at every equilibrium) made basic.
        let removedColumns = (0..<n).filter { !dominance.columns.contains($0) }
        let removedRows = (0..<m).filter { !dominance.rows.contains($0) }
        func originalBasis(_ basis: [Int], own: [Int], opponent: [Int], ownCount: Int, removedOpponent: [Int]) -> [Int]
        {
            let d = own.count
            var out = basis.map { $0 < d ? own[$0] : ownCount + opponent[$0 - d] }
            out += removedOpponent.map { ownCount + $0 }
            return out.sorted()
        }
        var equilibria: [NashEquilibrium] = []
        equilibria.reserveCapacity(pairs.count)
        var x = [Double](repeating: 0, count: m), y = [Double](repeating: 0, count: n)
        for (k, (i, j)) in pairs.enumerated() {
            if k & 1023 == 1023 && shouldStop() {
                reason = reason ?? BestResponsePolytope.StopReason.cancelled.rawValue; break
            }
            guard let zx = p.point(vp[i]), let zy = q.point(vq[j]) else {
                throw .verificationFailed(regret: .nan, tolerance: tol)
            }
            let sx = zx.reduce(0, +), sy = zy.reduce(0, +)
            for s in 0..<m { x[s] = 0 }
            for s in 0..<n { y[s] = 0 }
            for (pos, s) in dominance.rows.enumerated() { x[s] = zx[pos] / sx }
            for (pos, s) in dominance.columns.enumerated() { y[s] = zy[pos] / sy }
            let bases = (
                originalBasis(
                    vp[i].basis, own: dominance.rows, opponent: dominance.columns, ownCount: m,
                    removedOpponent: removedColumns),
                originalBasis(
                    vq[j].basis, own: dominance.columns, opponent: dominance.rows, ownCount: n,
                    removedOpponent: removedRows)
            )
            equilibria.append(
                try EquilibriumVerifier.verify(
                    MixedProfile(unchecked: [x, y]), in: game, tolerance: tol,
                    component: components[k], vertexBases: bases))
        }
        return NashResult(
            method: .vertexEnumeration, complete: reason == nil && cp && cq, equilibria: equilibria, tolerance: tol,
            incompleteReason: reason)
    }

    /// P = {x ≥ 0 : B'ᵀx ≤ 1}, Q = {y ≥ 0 : A'y ≤ 1} for m × n column-major payoff matrices `a`, `b`, with payoffs
    /// shifted to be ≥ 1.
    static func polytopes(a: [Double], b: [Double], m: Int, n: Int) -> (BestResponsePolytope, BestResponsePolytope) {
        let a = shifted(a), b = shifted(b)
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
        func find(_ i: Int) -> Int {
            var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i
        }
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
