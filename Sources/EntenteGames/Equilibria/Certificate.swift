/// An exact proof that a profile is a Nash equilibrium of a two-player game, in rational arithmetic.
///
/// `strategyValues[p][s]` is the exact expected payoff of player `p`'s pure strategy `s` against the other's
/// exact mixture; the certificate holds because every strategy in each support attains `payoffs[p]` and
/// no strategy exceeds it (checked exactly when the certificate is built).
public struct ExactCertificate: Sendable {
    /// Exact equilibrium probabilities, per player.
    public let probabilities: [[Rational]]
    /// Exact equilibrium payoffs.
    public let payoffs: [Rational]
    /// Exact payoff of every pure strategy against the other player's mixture.
    public let strategyValues: [[Rational]]
}

/// Certification of bimatrix equilibria in exact rational arithmetic — a feature float-based peers lack.
///
/// Payoffs are read as rationals with ``Rational/init(_:maxDenominator:)`` (integers and simple fractions
/// exactly). For vertex-enumeration results the defining basis is re-solved exactly; otherwise the support
/// indifference system (square supports only) is. The exact profile is then checked: probabilities ≥ 0,
/// summing to 1, and no pure deviation gains (exact comparison).
/// - Complexity: O(k³) rational operations for supports of size k, plus O(m·n) for the check.
public enum Certify {
    /// Certifies `equilibrium` in `game`, or returns nil if it cannot be certified exactly (e.g. a
    /// degenerate support from a method other than vertex enumeration, or a float profile that is not an
    /// exact equilibrium).
    ///
    /// `exactPayoffs` (same layout as `game.payoffs`), when given, are the payoffs as written in the file — e.g.
    /// `"1/3000007"` — and are used instead of reconstructing rationals from the doubles.
    public static func certify(
        _ equilibrium: NashEquilibrium, in game: NormalFormGame,
        exactPayoffs: [[Rational]]? = nil
    ) -> ExactCertificate? {
        guard game.playerCount == 2 else { return nil }
        let m = game.strategyCounts[0], n = game.strategyCounts[1]
        if let e = exactPayoffs, e.count != 2 || e[0].count != m * n || e[1].count != m * n { return nil }
        // Payoffs are finite (validated by NormalFormGame), so every conversion succeeds.
        let a = exactPayoffs?[0] ?? game.payoffs[0].compactMap { Rational($0) }
        let b = exactPayoffs?[1] ?? game.payoffs[1].compactMap { Rational($0) }
        let x: [Rational], y: [Rational]
        if let bases = equilibrium.vertexBases {
            guard
                let px = vertexPoint(
                    basis: bases.x, coordinates: m, rows: n, entry: { j, i in b[i + j * m] }, shift: shiftOf(b)),
                let py = vertexPoint(
                    basis: bases.y, coordinates: n, rows: m, entry: { i, j in a[i + j * m] }, shift: shiftOf(a))
            else { return nil }
            x = normalise(px); y = normalise(py)
        } else {
            let sx = support(equilibrium.profile.probabilities[0]), sy = support(equilibrium.profile.probabilities[1])
            guard sx.count == sy.count,
                let px = indifferent(on: sx, against: sy, size: m, entry: { j, i in b[i + j * m] }),
                let py = indifferent(on: sy, against: sx, size: n, entry: { i, j in a[i + j * m] })
            else { return nil }
            x = px; y = py
        }
        guard x.allSatisfy({ !($0 < .zero) }), y.allSatisfy({ !($0 < .zero) }) else { return nil }
        var va = [Rational](repeating: .zero, count: m), vb = [Rational](repeating: .zero, count: n)
        for i in 0..<m { for j in 0..<n where !y[j].isZero { va[i] = va[i] + a[i + j * m] * y[j] } }
        for j in 0..<n { for i in 0..<m where !x[i].isZero { vb[j] = vb[j] + b[i + j * m] * x[i] } }
        let ua = zip(x, va).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        let ub = zip(y, vb).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
        guard va.allSatisfy({ !(ua < $0) }), vb.allSatisfy({ !(ub < $0) }) else { return nil }
        return ExactCertificate(probabilities: [x, y], payoffs: [ua, ub], strategyValues: [va, vb])
    }

    static func shiftOf(_ u: [Rational]) -> Rational { Rational.one - (u.min() ?? .zero) }

    static func support(_ p: [Double]) -> [Int] { p.indices.filter { p[$0] > 1e-9 } }

    static func normalise(_ z: [Rational]) -> [Rational] {
        let s = z.reduce(Rational.zero, +)
        return z.map { $0 / s }
    }

    /// Solves the basis system of a best-response polytope `{z ≥ 0: C z ≤ 1}` (C entries shifted by `shift`):
    /// basic columns < coordinates are z's, the rest slacks. `entry(row, coordinate)` gives the unshifted C.
    static func vertexPoint(
        basis: [Int], coordinates d: Int, rows r: Int, entry: (Int, Int) -> Rational,
        shift: Rational
    ) -> [Rational]? {
        var mat = [[Rational]](repeating: [Rational](repeating: .zero, count: r), count: r)
        for row in 0..<r {
            for (pos, k) in basis.enumerated() {
                mat[row][pos] = k < d ? entry(row, k) + shift : (k - d == row ? .one : .zero)
            }
        }
        guard let sol = RationalLinearSolve.solve(mat, [Rational](repeating: .one, count: r)) else { return nil }
        var z = [Rational](repeating: .zero, count: d)
        for (pos, k) in basis.enumerated() where k < d { z[k] = sol[pos] }
        return z
    }

    /// Mixture on `own` (size k) making every strategy in `other` (size k) indifferent:
    /// Σ_{i∈own} entry(o, i) z_i = v for o ∈ other, Σ z = 1.
    static func indifferent(on own: [Int], against other: [Int], size: Int, entry: (Int, Int) -> Rational)
        -> [Rational]?
    {
        let k = own.count
        var mat = [[Rational]](repeating: [Rational](repeating: .zero, count: k + 1), count: k + 1)
        var rhs = [Rational](repeating: .zero, count: k + 1)
        for (r, o) in other.enumerated() {
            for (c, i) in own.enumerated() { mat[r][c] = entry(o, i) }
            mat[r][k] = -.one
        }
        for c in 0..<k { mat[k][c] = .one }
        rhs[k] = .one
        guard let sol = RationalLinearSolve.solve(mat, rhs) else { return nil }
        var z = [Rational](repeating: .zero, count: size)
        for (c, i) in own.enumerated() { z[i] = sol[c] }
        return z
    }
}
