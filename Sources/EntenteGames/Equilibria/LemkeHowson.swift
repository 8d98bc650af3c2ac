/// The Lemke–Howson algorithm (Lemke & Howson 1964) for one equilibrium of a bimatrix game, with
/// lexicographic minimum-ratio pivoting so degenerate games cannot make it cycle (von Stengel 2002, §3.7).
///
/// Starting from the artificial equilibrium (0, 0), label `k` is dropped and the complementary pivoting
/// path is followed alternately in `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : Ay ≤ 1}` until label `k` is
/// picked up again. ``solveAllLabels(_:tolerance:)`` runs all m + n starting labels and returns the distinct
/// equilibria reached; that set is generally not every equilibrium (`complete = false`).
/// Each polytope is held as a condensed tableau (dictionary) of its nonbasic columns with delayed, blocked rank-1
/// updates (`LemkeHowsonTableau`), so a pivot reads one column and one row and the whole dictionary is rewritten
/// only once per 32 pivots by a `dgemm`.
/// - Complexity: each pivot O(max(m, n)²) flops (amortised, in BLAS-3) plus O(max(m, n)·32); the path length is
///   exponential in the worst case (Savani & von Stengel 2006) and on random integer games grows quickly with size
///   (414 pivots at 200 × 200, 183 138 at 500 × 500 on one seed). `maxPivots` bounds it.
/// - Tolerance: pivot entries above 1e-12; the result is verified to `tolerance × max(1, payoff range)`.
public enum LemkeHowson {
    /// One equilibrium, from dropping label `label` (0..<m are player 1's strategies, m..<m+n player 2's), as a
    /// result with method ``NashResult/Method/lemkeHowson``, one equilibrium and `complete = false`.
    ///
    /// Throws ``EquilibriumError/wrongPlayerCount(expected:actual:)`` unless the game has two players,
    /// ``EquilibriumError/invalidLabel(label:count:)`` for a label outside `0..<m + n`,
    /// ``EquilibriumError/invalidLimit(value:minimum:)`` for `maxPivots < 1` and
    /// ``EquilibriumError/noConvergence(steps:)`` when the path is longer than `maxPivots`.
    public static func solve(
        _ game: NormalFormGame, label: Int = 0, tolerance: Double = EquilibriumVerifier.defaultTolerance,
        maxPivots: Int = 1_000_000
    ) throws(EquilibriumError) -> NashResult {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        guard label >= 0 && label < m + n else { throw .invalidLabel(label: label, count: m + n) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard maxPivots >= 1 else { throw .invalidLimit(value: maxPivots, minimum: 1) }
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        // Payoffs scaled by 2^solvingExponent into (−1, 1) (pivot thresholds independent of the units) and shifted to
        // u − min u + 1 ≥ 1, in one pass per player, straight into the two dictionaries (the same values as
        // `VertexEnumeration.shifted(game.scaledForSolving().payoffs[p])`, without the intermediate copies).
        let exponent = game.solvingExponent
        func prepared(_ u: [Double], into out: inout [Double], transposed: Bool) {
            var lo = Double.infinity
            for v in u { lo = min(lo, v) }
            let scaledLow = Double(sign: .plus, exponent: exponent, significand: lo)
            for j in 0..<n {
                for i in 0..<m {
                    let v = Double(sign: .plus, exponent: exponent, significand: u[i + j * m]) - scaledLow + 1
                    out[transposed ? j + i * n : i + j * m] = v
                }
            }
        }
        // Dictionary P: n rows, Bᵀx + s = 1; variables x_0..x_{m-1} (labels 0..m-1, nonbasic at the start) and
        // s_0..s_{n-1} (labels m..m+n-1, the initial basis).
        var bt = [Double](repeating: 0, count: m * n)
        prepared(game.payoffs[1], into: &bt, transposed: true)
        var tp = LemkeHowsonTableau(
            rows: n, variables: m + n, basis: Array(m..<(m + n)), nonbasic: Array(0..<m), columns: bt)
        // Dictionary Q: m rows, r + A y = 1; variables r_0..r_{m-1} (labels 0..m-1, the initial basis) and
        // y_0..y_{n-1} (labels m.., nonbasic at the start).
        var a = [Double](repeating: 0, count: m * n)
        prepared(game.payoffs[0], into: &a, transposed: false)
        var tq = LemkeHowsonTableau(
            rows: m, variables: m + n, basis: Array(0..<m), nonbasic: Array(m..<(m + n)), columns: a)
        // In both tableaux, variable index == label.
        var entering = label
        var inP = label < m
        var pivots = 0
        while true {
            pivots += 1
            if pivots > maxPivots { throw .noConvergence(steps: pivots) }
            let leaving: Int
            if inP { leaving = tp.pivot(entering: entering) } else { leaving = tq.pivot(entering: entering) }
            if leaving < 0 { throw .noConvergence(steps: pivots) }
            if leaving == label { break }
            entering = leaving
            inP.toggle()
        }
        var x = [Double](repeating: 0, count: m), y = [Double](repeating: 0, count: n)
        for (row, v) in tp.basis.enumerated() where v < m { x[v] = max(0, tp.rhs[row]) }
        for (row, v) in tq.basis.enumerated() where v >= m { y[v - m] = max(0, tq.rhs[row]) }
        let profile = MixedProfile(unchecked: [VertexEnumeration.normalise(x), VertexEnumeration.normalise(y)])
        let e = try EquilibriumVerifier.verify(profile, in: game, tolerance: tol)
        return NashResult(method: .lemkeHowson, complete: false, equilibria: [e], tolerance: tol)
    }

    /// Distinct equilibria reached from all m + n dropped labels (method ``NashResult/Method/lemkeHowson``,
    /// `complete = false`: the labels need not reach every equilibrium).
    public static func solveAllLabels(_ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance)
        throws(EquilibriumError) -> NashResult
    {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let total = game.strategyCounts[0] + game.strategyCounts[1]
        var found: [NashEquilibrium] = []
        for k in 0..<total {
            let e = try solve(game, label: k, tolerance: tolerance).equilibria[0]
            if !found.contains(where: { ProfileDistance.max($0.profile, e.profile) < 1e-8 }) { found.append(e) }
        }
        return NashResult(
            method: .lemkeHowson, complete: false, equilibria: found,
            tolerance: EquilibriumVerifier.absoluteTolerance(tolerance, for: game))
    }
}

/// Sup-norm distance between mixed profiles (used to deduplicate equilibria).
public enum ProfileDistance {
    /// `max |p − q|` over all players and strategies. O(Σ strategies).
    public static func max(_ p: MixedProfile, _ q: MixedProfile) -> Double {
        var d = 0.0
        for (a, b) in zip(p.probabilities, q.probabilities) { for (u, v) in zip(a, b) { d = Swift.max(d, abs(u - v)) } }
        return d
    }
}
