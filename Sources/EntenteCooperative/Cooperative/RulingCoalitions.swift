/// Self-enforcing ruling coalitions (Acemoglu, Egorov & Sonin 2008): "contracting disperses power".
///
/// A coalition X is winning within Y if γ(X) > α·γ(Y); it is self-enforcing if no proper winning
/// sub-coalition is itself self-enforcing (singletons are). The ruling coalition of N is the self-enforcing
/// winning coalition of least power (generically unique; ties are all returned).
/// - Complexity: O(3ⁿ) time and O(2ⁿ) memory, memoised over subsets; n ≤ ``defaultPlayerLimit`` by default.
/// - Tolerance: power comparisons with a relative 1e-12 margin (a tie is not "greater").
public enum RulingCoalitions {
    /// Default largest n (O(3ⁿ) work).
    public static let defaultPlayerLimit = 20

    /// Self-enforcement flag for every subset (indexed by mask).
    public static func selfEnforcing(powers: [Double], alpha: Double = 0.5, playerLimit: Int = defaultPlayerLimit)
        throws(CooperativeError) -> [Bool]
    {
        let n = powers.count
        guard n >= 1 else { throw .noPlayers }
        guard n <= min(playerLimit, 30) else { throw .tooManyPlayers(n: n, limit: min(playerLimit, 30)) }
        if let k = powers.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        if let p = powers.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(player: p) }
        guard alpha.isFinite, alpha >= 0, alpha < 1 else { throw .invalidQuota }
        let full = 1 << n
        var gamma = [Double](repeating: 0, count: full)
        for m in 1..<full { gamma[m] = gamma[m & (m - 1)] + powers[(m & -m).trailingZeroBitCount] }
        var se = [Bool](repeating: false, count: full)
        // Masks in increasing order visit every proper subset before its superset.
        for y in 1..<full {
            if y & (y - 1) == 0 { se[y] = true; continue }
            let threshold = alpha * gamma[y]
            var blocked = false
            var x = (y - 1) & y
            while x > 0 {
                if se[x] && gamma[x] > threshold * (1 + 1e-12) { blocked = true; break }
                x = (x - 1) & y
            }
            se[y] = !blocked
        }
        return se
    }

    /// The ruling coalition(s) of the whole body: minimum-power self-enforcing winning coalitions.
    public static func ruling(powers: [Double], alpha: Double = 0.5, playerLimit: Int = defaultPlayerLimit)
        throws(CooperativeError) -> [Coalition]
    {
        let se = try selfEnforcing(powers: powers, alpha: alpha, playerLimit: playerLimit)
        let n = powers.count
        let total = powers.reduce(0, +)
        var best: [Coalition] = []
        var bestPower = Double.infinity
        for m in 1..<(1 << n) where se[m] {
            let c = Coalition(mask: UInt64(m))
            let g = c.members.reduce(0) { $0 + powers[$1] }
            guard g > alpha * total * (1 + 1e-12) else { continue }
            if g < bestPower * (1 - 1e-12) {
                best = [c]; bestPower = g
            } else if g <= bestPower * (1 + 1e-12) {
                best.append(c)
            }
        }
        return best
    }
}
