/// The core, least core, nucleolus and prenucleolus of TU games, by linear programming.
///
/// Every LP here has one row per player (plus one) and one column per coalition: the coalition constraints
/// `x(S) + ε ≥ v(S)` are handled through the **dual** LP, so the simplex basis stays (n+1)×(n+1) even with
/// 2ⁿ coalitions, and the dual solution tells directly which coalitions are tight in every optimum.
public enum CoreSolutions {
    /// The least core: the smallest ε such that some efficient x has `x(S) + ε ≥ v(S)` for all S ∉ {∅, N}.
    public struct LeastCore: Sendable {
        /// ε*: the core is non-empty iff ε* ≤ 0 (Bondareva 1963; Shapley 1967).
        public let epsilon: Double
        /// A point of the least core.
        public let point: [Double]
    }

    /// Whether `x` is in the core: efficient (|x(N) − v(N)| ≤ tol) and `x(S) ≥ v(S) − tol` for every S. O(n·2ⁿ).
    public static func isInCore(_ x: [Double], of game: CoalitionalGame, tolerance: Double = 1e-9) -> Bool {
        guard x.count == game.playerCount else { return false }
        let n = game.playerCount
        var sums = [Double](repeating: 0, count: 1 << n)
        for m in 1..<(1 << n) {
            sums[m] = sums[m & (m - 1)] + x[(m & -m).trailingZeroBitCount]
            if sums[m] < game.values[m] - tolerance { return false }
        }
        return abs(sums[(1 << n) - 1] - game.values[(1 << n) - 1]) <= tolerance
    }

    /// Least core (ε and a point). Core non-emptiness is `leastCore(g).epsilon ≤ 0`.
    /// - Complexity: one LP with n + 1 rows and 2ⁿ − 2 columns.
    public static func leastCore(_ game: CoalitionalGame) throws(CooperativeError) -> LeastCore {
        let round = try solveRound(game, fixed: [(game.grand, 0)], individuallyRational: false)
        return LeastCore(epsilon: round.epsilon, point: round.x)
    }

    /// Whether the core is non-empty (Bondareva–Shapley, via the least-core LP), within `tolerance`.
    public static func coreIsNonEmpty(_ game: CoalitionalGame, tolerance: Double = 1e-9) throws(CooperativeError)
        -> Bool
    {
        try leastCore(game).epsilon <= tolerance
    }

    /// The nucleolus (Schmeidler 1969) over imputations, by the sequential LP method (Maschler, Peleg &
    /// Shapley 1979). Verified with Kohlberg's (1971) criterion before it is returned.
    /// - Complexity: at most n LPs of n + 1 rows and ≤ 2ⁿ columns. Tolerance 1e-9 on excesses.
    /// Throws `.emptyImputationSet` if the imputation set is empty (Σ v({i}) > v(N), relative tolerance 1e-12).
    public static func nucleolus(_ game: CoalitionalGame) throws(CooperativeError) -> [Double] {
        try sequential(game, individuallyRational: true)
    }

    /// The prenucleolus (over all efficient vectors), by the same sequential LPs, Kohlberg-verified.
    public static func prenucleolus(_ game: CoalitionalGame) throws(CooperativeError) -> [Double] {
        try sequential(game, individuallyRational: false)
    }

    /// The least-squares prenucleolus (Ruiz, Valenciano & Zarzuelo 1996): minimises Σ_S (v(S) − x(S))² over
    /// S ∉ {∅, N} subject to x(N) = v(N), solved as an unconstrained least-squares problem in n − 1 unknowns
    /// by LAPACK `dgelsd`. O(n²·2ⁿ).
    public static func leastSquaresPrenucleolus(_ game: CoalitionalGame) throws(CooperativeError) -> [Double] {
        let n = game.playerCount
        let vN = game[game.grand]
        if n == 1 { return [vN] }
        let rows = (1 << n) - 2
        var a = Matrix(rows: rows, columns: n - 1)
        var b = [Double](repeating: 0, count: rows)
        let last = n - 1
        for m in 1..<((1 << n) - 1) {
            let r = m - 1
            let s = Coalition(mask: UInt64(m))
            // x(S) with x_last = v(N) − Σ_{i<last} x_i.
            var rhs = game.values[m]
            if s.contains(last) {
                rhs -= vN
                for i in 0..<last { a[r, i] = s.contains(i) ? 0 : -1 }
            } else {
                for i in 0..<last where s.contains(i) { a[r, i] = 1 }
            }
            b[r] = rhs
        }
        let sol: LeastSquares.Solution
        do { sol = try LeastSquares.solve(a, b) } catch { throw .linearProgramFailed }
        var x = sol.x
        x.append(vN - x.reduce(0, +))
        return x
    }

    struct Round { let epsilon: Double; let x: [Double]; let tight: [Coalition] }

