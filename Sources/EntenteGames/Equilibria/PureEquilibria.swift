/// All pure-strategy Nash equilibria of an n-player game, by exhaustive check.
///
/// A profile is an equilibrium when each player's strategy attains the maximum of its payoff along its own
/// axis. The method is complete for pure equilibria.
/// - Complexity: O(profiles · Σᵢ sᵢ) time, O(1) extra memory per profile.
/// - Tolerance: a deviation counts only if it gains more than `tolerance × max(1, payoff range)`.
public enum PureEquilibria {
    /// Every pure equilibrium of `game`, verified, in profile order.
    public static func solve(_ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance)
        throws(EquilibriumError) -> NashResult
    {
        try EquilibriumVerifier.checkTolerance(tolerance)
        let tol = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        var found: [NashEquilibrium] = []
        let n = game.playerCount
        var idx = [Int](repeating: 0, count: n)
        for k in 0..<game.profileCount {
            var isEquilibrium = true
            for p in 0..<n where isEquilibrium {
                let u = game.payoffs[p]
                let base = k - idx[p] * game.strides[p]
                let mine = u[k]
                for s in 0..<game.strategyCounts[p] where u[base + s * game.strides[p]] > mine + tol {
                    isEquilibrium = false
                    break
                }
            }
            if isEquilibrium {
                found.append(try EquilibriumVerifier.verify(.pure(idx, in: game), in: game, tolerance: tol))
            }
            game.advance(&idx)
        }
        return NashResult(method: .pure, complete: true, equilibria: found, tolerance: tol)
    }
}
