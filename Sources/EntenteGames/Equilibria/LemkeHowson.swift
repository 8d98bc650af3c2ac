/// The Lemke–Howson algorithm (Lemke & Howson 1964) for one equilibrium of a bimatrix game, with
/// lexicographic minimum-ratio pivoting so degenerate games cannot make it cycle (von Stengel 2002, §3.7).
///
/// Starting from the artificial equilibrium (0, 0), label `k` is dropped and the complementary pivoting
/// path is followed alternately in `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : Ay ≤ 1}` until label `k` is
/// picked up again. ``solveAllLabels(_:tolerance:)`` runs all m + n starting labels and returns the distinct
/// equilibria reached; that set is generally not every equilibrium (`complete = false`).
/// - Complexity: each pivot O(non-basic columns × rows) = O(max(m, n)²); the path length is exponential in the worst case
///   (Savani & von Stengel 2006) but short on random games. `maxPivots` bounds it.
/// - Tolerance: pivot entries above 1e-12; the result is verified to `tolerance × max(1, payoff range)`.
public enum LemkeHowson {
    /// One equilibrium, from dropping label `label` (0..<m are player 1's strategies, m..<m+n player 2's).
    public static func solve(_ game: NormalFormGame, label: Int = 0, tolerance: Double = EquilibriumVerifier.defaultTolerance,
                             maxPivots: Int = 1_000_000) throws(EquilibriumError) -> NashEquilibrium {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        guard label >= 0 && label < m + n else { throw .invalidLabel(label: label, count: m + n) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard maxPivots >= 1 else { throw .invalidLimit(value: maxPivots, minimum: 1) }
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        let scaled = game.scaledForSolving()  // payoffs in (−1, 1): pivot thresholds independent of the units
        let a = VertexEnumeration.shifted(scaled.payoffs[0]), b = VertexEnumeration.shifted(scaled.payoffs[1])
        // Tableau P: n rows, Bᵀx + s = 1; variables x_0..x_{m-1} (labels 0..m-1), s_0..s_{n-1} (labels m..m+n-1).
        var tp = Tableau(rows: n, variables: m + n)
        for j in 0..<n {
            for i in 0..<m { tp[j, i] = b[i + j * m] }
            tp[j, m + j] = 1
            tp.basis[j] = m + j
        }
        // Tableau Q: m rows, r + A y = 1; variables r_0..r_{m-1} (labels 0..m-1), y_0..y_{n-1} (labels m..).
        var tq = Tableau(rows: m, variables: m + n)
        for i in 0..<m {
            tq[i, i] = 1
            for j in 0..<n { tq[i, m + j] = a[i + j * m] }
            tq.basis[i] = i
        }
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
        for (row, v) in tp.basis.enumerated() where v < m { x[v] = max(0, tp.rhs(row)) }
        for (row, v) in tq.basis.enumerated() where v >= m { y[v - m] = max(0, tq.rhs(row)) }
        let profile = MixedProfile(unchecked: [VertexEnumeration.normalise(x), VertexEnumeration.normalise(y)])
        return try EquilibriumVerifier.verify(profile, in: game, tolerance: tol)
    }

    /// Distinct equilibria reached from all m + n dropped labels.
    public static func solveAllLabels(_ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance)
        throws(EquilibriumError) -> NashResult
    {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let total = game.strategyCounts[0] + game.strategyCounts[1]
        var found: [NashEquilibrium] = []
        for k in 0..<total {
            let e = try solve(game, label: k, tolerance: tolerance)
            if !found.contains(where: { ProfileDistance.max($0.profile, e.profile) < 1e-8 }) { found.append(e) }
        }
        return NashResult(method: "lemke", complete: false, equilibria: found,
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

/// A dense simplex tableau `[M | rhs]` whose initial basis is the identity on the slack columns
/// (needed for the lexicographic rule: the rows of `B⁻¹` are the slack columns).
struct Tableau {
    let rows: Int
    let variables: Int
    /// `rows × (variables + 1)` column-major; the last column is the right-hand side.
    var t: [Double]
    var basis: [Int]
    /// Column indices of the initial basis (the identity), in row order.
    var initialBasis: [Int] = []
    /// Whether each variable is basic (filled on the first pivot).
    var isBasic: [Bool] = []
    /// Pivot-column multipliers, reused across pivots.
    var factors: [Double] = []

    init(rows: Int, variables: Int) {
        self.rows = rows
        self.variables = variables
        t = [Double](repeating: 0, count: rows * (variables + 1))
        basis = [Int](repeating: -1, count: rows)
        for i in 0..<rows { t[i + variables * rows] = 1 }
    }

    subscript(i: Int, j: Int) -> Double {
        get { t[i + j * rows] }
        set { t[i + j * rows] = newValue }
    }

    func rhs(_ i: Int) -> Double { t[i + variables * rows] }

    /// Pivots `entering` into the basis by the lexicographic minimum-ratio rule; returns the leaving variable.
    mutating func pivot(entering e: Int) -> Int {
        if initialBasis.isEmpty { initialBasis = basis }
        var best = -1
        for i in 0..<rows where self[i, e] > 1e-12 {
            if best < 0 || lexLess(i, best, e) { best = i }
        }
        if best < 0 { return -1 }
        let leaving = basis[best]
        if isBasic.isEmpty {
            isBasic = [Bool](repeating: false, count: variables)
            for v in basis where v >= 0 { isBasic[v] = true }
        }
        isBasic[leaving] = false
        isBasic[e] = true
        if factors.count != rows { factors = [Double](repeating: 0, count: rows) }
        // Move the buffers out of `self` so the hot loop runs on locals (no exclusivity checks per access).
        var tt: [Double] = []
        var ff: [Double] = []
        swap(&tt, &t)
        swap(&ff, &factors)
        let basic = isBasic
        let rows = self.rows, variables = self.variables
        tt.withUnsafeMutableBufferPointer { tb in
            ff.withUnsafeMutableBufferPointer { f in
                let piv = tb[best + e * rows]
                // Multipliers of the pivot column, saved before the column itself changes.
                for i in 0..<rows { f[i] = tb[i + e * rows] }
                // Basic columns are unit vectors whose pivot-row entry is 0: they do not change, so only the
                // non-basic columns (now including the leaving variable's) and the right-hand side are updated.
                let fp = f.baseAddress!
                for j in 0...variables where j == variables || !basic[j] {
                    let col = tb.baseAddress! + j &* rows  // unchecked pointer arithmetic lets the loop vectorise
                    let pj = col[best] / piv
                    if pj == 0 { continue }
                    for i in 0..<rows { col[i] -= fp[i] * pj }
                    col[best] = pj
                }
                let base = e * rows
                for i in 0..<rows { tb[base + i] = 0 }
                tb[best + base] = 1
            }
        }
        swap(&tt, &t)
        swap(&ff, &factors)
        basis[best] = e
        return leaving
    }

    /// Row `i` lexicographically smaller than row `k` in (rhs, B⁻¹ columns) / pivot column.
    func lexLess(_ i: Int, _ k: Int, _ e: Int) -> Bool {
        let pi = self[i, e], pk = self[k, e]
        let ri = rhs(i) / pi, rk = rhs(k) / pk
        if abs(ri - rk) > 1e-12 * max(1, abs(ri), abs(rk)) { return ri < rk }
        for col in initialBasis {
            let a = self[i, col] / pi, b = self[k, col] / pk
            if abs(a - b) > 1e-12 * max(1, abs(a), abs(b)) { return a < b }
        }
        return i < k
    }
}
