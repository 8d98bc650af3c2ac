import CLAPACKE

/// A computer-assisted proof that a true solution of a support system — and, when `isEquilibrium`, a true Nash
/// equilibrium — lies within `radius` (max-norm, in probabilities) of a printed profile.
///
/// The Krawczyk test (Krawczyk 1969; Moore 1977): for the real affine indifference system `f(x) = 0`, a point `x̃`,
/// `Y ≈ f′(x̃)⁻¹` and the box `X = x̃ + [−ρ, ρ]^m`, if `K(X) = x̃ − Y f(x̃) + (I − Y f′(X))(X − x̃)` lies in the
/// interior of `X` then `X` contains exactly one zero of `f`. Every quantity is evaluated in outward-rounded
/// interval arithmetic from the game's payoffs as stored. The zero is an equilibrium when, over the whole box, every
/// support probability stays non-negative and no strategy outside a support earns more than the support's first
/// strategy (interval evaluation of the deviation payoffs, upper end ≤ 0); a tie outside the support that the box
/// cannot resolve leaves `isEquilibrium` false.
public struct IntervalCertificate: Sendable, Equatable {
    /// Max-norm radius (in probabilities) of the box around the printed profile that contains the unique zero.
    public let radius: Double
    /// Whether the zero in the box is proven to be a Nash equilibrium (strict inequalities over the box).
    public let isEquilibrium: Bool
    /// "krawczyk".
    public let method: String
}

/// Builds ``IntervalCertificate``s for profiles found by ``HomotopyEnumeration``, or a ``CertificateFailure`` saying
/// why there is none.
/// - Complexity: O(m · Π k_j · n) interval operations per box tried, plus O(m³) for `Y`; at most 12 boxes.
enum KrawczykTest {
    /// Certifies the solution near `profile` of the support system of `supports` in `game`, or says why not: the
    /// Jacobian is numerically singular there (σmin/σmax ≤ 1e-10, a multiple root) or no radius up to 1e-4 passes.
    static func certify(
        game: NormalFormGame, supports: [[Int]], profile: [[Double]]
    ) -> Result<IntervalCertificate, CertificateFailure> {
        let system = SupportSystem(game: game, supports: supports)
        let m = system.affineCount
        let x0 = system.affineUnknowns(profile)
        let maxGroup = system.groupSize.map { $0 - 1 }.max() ?? 0
        if m == 0 {
            // Pure profile: only the strict best-response test (no unknowns).
            let box = intervals(system: system, x: [], radius: 0, counts: game.strategyCounts)
            return .success(
                IntervalCertificate(
                    radius: 0, isEquilibrium: noBetterDeviation(game: game, supports: supports, box: box),
                    method: "krawczyk"))
        }
        let (_, jac) = system.affine(x0)
        // Why a test fails: a numerically singular Jacobian (multiple root) or no contraction despite a regular one.
        func failure() -> CertificateFailure {
            let ratio = reciprocalCondition(jac, order: m)
            return ratio <= 1e-10
                ? .singularJacobian(reciprocalCondition: ratio) : .noContraction(reciprocalCondition: ratio)
        }
        guard let lu = try? LUFactorization(Matrix(rows: m, columns: m, columnMajor: jac)) else {
            return .failure(failure())
        }
        // Y = J(x̃)⁻¹ column by column (any approximate inverse is valid in Krawczyk's theorem).
        var y = [Double](repeating: 0, count: m * m)
        for c in 0..<m {
            var e = [Double](repeating: 0, count: m)
            e[c] = 1
            guard let col = try? lu.solve(e) else { return .failure(failure()) }
            for r in 0..<m { y[r + c * m] = col[r] }
        }
        let point = x0.map { Interval($0) }
        let fx = evaluate(game: game, system: system, box: point, jacobian: false).f
        guard fx.allSatisfy(\.isFinite) else { return .failure(.nonFiniteEvaluation) }
        // −Y f(x̃) as intervals.
        var yf = [Interval](repeating: .zero, count: m)
        for r in 0..<m { for c in 0..<m { yf[r] += Interval(y[r + c * m]) * fx[c] } }
        let base = yf.map(\.magnitude).max() ?? 0
        var rho = max(base * 4, 1e-15)
        for _ in 0..<12 {
            if rho > 1e-4 { break }
            let box = x0.map { Interval(($0 - rho).nextDown, ($0 + rho).nextUp) }
            let jx = evaluate(game: game, system: system, box: box, jacobian: true).j
            var inside = true
            for r in 0..<m where inside {
                var k = point[r] - yf[r]
                for c in 0..<m {
                    // (I − Y J(X))_{rc}
                    var entry = Interval(r == c ? 1 : 0)
                    for l in 0..<m { entry = entry - Interval(y[r + l * m]) * jx[l + c * m] }
                    k += entry * (box[c] - point[c])
                }
                if !(box[r].strictlyContains(k)) { inside = false }
            }
            if inside {
                let full = intervals(system: system, x: box, radius: rho, counts: game.strategyCounts)
                let positive = system.active.allSatisfy { i in supports[i].allSatisfy { full[i][$0].lo >= 0 } }
                let equilibrium = positive && noBetterDeviation(game: game, supports: supports, box: full)
                return .success(
                    IntervalCertificate(
                        radius: (rho * Double(max(1, maxGroup))).nextUp, isEquilibrium: equilibrium,
                        method: "krawczyk"))
            }
            rho *= 8
        }
        return .failure(failure())
    }

