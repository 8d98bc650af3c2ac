/// An exact proof, in rational arithmetic, that a profile of an n-player game is a Nash equilibrium of the game as
/// written (payoffs read as the simplest fractions that round to them, as ``Certify`` does for two players).
public struct ExactProfileCertificate: Sendable {
    /// Exact probabilities per player.
    public let probabilities: [[Rational]]
    /// Exact expected payoff per player.
    public let payoffs: [Rational]

    /// Rounds every probability to the simplest fraction within 1e-9 (denominator ≤ 10⁴), then checks exactly that
    /// each player's probabilities are ≥ 0 and sum to 1 and that no pure strategy earns more than the profile; nil
    /// when the profile is not rational with small denominators or the exact check fails (irrational equilibria get
    /// an ``IntervalCertificate`` instead).
    /// - Complexity: O(profiles · n²) rational operations.
    public static func certify(_ sigma: [[Double]], in game: NormalFormGame) -> ExactProfileCertificate? {
        guard sigma.count == game.playerCount else { return nil }
        var exact: [[Rational]] = []
        for v in sigma {
            var row: [Rational] = []
            for x in v {
                guard let r = simplest(x, tolerance: 1e-9, maxDenominator: 10_000), !(r < .zero) else { return nil }
                row.append(r)
            }
            guard row.reduce(Rational.zero, +) == .one else { return nil }
            exact.append(row)
        }
        let n = game.playerCount
        var values = game.strategyCounts.map { [Rational](repeating: .zero, count: $0) }
        var idx = [Int](repeating: 0, count: n)
        for k in 0..<game.profileCount {
            for i in 0..<n {
                var w = Rational.one
                for j in 0..<n where j != i {
                    let p = exact[j][idx[j]]
                    if p.isZero { w = .zero; break }
                    w = w * p
                }
                if !w.isZero, let u = Rational(game.payoffs[i][k]) { values[i][idx[i]] = values[i][idx[i]] + w * u }
            }
            game.advance(&idx)
        }
        var payoffs: [Rational] = []
        for i in 0..<n {
            let u = zip(values[i], exact[i]).reduce(Rational.zero) { $0 + $1.0 * $1.1 }
            guard values[i].allSatisfy({ !(u < $0) }) else { return nil }
            payoffs.append(u)
        }
        return ExactProfileCertificate(probabilities: exact, payoffs: payoffs)
    }

    /// The continued-fraction convergent of `x` with the smallest denominator within `tolerance`, if its denominator
    /// is at most `maxDenominator`.
    static func simplest(_ x: Double, tolerance: Double, maxDenominator: Int) -> Rational? {
        guard x.isFinite, abs(x) < 1e9 else { return nil }
        var (h0, h1) = (0, 1), (k0, k1) = (1, 0)
        var y = x
        for _ in 0..<40 {
            let a = y.rounded(.down)
            guard abs(a) < 1e9 else { return nil }
            let ai = Int(a)
            (h0, h1) = (h1, ai * h1 + h0)
            (k0, k1) = (k1, ai * k1 + k0)
            if k1 > maxDenominator { return nil }
            if abs(Double(h1) / Double(k1) - x) <= tolerance { return Rational(h1) / Rational(k1) }
            let frac = y - a
            if frac <= 0 { return nil }
            y = 1 / frac
        }
        return nil
    }
}
