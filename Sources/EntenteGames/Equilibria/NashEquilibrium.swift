/// One verified Nash equilibrium.
public struct NashEquilibrium: Sendable {
    /// The equilibrium strategies.
    public let profile: MixedProfile
    /// Expected payoff of each player.
    public let payoffs: [Double]
    /// Achieved regret (max gain from a unilateral pure deviation); ≤ the tolerance it was checked against.
    public let regret: Double
    /// For vertex-enumeration results: the index of the connected component of equilibria this extreme point
    /// belongs to (Avis, Rosenberg, Savani & von Stengel 2010); `nil` otherwise.
    public let component: Int?
    /// The basis that defines this vertex (used by exact certification); internal bookkeeping.
    let vertexBases: (x: [Int], y: [Int])?

    init(
        profile: MixedProfile, payoffs: [Double], regret: Double, component: Int? = nil,
        vertexBases: ([Int], [Int])? = nil
    ) {
        self.profile = profile
        self.payoffs = payoffs
        self.regret = regret
        self.component = component
        self.vertexBases = vertexBases.map { (x: $0.0, y: $0.1) }
    }
}

/// The output of every Nash solver (``PureEquilibria``, ``VertexEnumeration``, ``SupportEnumeration``,
/// ``LemkeHowson``, ``ZeroSumNash``, ``LogitPath``, ``HomotopyEnumeration``): the verified equilibria, the method
/// that produced them and whether the set is complete.
public struct NashResult: Sendable {
    /// The Nash solvers; the raw value is the method's name on the command line and in JSON output.
    public enum Method: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Every pure equilibrium by checking every profile (``PureEquilibria``); complete.
        case pure
        /// Every extreme equilibrium of a bimatrix game by vertex enumeration (``VertexEnumeration``; Avis,
        /// Rosenberg, Savani & von Stengel 2010).
        case vertexEnumeration = "enumerate"
        /// Support enumeration (``SupportEnumeration``; Porter, Nudelman & Shoham 2008); complete for nondegenerate
        /// games.
        case supportEnumeration = "support"
        /// One or several equilibria by Lemke–Howson complementary pivoting (``LemkeHowson``; Lemke & Howson 1964);
        /// never complete.
        case lemkeHowson = "lemke"
        /// One equilibrium of a zero-sum game by linear programming (``ZeroSumNash``); never complete.
        case zeroSum = "zero-sum"
        /// One equilibrium by tracing the logit quantal-response path (``LogitPath``; McKelvey & Palfrey 1995);
        /// never complete.
        case logit
        /// Every isolated equilibrium of an n-player game by support enumeration and polynomial homotopy
        /// continuation (``HomotopyEnumeration``).
        case homotopy

        /// The raw value (`enumerate`, `lemke`, …).
        public var description: String { rawValue }
    }

    /// The method that produced the result.
    public let method: Method
    /// `true` when the method is guaranteed to list every equilibrium of its kind (all pure equilibria,
    /// all extreme equilibria) and ran to completion without hitting a limit or being cancelled.
    public let complete: Bool
    /// The verified equilibria.
    public let equilibria: [NashEquilibrium]
    /// The tolerance each equilibrium's regret was checked against (absolute, already scaled).
    public let tolerance: Double
    /// Why an enumeration stopped before completing ("basis limit reached", "memory limit reached", "stopped (timeout
    /// or interrupt)"); nil when it ran to completion or the method gives no guarantee anyway.
    public let incompleteReason: String?

    /// Bundles verified equilibria (build them with ``EquilibriumVerifier/verify(_:in:tolerance:component:vertexBases:)``).
    public init(
        method: Method, complete: Bool, equilibria: [NashEquilibrium], tolerance: Double,
        incompleteReason: String? = nil
    ) {
        self.method = method
        self.complete = complete
        self.equilibria = equilibria
        self.tolerance = tolerance
        self.incompleteReason = incompleteReason
    }
}

/// Checks candidate profiles: the single gate every solver's output passes through.
public enum EquilibriumVerifier {
    /// The default relative tolerance: regret ≤ 1e-9 × max(1, payoff range).
    public static let defaultTolerance = 1e-9

    /// Probabilities may be below zero by at most this much, and each player's must sum to 1 within it.
    public static let probabilityTolerance = 1e-9

    /// The absolute tolerance for `game` from a relative one: `relative × max(1, payoff range)`, always finite for
    /// a finite `relative` (the payoff range is clamped to `Double.greatestFiniteMagnitude`).
    public static func absoluteTolerance(_ relative: Double, for game: NormalFormGame) -> Double {
        relative * max(1, game.payoffRange)
    }

    /// Checks a relative tolerance given to a solver: finite and non-negative.
    static func checkTolerance(_ relative: Double) throws(EquilibriumError) {
        guard relative.isFinite, relative >= 0 else { throw .invalidTolerance(relative) }
    }

    /// Verifies `profile` in `game`: the single gate every solver's output passes through.
    ///
    /// The profile itself is checked first — one probability vector per player of the right length, every entry finite
    /// and ≥ −``probabilityTolerance``, each summing to 1 within ``probabilityTolerance`` (`.invalidProfile`) — then
    /// the expected payoffs must be finite (`.nonFiniteResult`) and the regret (max gain from a unilateral pure
    /// deviation, computed in the game's own units; NaN never passes) finite and ≤ `tolerance`
    /// (`.verificationFailed`). `tolerance` is absolute (see ``absoluteTolerance(_:for:)``), finite and ≥ 0.
    /// - Complexity: O(profiles · n).
    public static func verify(
        _ profile: MixedProfile, in game: NormalFormGame, tolerance: Double,
        component: Int? = nil, vertexBases: ([Int], [Int])? = nil
    ) throws(EquilibriumError) -> NashEquilibrium {
        guard tolerance.isFinite, tolerance >= 0 else { throw .invalidTolerance(tolerance) }
        let sigma = profile.probabilities
        guard sigma.count == game.playerCount else { throw .invalidProfile(player: min(sigma.count, game.playerCount)) }
        for p in 0..<game.playerCount {
            let v = sigma[p]
            guard v.count == game.strategyCounts[p], v.allSatisfy({ $0.isFinite && $0 >= -probabilityTolerance }) else {
                throw .invalidProfile(player: p)
            }
            let sum = v.reduce(0, +)
            guard abs(sum - 1) <= probabilityTolerance else { throw .invalidProfile(player: p) }
        }
        var values: [[Double]] = []
        game.strategyValues(of: profile, into: &values)
        var payoffs: [Double] = []
        var r = 0.0
        for p in 0..<game.playerCount {
            let expected = zip(values[p], sigma[p]).reduce(0) { $0 + $1.0 * $1.1 }
            guard expected.isFinite, values[p].allSatisfy(\.isFinite) else { throw .nonFiniteResult(player: p) }
            payoffs.append(expected)
            // Regret as a difference of two finite numbers: it overflows to +∞ only when it is huge (then it fails).
            for u in values[p] { let gain = u - expected; if !(gain <= r) { r = gain } }
        }
        guard r.isFinite, r <= tolerance else { throw .verificationFailed(regret: r, tolerance: tolerance) }
        return NashEquilibrium(
            profile: profile, payoffs: payoffs, regret: max(0, r), component: component, vertexBases: vertexBases)
    }
}