    /// σmin/σmax of the m×m column-major matrix `a` (LAPACK dgesvd, singular values only); 0 when it fails or
    /// the matrix is zero. O(m³).
    static func reciprocalCondition(_ a: [Double], order m: Int) -> Double {
        var work = a
        var s = [Double](repeating: 0, count: m)
        var u = [Double](repeating: 0, count: 1), vt = [Double](repeating: 0, count: 1)
        var superb = [Double](repeating: 0, count: max(1, m))
        let mm = Int32(m)
        let info = LAPACKE_dgesvd(LAPACK_COL_MAJOR, 78, 78, mm, mm, &work, mm, &s, &u, 1, &vt, 1, &superb)
        guard info == 0, let top = s.first, top > 0, top.isFinite, let bottom = s.last else { return 0 }
        return bottom / top
    }

    /// Interval probabilities of every player and strategy for the box `x` of affine unknowns.
    static func intervals(system: SupportSystem, x: [Interval], radius: Double, counts: [Int]) -> [[Interval]] {
        var sigma = counts.map { [Interval](repeating: .zero, count: $0) }
        for (i, s) in system.supports.enumerated() where s.count == 1 { sigma[i][s[0]] = Interval(1) }
        var p = 0
        for (g, i) in system.active.enumerated() {
            var rest = Interval(1)
            for t in 1..<system.groupSize[g] {
                sigma[i][system.supports[i][t]] = x[p]
                rest = rest - x[p]
                p += 1
            }
            sigma[i][system.supports[i][0]] = rest
        }
        return sigma
    }

    /// Interval deviation payoff differences: no strategy outside a support is better than the support's first
    /// strategy anywhere in the box (upper end ≤ 0).
    static func noBetterDeviation(game: NormalFormGame, supports: [[Int]], box: [[Interval]]) -> Bool {
        let n = game.playerCount
        for i in 0..<n {
            let s0 = supports[i][0]
            for t in 0..<game.strategyCounts[i] where !supports[i].contains(t) {
                let d = deviation(game: game, player: i, strategy: t, against: s0, box: box, supports: supports)
                if !(d.hi <= 0) { return false }
            }
        }
        return true
    }

    /// Interval of `vᵢ(t) − vᵢ(s₀)` over the box (the others' supports only: probabilities outside are 0).
    static func deviation(
        game: NormalFormGame, player i: Int, strategy t: Int, against s0: Int, box: [[Interval]],
        supports: [[Int]]
    ) -> Interval {
        let n = game.playerCount
        var idx = [Int](repeating: 0, count: n)
        var total = Interval.zero
        let others = (0..<n).filter { $0 != i }
        while true {
            var profile = [Int](repeating: 0, count: n)
            var w = Interval(1)
            for (q, j) in others.enumerated() { profile[j] = supports[j][idx[q]]; w = w * box[j][profile[j]] }
            profile[i] = t
            let hi = Interval(game.payoff(player: i, profile: profile))
            profile[i] = s0
            let lo = Interval(game.payoff(player: i, profile: profile))
            total += (hi - lo) * w
            var q = 0
            while q < others.count {
                idx[q] += 1
                if idx[q] < supports[others[q]].count { break }
                idx[q] = 0
                q += 1
            }
            if q == others.count { break }
        }
        return total
    }

    /// Interval values of the indifference equations over the box and (optionally) their Jacobian (column-major).
    static func evaluate(game: NormalFormGame, system: SupportSystem, box: [Interval], jacobian: Bool) -> (
        f: [Interval], j: [Interval]
    ) {
        let m = system.affineCount
        let sigma = intervals(system: system, x: box, radius: 0, counts: game.strategyCounts)
        var f = [Interval](repeating: .zero, count: m)
        var jac = [Interval](repeating: .zero, count: jacobian ? m * m : 0)
        // Column of affine unknown (group g, local t ≥ 1).
        var column: [[Int]] = []
        var p = 0
        for g in 0..<system.active.count {
            var cols = [-1]
            for _ in 1..<system.groupSize[g] { cols.append(p); p += 1 }
            column.append(cols)
        }
        for (e, eq) in system.equations.enumerated() {
            let i = eq.player
            let s = system.supports[i][eq.strategy], s0 = system.supports[i][0]
            f[e] = deviation(game: game, player: i, strategy: s, against: s0, box: sigma, supports: system.supports)
            guard jacobian else { continue }
            // ∂/∂σ_j(u) of the multilinear form, then chain rule: x_{j,t} enters σ_j(t) (+1) and σ_j(s₀) (−1).
            for g in eq.others {
                let j = system.active[g]
                for (local, u) in system.supports[j].enumerated() {
                    var fixed = sigma
                    for v in 0..<game.strategyCounts[j] { fixed[j][v] = v == u ? Interval(1) : .zero }
                    let d = deviation(
                        game: game, player: i, strategy: s, against: s0, box: fixed, supports: system.supports)
                    if local == 0 {
                        for c in column[g].dropFirst() { jac[e + c * m] = jac[e + c * m] - d }
                    } else {
                        let c = column[g][local]
                        jac[e + c * m] = jac[e + c * m] + d
                    }
                }
            }
        }
        return (f, jac)
    }
}
