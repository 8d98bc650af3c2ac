/// The solutions one can ask of a coalitional game in one call (the `entente coalition` command's engine).
public enum CoalitionSolution: String, Sendable, CaseIterable {
    case shapley, banzhaf, nucleolus, prenucleolus, core
    case leastCore = "least-core"
    case roles, ruling
    /// Deegan–Packel, Holler–Packel and Johnston indices (weighted games).
    case indices
}

/// Results of the requested solutions; fields not requested (or not defined for the game) are nil.
public struct CoalitionReport: Sendable {
    /// Player names, in order.
    public var players: [String]
    /// Shapley value (TU) or Shapley–Shubik index (weighted), with exact fractions when exact.
    public var shapley: [Double]?
    public var shapleyExact: [Rational]?
    /// Banzhaf value (TU) or normalised Banzhaf index (weighted), raw index and exact fractions.
    public var banzhaf: [Double]?
    public var banzhafRaw: [Double]?
    public var banzhafExact: [Rational]?
    /// Nucleolus (imputations) and prenucleolus.
    public var nucleolus: [Double]?
    public var prenucleolus: [Double]?
    /// Core non-emptiness (Bondareva–Shapley) and the least core.
    public var coreNonEmpty: Bool?
    public var leastCoreEpsilon: Double?
    public var leastCorePoint: [Double]?
    /// Balance-of-power roles, minimal winning coalitions and AES ruling coalitions (weighted games).
    public var roles: BalanceOfPowerRoles?
    public var minimalWinningCoalitions: [Coalition]?
    public var ruling: [Coalition]?
    /// Deegan–Packel, Holler–Packel and Johnston indices.
    public var deeganPackel: [Double]?
    public var hollerPackel: [Double]?
    public var johnston: [Double]?
    /// Method notes (e.g. "shapley: enumeration (exact)").
    public var notes: [String] = []

    /// Computes the requested solutions. Exponential methods respect their stated player limits and throw
    /// `.tooManyPlayers` beyond them. `alpha` is the AES winning threshold.
    public static func compute(_ game: CooperativeGame, solutions: [CoalitionSolution], alpha: Double = 0.5)
        throws(CooperativeError) -> CoalitionReport
    {
        switch game {
        case .transferableUtility(let g):
            var r = CoalitionReport(players: g.players)
            for s in solutions {
                switch s {
                case .shapley: r.shapley = ShapleyValue.exact(g)
                case .banzhaf: r.banzhaf = BanzhafValue.exact(g)
                case .nucleolus: r.nucleolus = try CoreSolutions.nucleolus(g)
                case .prenucleolus: r.prenucleolus = try CoreSolutions.prenucleolus(g)
                case .core, .leastCore:
                    let lc = try CoreSolutions.leastCore(g)
                    r.coreNonEmpty = lc.epsilon <= 1e-9
                    r.leastCoreEpsilon = lc.epsilon
                    r.leastCorePoint = lc.point
                case .roles, .ruling, .indices:
                    r.notes.append("\(s.rawValue): defined for weighted majority games only")
                }
            }
            return r
        case .weightedMajority(let g):
            var r = CoalitionReport(players: g.players)
            for s in solutions {
                switch s {
                case .shapley:
                    let ss = try PowerIndices.shapleyShubik(g)
                    r.shapley = ss.values; r.shapleyExact = ss.exact
                    r.notes.append("shapley: Shapley–Shubik index by \(ss.method)")
                case .banzhaf:
                    let b = try PowerIndices.banzhaf(g)
                    r.banzhaf = b.values; r.banzhafRaw = b.raw; r.banzhafExact = b.exact
                    r.notes.append("banzhaf: by \(b.method)")
                case .roles:
                    r.roles = try SimpleGameStructure.roles(g)
                    if g.playerCount <= SimpleGameStructure.mwcPlayerLimit {
                        r.minimalWinningCoalitions = try SimpleGameStructure.minimalWinningCoalitions(g)
                    }
                case .indices:
                    let mwcs = try SimpleGameStructure.minimalWinningCoalitions(g)
                    r.minimalWinningCoalitions = mwcs
                    r.deeganPackel = SimpleGameStructure.deeganPackel(mwcs, players: g.playerCount)
                    r.hollerPackel = SimpleGameStructure.hollerPackel(mwcs, players: g.playerCount)
                    r.johnston = try SimpleGameStructure.johnston(g)
                case .ruling:
                    r.ruling = try RulingCoalitions.ruling(powers: g.weights.map(Double.init), alpha: alpha)
                case .nucleolus, .prenucleolus, .core, .leastCore:
                    let sub = try compute(.transferableUtility(g.coalitionalGame()), solutions: [s])
                    r.nucleolus = sub.nucleolus ?? r.nucleolus
                    r.prenucleolus = sub.prenucleolus ?? r.prenucleolus
                    r.coreNonEmpty = sub.coreNonEmpty ?? r.coreNonEmpty
                    r.leastCoreEpsilon = sub.leastCoreEpsilon ?? r.leastCoreEpsilon
                    r.leastCorePoint = sub.leastCorePoint ?? r.leastCorePoint
                }
            }
            return r
        }
    }
}