    /// One LP: min ε s.t. x(S) + ε ≥ v(S) (S free), x(T) = v(T) − e_T (T fixed), x_i ≥ v(i) if IR — solved
    /// through its dual: max Σ v(S) y_S + Σ (v(T) − e_T) z_T + Σ v(i) μ_i s.t. Σ y_S 1_S + Σ z_T 1_T + μ = 0, Σ y = 1.
    static func solveRound(
        _ game: CoalitionalGame, fixed: [(Coalition, Double)], individuallyRational: Bool,
        free freeList: [Coalition]? = nil
    ) throws(CooperativeError) -> Round {
        let n = game.playerCount
        let free = freeList ?? (1..<((1 << n) - 1)).map { Coalition(mask: UInt64($0)) }
        let ny = free.count, nz = fixed.count, nm = individuallyRational ? n : 0
        let cols = ny + nz + nm
        var aeq = Matrix(rows: n + 1, columns: cols)
        var c = [Double](repeating: 0, count: cols)
        var lower = [Double](repeating: 0, count: cols)
        for (k, s) in free.enumerated() {
            for i in s.members { aeq[i, k] = 1 }
            aeq[n, k] = 1
            c[k] = -game[s]
        }
        for (k, (t, e)) in fixed.enumerated() {
            for i in t.members { aeq[i, ny + k] = 1 }
            c[ny + k] = -(game[t] - e)
            lower[ny + k] = -.infinity
        }
        for i in 0..<nm {
            aeq[i, ny + nz + i] = 1
            c[ny + nz + i] = -game[Coalition([i])]
        }
        var beq = [Double](repeating: 0, count: n + 1)
        beq[n] = 1
        let solution: LinearProgramSolution
        do {
            let lp = try LinearProgram(objective: c, equalityMatrix: aeq, equalityBounds: beq, lowerBounds: lower)
            solution = try SimplexSolver().solve(lp)
        } catch { throw .linearProgramFailed }
        guard solution.status == .optimal else { throw .linearProgramFailed }
        // Primal (x, ε) = −(equality marginals of the dual).
        let x = (0..<n).map { -solution.equalityDuals[$0] }
        let epsilon = -solution.equalityDuals[n]
        let tight = free.enumerated().filter { solution.x[$0.offset] > 1e-10 }.map(\.element)
        return Round(epsilon: epsilon, x: x, tight: tight)
    }

    /// One sequential-LP round by constraint generation (the dual gains columns): start from the singletons, their
    /// complements and the previous round's candidates, solve, add every coalition whose constraint the solution
    /// violates, and repeat until none is violated. The restricted optimum is then optimal for the full round, and
    /// its positive duals still identify coalitions tight in every optimum. Falls back to the full LP after 50 passes.
    static func generatedRound(
        _ game: CoalitionalGame, fixed: [(Coalition, Double)], individuallyRational: Bool,
        free: [Coalition]
    ) throws(CooperativeError) -> Round {
        let n = game.playerCount
        guard free.count > 4 * n else {
            return try solveRound(game, fixed: fixed, individuallyRational: individuallyRational, free: free)
        }
        let grandMask = game.grand.mask
        var active = Set<UInt64>()
        let freeMasks = Set(free.map(\.mask))
        for i in 0..<n {
            for m in [UInt64(1) << UInt64(i), grandMask & ~(UInt64(1) << UInt64(i))] where freeMasks.contains(m) {
                active.insert(m)
            }
        }
        var sums = [Double](repeating: 0, count: 1 << n)
        for _ in 0..<50 {
            let list = active.sorted().map { Coalition(mask: $0) }
            let round = try solveRound(game, fixed: fixed, individuallyRational: individuallyRational, free: list)
            // Excesses of every free coalition at the restricted optimum; add the violated ones (largest first, capped).
            for m in 1..<(1 << n) { sums[m] = sums[m & (m - 1)] + round.x[(m & -m).trailingZeroBitCount] }
            let tol = 1e-9 * max(1, abs(round.epsilon))
            var violated: [(UInt64, Double)] = []
            for c in free where !active.contains(c.mask) {
                let e = game.values[Int(c.mask)] - sums[Int(c.mask)]
                if e > round.epsilon + tol { violated.append((c.mask, e)) }
            }
            if violated.isEmpty { return round }
            violated.sort { $0.1 > $1.1 }
            for (m, _) in violated.prefix(max(2 * n, 16)) { active.insert(m) }
        }
        return try solveRound(game, fixed: fixed, individuallyRational: individuallyRational, free: free)
    }

