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

    init(profile: MixedProfile, payoffs: [Double], regret: Double, component: Int? = nil, vertexBases: ([Int], [Int])? = nil) {
        self.profile = profile
        self.payoffs = payoffs
        self.regret = regret
        self.component = component
        self.vertexBases = vertexBases.map { (x: $0.0, y: $0.1) }
    }
}

/// The output of a Nash solver: the equilibria found and whether the set is complete.
public struct NashResult: Sendable {
    /// Name of the method that produced the result.
    public let method: String
    /// `true` when the method is guaranteed to list every equilibrium of its kind (all pure equilibria,
    /// all extreme equilibria) and ran to completion without hitting a limit or being cancelled.
    public let complete: Bool
    /// The verified equilibria.
    public let equilibria: [NashEquilibrium]
    /// The tolerance each equilibrium's regret was checked against (absolute, already scaled).
    public let tolerance: Double

    /// Bundles verified equilibria (build them with ``EquilibriumVerifier/verify(_:in:tolerance:component:vertexBases:)``).
    public init(method: String, complete: Bool, equilibria: [NashEquilibrium], tolerance: Double) {
        self.method = method
        self.complete = complete
        self.equilibria = equilibria
        self.tolerance = tolerance
    }
}

/// Checks candidate profiles: the single gate every solver's output passes through.
public enum EquilibriumVerifier {
    /// The default relative tolerance: regret ≤ 1e-9 × max(1, payoff range).
    public static let defaultTolerance = 1e-9

    /// The absolute tolerance for `game` from a relative one.
    public static func absoluteTolerance(_ relative: Double, for game: NormalFormGame) -> Double {
        relative * max(1, game.payoffRange)
    }

    /// Verifies `profile` in `game`; throws `.verificationFailed` if its regret exceeds the tolerance.
    /// - Complexity: O(profiles · n).
    public static func verify(_ profile: MixedProfile, in game: NormalFormGame, tolerance: Double,
                              component: Int? = nil, vertexBases: ([Int], [Int])? = nil) throws(EquilibriumError) -> NashEquilibrium {
        var values: [[Double]] = []
        game.strategyValues(of: profile, into: &values)
        let r = game.regret(profile, values: values)
        guard r <= tolerance else { throw .verificationFailed(regret: r, tolerance: tolerance) }
        let payoffs = (0..<game.playerCount).map { p in zip(values[p], profile.probabilities[p]).reduce(0) { $0 + $1.0 * $1.1 } }
        return NashEquilibrium(profile: profile, payoffs: payoffs, regret: max(0, r), component: component, vertexBases: vertexBases)
    }
}
