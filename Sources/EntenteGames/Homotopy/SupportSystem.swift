/// The polynomial system whose solutions are the candidate Nash equilibria with a given support profile
/// (McKelvey & McLennan 1997; Datta 2003).
///
/// Players whose support has one strategy play it; the others ("active" players, or groups) get homogeneous
/// unknowns `z_j ∈ ℂ^{k_j}` (unnormalised probabilities on their support `S_j`, `k_j = |S_j| ≥ 2`). For each active
/// player `i` and each `s ∈ S_i` after the first `s₀`, the indifference equation
///
///     E_{i,s}(z) = Σ_{s₋ᵢ ∈ S₋ᵢ} (uᵢ(s, s₋ᵢ) − uᵢ(s₀, s₋ᵢ)) Π_{j active, j ≠ i} z_j[s_j] = 0
///
/// is multihomogeneous of degree 1 in every other active group and 0 in its own, so the system has the
/// multihomogeneous structure a linear-product start system respects (Morgan & Sommese 1987). Each group is
/// completed by a patch `a_j · z_j = 1` (random complex `a_j`), which makes solutions "at infinity" of the affine
/// normalisation `Σ z_j = 1` finite points with `Σ z_j = 0`. The real affine form (unknowns `σ_j(s)`, `s ≠ s₀`, and
/// `σ_j(s₀) = 1 − Σ`) is used for polishing and certification.
/// - Complexity: one evaluation with Jacobian costs O(Σₑ Π_{j≠i} k_j · n) operations.
struct SupportSystem: Sendable {
    /// One indifference equation: player `player`'s strategy `supports[player][strategy]` against the first.
    struct Equation: Sendable {
        let player: Int
        let strategy: Int
        /// Group indices of the other active players, increasing (the factors of the multilinear form).
        let others: [Int]
        /// Coefficients over the others' local strategy indices, the first factor fastest.
        let coefficients: [Double]
    }

    /// Support (sorted strategy indices) per player.
    let supports: [[Int]]
    /// Active players (support size ≥ 2), increasing; group g is player `active[g]`.
    let active: [Int]
    /// Offset of group g's unknowns in `z`.
    let groupOffset: [Int]
    /// k_j of group g.
    let groupSize: [Int]
    /// Number of homogeneous unknowns, Σ k_j (= number of equations including the patches).
    let variableCount: Int
    /// The indifference equations, grouped by player.
    let equations: [Equation]

    /// Builds the system of `game` for `supports` (validated by the caller: non-empty, sorted, in range).
    /// O(Σₑ Π_{j≠i} k_j · n).
    init(game: NormalFormGame, supports: [[Int]]) {
        self.supports = supports
        let n = game.playerCount
        let act = (0..<n).filter { supports[$0].count >= 2 }
        let sizes = act.map { supports[$0].count }
        active = act
        groupSize = sizes
        var off: [Int] = []
        var total = 0
        for k in groupSize { off.append(total); total += k }
        groupOffset = off
        variableCount = total
        var eqs: [Equation] = []
        var profile = supports.map { $0[0] }
        for (g, i) in act.enumerated() {
            let others = (0..<act.count).filter { $0 != g }
            let counts = others.map { sizes[$0] }
            let size = counts.reduce(1, *)
            for r in 1..<supports[i].count {
                var coef = [Double](repeating: 0, count: size)
                var idx = [Int](repeating: 0, count: others.count)
                for k in 0..<size {
                    for (q, h) in others.enumerated() { profile[act[h]] = supports[act[h]][idx[q]] }
                    profile[i] = supports[i][r]
                    let hi = game.payoff(player: i, profile: profile)
                    profile[i] = supports[i][0]
                    coef[k] = hi - game.payoff(player: i, profile: profile)
                    var q = 0
                    while q < idx.count {
                        idx[q] += 1
                        if idx[q] < counts[q] { break }
                        idx[q] = 0
                        q += 1
                    }
                }
                eqs.append(Equation(player: i, strategy: r, others: others, coefficients: coef))
            }
            profile = supports.map { $0[0] }
        }
        equations = eqs
    }

    /// Number of affine real unknowns, Σ (k_j − 1) = number of indifference equations.
    var affineCount: Int { equations.count }