    static func sequential(_ game: CoalitionalGame, individuallyRational: Bool) throws(CooperativeError) -> [Double] {
        let n = game.playerCount
        if individuallyRational {
            let sumSingles = (0..<n).reduce(0) { $0 + game[Coalition([$1])] }
            let scale = max(1, abs(game[game.grand]), (0..<n).reduce(0) { $0 + abs(game[Coalition([$1])]) })
            guard sumSingles <= game[game.grand] + 1e-12 * scale else { throw .emptyImputationSet }
        }
        var fixed: [(Coalition, Double)] = [(game.grand, 0)]
        var span = SpanBasis(dimension: n)
        span.add(game.grand)
        var x = [Double](repeating: game[game.grand] / Double(n), count: n)
        var free = (1..<((1 << n) - 1)).map { Coalition(mask: UInt64($0)) }
        while span.rank < n {
            free = free.filter { !span.contains($0) }
            if free.isEmpty { break }
            let round = try generatedRound(game, fixed: fixed, individuallyRational: individuallyRational, free: free)
            x = round.x
            var grew = false
            for s in round.tight where !span.contains(s) {
                fixed.append((s, round.epsilon))
                span.add(s)
                grew = true
            }
            if !grew { throw .verificationFailed }
        }
        guard Kohlberg.isNucleolus(x, of: game, individuallyRational: individuallyRational) else {
            throw .verificationFailed
        }
        return x
    }
}

/// An orthonormal basis (modified Gram–Schmidt) of the span of coalition indicator vectors.
struct SpanBasis {
    let dimension: Int
    var vectors: [[Double]] = []
    var rank: Int { vectors.count }

    init(dimension: Int) { self.dimension = dimension }

    func residual(_ s: Coalition) -> [Double] {
        var r = (0..<dimension).map { s.contains($0) ? 1.0 : 0.0 }
        for q in vectors {
            let d = Vector.dot(q, r)
            for i in 0..<dimension { r[i] -= d * q[i] }
        }
        return r
    }

    func contains(_ s: Coalition) -> Bool { Vector.norm2(residual(s)) < 1e-9 }

    mutating func add(_ s: Coalition) {
        let r = residual(s)
        let norm = Vector.norm2(r)
        if norm >= 1e-9 { vectors.append(r.map { $0 / norm }) }
    }
}

/// Kohlberg's (1971) characterisation of the (pre)nucleolus by balanced collections.
public enum Kohlberg {
    /// Whether `x` is the prenucleolus (or, with `individuallyRational`, the nucleolus) of `game`: for each
    /// excess level, the coalitions at or above it form a balanced collection (for the nucleolus, together with
    /// the singletons at their individually rational bound, which may get weight 0). Levels are checked until
    /// the collection spans ℝⁿ, after which balancedness is inherited.
    /// - Complexity: at most n feasibility LPs (n rows, ≤ 2ⁿ columns) plus sorting 2ⁿ excesses.
    public static func isNucleolus(
        _ x: [Double], of game: CoalitionalGame, individuallyRational: Bool = false,
        tolerance: Double = 1e-9
    ) -> Bool {
        let n = game.playerCount
        guard x.count == n, abs(x.reduce(0, +) - game[game.grand]) <= tolerance else { return false }
        if n == 1 { return true }
        var excess: [(Coalition, Double)] = []
        for m in 1..<((1 << n) - 1) {
            let s = Coalition(mask: UInt64(m))
            excess.append((s, game.values[m] - s.members.reduce(0) { $0 + x[$1] }))
        }
        excess.sort { $0.1 > $1.1 }
        let atBound = individuallyRational ? (0..<n).filter { x[$0] <= game[Coalition([$0])] + tolerance } : []
        if individuallyRational && (0..<n).contains(where: { x[$0] < game[Coalition([$0])] - tolerance }) {
            return false
        }
        var span = SpanBasis(dimension: n)
        span.add(game.grand)
        var k = 0
        while k < excess.count && span.rank < n {
            let level = excess[k].1
            while k < excess.count && excess[k].1 >= level - tolerance { span.add(excess[k].0); k += 1 }
            let collection = excess[0..<k].map(\.0)
            if !isBalanced(collection, players: n, optional: atBound.map { Coalition([$0]) }) { return false }
        }
        return true
    }

    /// Whether weights λ_S ≥ 1 (S in `collection`) and μ ≥ 0 (S in `optional`) exist with Σ λ_S 1_S + Σ μ 1 = t·1_N.
    static func isBalanced(_ collection: [Coalition], players n: Int, optional: [Coalition]) -> Bool {
        let all = collection + optional
        let cols = all.count + 1
        var aeq = Matrix(rows: n, columns: cols)
        for (k, s) in all.enumerated() { for i in s.members { aeq[i, k] = 1 } }
        for i in 0..<n { aeq[i, all.count] = -1 }
        var lower = [Double](repeating: 1, count: cols)
        for k in collection.count..<all.count { lower[k] = 0 }
        lower[all.count] = 0
        guard
            let lp = try? LinearProgram(
                objective: [Double](repeating: 0, count: cols), equalityMatrix: aeq,
                equalityBounds: [Double](repeating: 0, count: n), lowerBounds: lower),
            let s = try? SimplexSolver().solve(lp)
        else { return false }
        return s.status == .optimal
    }
}
