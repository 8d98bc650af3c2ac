/// Zero-sum games given as a ``NormalFormGame``: checks `u₁ + u₂ = 0` and solves by ``ZeroSum``.
public enum ZeroSumNash {
    /// One optimal strategy pair, as a verified equilibrium. Throws `.wrongPlayerCount` for n ≠ 2 and
    /// `.verificationFailed` if the game is not zero-sum (|u₁ + u₂| > tolerance somewhere).
    /// - Complexity: one LP of size (m + 1) × (n + 1).
    public static func solve(_ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance)
        throws(EquilibriumError) -> NashResult
    {
        guard game.playerCount == 2 else { throw .wrongPlayerCount(expected: 2, actual: game.playerCount) }
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        let gap = zip(game.payoffs[0], game.payoffs[1]).map { abs($0 + $1) }.max() ?? 0
        guard gap <= tol else { throw .notZeroSum(deviation: gap) }
        let s = try ZeroSum.solve(game.payoffMatrix(player: 0), tolerance: tolerance)
        let e = try EquilibriumVerifier.verify(
            MixedProfile(unchecked: [s.rowStrategy, s.columnStrategy]), in: game, tolerance: tol)
        return NashResult(method: .zeroSum, complete: false, equilibria: [e], tolerance: tol)
    }
}