    /// Adds the value of equation `e` at `z` into `value` and its gradient into row `row` of the column-major
    /// `ld`-row matrix `jacobian` (both scaled by `weight`); returns the unscaled value. `scratch` must hold at least
    /// `others.count + 1` entries and `index` `others.count`.
    @discardableResult
    func accumulate(
        _ e: Int, at z: [Complex], weight: Complex, value: inout Complex, jacobian: inout [Complex], row: Int, ld: Int,
        scratch: inout [Complex], index: inout [Int]
    ) -> Complex {
        let eq = equations[e]
        let m = eq.others.count
        for q in 0..<m { index[q] = 0 }
        var acc = Complex.zero
        for k in 0..<eq.coefficients.count {
            let c = eq.coefficients[k]
            if c != 0 {
                scratch[0] = .one
                for q in 0..<m { scratch[q + 1] = scratch[q] * z[groupOffset[eq.others[q]] + index[q]] }
                acc += c * scratch[m]
                var suffix = weight
                for q in stride(from: m - 1, through: 0, by: -1) {
                    let col = groupOffset[eq.others[q]] + index[q]
                    jacobian[row + col * ld] += c * (scratch[q] * suffix)
                    suffix = suffix * z[col]
                }
            }
            var q = 0
            while q < m {
                index[q] += 1
                if index[q] < groupSize[eq.others[q]] { break }
                index[q] = 0
                q += 1
            }
        }
        value += weight * acc
        return acc
    }

    /// The stacked probabilities of the active groups from affine unknowns `x` (σ_j(s₀) = 1 − Σ), as homogeneous
    /// coordinates `z` (length Σ k_j).
    func homogeneous(_ x: [Double]) -> [Complex] {
        var z = [Complex](repeating: .zero, count: variableCount)
        var p = 0
        for g in 0..<active.count {
            var rest = 1.0
            for t in 1..<groupSize[g] { z[groupOffset[g] + t] = Complex(x[p]); rest -= x[p]; p += 1 }
            z[groupOffset[g]] = Complex(rest)
        }
        return z
    }

    /// Real affine residual `f(x)` and Jacobian (column-major `m × m`, m = ``affineCount``).
    func affine(_ x: [Double]) -> (f: [Double], jacobian: [Double]) {
        let m = affineCount, nv = variableCount
        let z = homogeneous(x)
        var jz = [Complex](repeating: .zero, count: max(1, m * nv))
        var scratch = [Complex](repeating: .zero, count: active.count + 1)
        var index = [Int](repeating: 0, count: active.count)
        var f = [Double](repeating: 0, count: m)
        for e in 0..<m {
            var v = Complex.zero
            accumulate(
                e, at: z, weight: .one, value: &v, jacobian: &jz, row: e, ld: m, scratch: &scratch, index: &index)
            f[e] = v.re
        }
        var jac = [Double](repeating: 0, count: m * m)
        var p = 0
        for g in 0..<active.count {
            for t in 1..<groupSize[g] {
                for e in 0..<m { jac[e + p * m] = jz[e + (groupOffset[g] + t) * m].re - jz[e + groupOffset[g] * m].re }
                p += 1
            }
        }
        return (f, jac)
    }

    /// Affine unknowns from a full probability profile (the non-first support strategies of each active player).
    func affineUnknowns(_ sigma: [[Double]]) -> [Double] {
        var x: [Double] = []
        for i in active { for s in supports[i].dropFirst() { x.append(sigma[i][s]) } }
        return x
    }

    /// The full profile (every player, every strategy) from affine unknowns; with `x` empty, only the pure players'
    /// strategies are filled in.
    func profile(_ x: [Double], strategyCounts: [Int]) -> [[Double]] {
        var sigma = strategyCounts.map { [Double](repeating: 0, count: $0) }
        for (i, s) in supports.enumerated() where s.count == 1 { sigma[i][s[0]] = 1 }
        guard x.count == affineCount else { return sigma }  // the pure players only
        var p = 0
        for (g, i) in active.enumerated() {
            var rest = 1.0
            for t in 1..<groupSize[g] { sigma[i][supports[i][t]] = x[p]; rest -= x[p]; p += 1 }
            sigma[i][supports[i][0]] = rest
        }
        return sigma
    }
}
