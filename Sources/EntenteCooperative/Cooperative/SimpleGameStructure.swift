/// Balance-of-power roles in a weighted majority game (Niou, Ordeshook & Rose 1989), plus minimal
/// winning coalitions and the indices defined from them.
public struct BalanceOfPowerRoles: Sendable, Equatable {
    /// Players whose weight alone wins (rᵢ > R/2 under the strict rule).
    public let hegemons: [Int]
    /// Players whose singleton is blocking (rᵢ = R/2 under the strict rule): cannot be defeated, cannot win alone.
    public let balancers: [Int]
    /// Players pivotal somewhere (members of some minimal winning coalition).
    public let essential: [Int]
    /// Dummies: never pivotal.
    public let inessential: [Int]
    /// Players without whom no coalition wins.
    public let vetoPlayers: [Int]
}

/// Structural analysis of weighted majority games.
///
/// Roles come from exact pivot counts (enumeration up to ``PowerIndices/exactPlayerLimit`` players, the DP
/// beyond, where "essential" means a positive raw Banzhaf index above 1e-15). Minimal winning coalitions are
/// enumerated for n ≤ ``mwcPlayerLimit`` in O(n·2ⁿ).
public enum SimpleGameStructure {
    /// Default player limit for enumerating minimal winning coalitions.
    public static let mwcPlayerLimit = 25

    /// Hegemons, balancers, essential/inessential and veto players. O(n·2ⁿ) or the Banzhaf DP.
    public static func roles(_ g: WeightedMajorityGame) throws(CooperativeError) -> BalanceOfPowerRoles {
        let n = g.playerCount
        let grand = Coalition.grand(min(n, 64))
        let hegemons = (0..<n).filter { g.wins(weight: g.weights[$0]) }
        let balancers = (0..<n).filter {
            !g.wins(weight: g.weights[$0]) && !g.wins(weight: g.totalWeight - g.weights[$0])
        }
        let banzhaf = try PowerIndices.banzhaf(g)
        let essential = (0..<n).filter { banzhaf.raw[$0] > 1e-15 }
        let veto =
            n <= 64
            ? (0..<n).filter { !g.isWinning(grand.removing($0)) }
            : (0..<n).filter { !g.wins(weight: g.totalWeight - g.weights[$0]) }
        return BalanceOfPowerRoles(
            hegemons: hegemons, balancers: balancers, essential: essential,
            inessential: (0..<n).filter { !essential.contains($0) }, vetoPlayers: veto)
    }

    /// All minimal winning coalitions (every member critical), in increasing mask order.
    public static func minimalWinningCoalitions(_ g: WeightedMajorityGame, playerLimit: Int = mwcPlayerLimit)
        throws(CooperativeError) -> [Coalition]
    {
        let n = g.playerCount
        guard n <= min(playerLimit, 34) else { throw .tooManyPlayers(n: n, limit: min(playerLimit, 34)) }
        var weight = [Int](repeating: 0, count: 1 << n)
        var lightest = [Int](repeating: Int.max, count: 1 << n)
        var out: [Coalition] = []
        for m in 1..<(1 << n) {
            let i = (m & -m).trailingZeroBitCount
            weight[m] = weight[m & (m - 1)] + g.weights[i]
            lightest[m] = min(lightest[m & (m - 1)], g.weights[i])
            // Weighted games are monotone: minimal iff removing the lightest member loses.
            if g.wins(weight: weight[m]) && !g.wins(weight: weight[m] - lightest[m]) {
                out.append(Coalition(mask: UInt64(m)))
            }
        }
        return out
    }

    /// Deegan–Packel (1978): each MWC equally likely, shared equally among its members.
    public static func deeganPackel(_ mwcs: [Coalition], players n: Int) -> [Double] {
        var v = [Double](repeating: 0, count: n)
        for s in mwcs { for i in s.members { v[i] += 1 / Double(s.count) } }
        return v.map { mwcs.isEmpty ? 0 : $0 / Double(mwcs.count) }
    }

    /// Holler–Packel public good index (1982): MWC memberships, normalised.
    public static func hollerPackel(_ mwcs: [Coalition], players n: Int) -> [Double] {
        var v = [Double](repeating: 0, count: n)
        for s in mwcs { for i in s.members { v[i] += 1 } }
        let total = v.reduce(0, +)
        return v.map { total > 0 ? $0 / total : 0 }
    }

    /// Johnston (1978): in each winning coalition, each critical member gets 1/(number of critical members);
    /// normalised. O(n·2ⁿ).
    public static func johnston(_ g: WeightedMajorityGame, playerLimit: Int = mwcPlayerLimit) throws(CooperativeError)
        -> [Double]
    {
        let n = g.playerCount
        guard n <= min(playerLimit, 34) else { throw .tooManyPlayers(n: n, limit: min(playerLimit, 34)) }
        var v = [Double](repeating: 0, count: n)
        var weight = [Int](repeating: 0, count: 1 << n)
        for m in 1..<(1 << n) {
            weight[m] = weight[m & (m - 1)] + g.weights[(m & -m).trailingZeroBitCount]
            guard g.wins(weight: weight[m]) else { continue }
            let critical = Coalition(mask: UInt64(m)).members.filter { !g.wins(weight: weight[m] - g.weights[$0]) }
            for i in critical { v[i] += 1 / Double(critical.count) }
        }
        let total = v.reduce(0, +)
        return v.map { total > 0 ? $0 / total : 0 }
    }
}
