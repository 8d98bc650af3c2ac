/// The output of every Bayesian Nash solver (``BayesianGame/allEquilibria(tolerance:shouldStop:progress:)`` and
/// ``BayesianGame/solve(all:tolerance:)``): verified equilibria, the method and its completeness flag.
public struct BayesianNashResult: Sendable {
    /// The Bayesian Nash solvers; the raw value is the name printed in reports and JSON.
    public enum Method: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Extreme equilibria of the ex-ante form by vertex enumeration (two players).
        case exAnteVertexEnumeration = "ex-ante vertex enumeration"
        /// Isolated equilibria of the agent form by homotopy continuation (three or more players).
        case agentFormHomotopy = "agent-form homotopy"
        /// One equilibrium of the agent form by logit tracing (never complete).
        case agentFormLogit = "agent-form logit"

        /// The raw value.
        public var description: String { rawValue }
    }

    /// The method that produced the result.
    public let method: Method
    /// As ``NashResult/complete``: every extreme equilibrium of the ex-ante form (two players), or every isolated
    /// equilibrium of the agent form with every path accounted for (three or more players).
    public let complete: Bool
    /// Verified equilibria (interim regret of every positive-probability type within the tolerance).
    public let equilibria: [BayesianEquilibrium]
    /// Why the enumeration is incomplete, if it is.
    public let incompleteReason: String?
    /// Number of positive-dimensional components of agent-form equilibria (their verified samples are included in
    /// `equilibria`); 0 for two players.
    public let components: Int

    /// Bundles verified equilibria.
    public init(
        method: Method, complete: Bool, equilibria: [BayesianEquilibrium], incompleteReason: String?, components: Int
    ) {
        self.method = method
        self.complete = complete
        self.equilibria = equilibria
        self.incompleteReason = incompleteReason
        self.components = components
    }
}

extension BayesianGame {
    /// All Bayesian Nash equilibria by a complete method: for two players the extreme equilibria of the
    /// ``exAnteForm(profileLimit:)`` by vertex enumeration (Avis, Rosenberg, Savani & von Stengel 2010), mapped to
    /// behaviour per type (Kuhn 1953); for three or more players every isolated equilibrium of the
    /// ``agentForm(profileLimit:)`` (whose Nash equilibria are the Bayesian equilibria; Harsanyi 1967–68) by
    /// ``HomotopyEnumeration``, plus verified samples of its components.
    /// - Complexity: that of the underlying method on the ex-ante form (Π |Aᵢ|^|Θᵢ| strategies) or the agent form
    ///   (Σ |Θᵢ| agents).
    /// - Tolerance: each equilibrium's interim regret ≤ `tolerance × max(1, max |payoff|)`.
    public func allEquilibria(
        tolerance: Double = EquilibriumVerifier.defaultTolerance, shouldStop: () -> Bool = { false },
        progress: (String) -> Void = { _ in }
    ) throws(EquilibriumError) -> BayesianNashResult {
        try EquilibriumVerifier.checkTolerance(tolerance)
        var out: [BayesianEquilibrium] = []
        func keep(_ b: BayesianEquilibrium) {
            let duplicate = out.contains { o in
                zip(o.strategies.joined(), b.strategies.joined()).allSatisfy {
                    zip($0, $1).allSatisfy { abs($0 - $1) < 1e-8 }
                }
            }
            if !duplicate { out.append(b) }
        }
        if players.count == 2 {
            let g: NormalFormGame
            do { g = try exAnteForm() } catch { throw .invalidGame(error) }
            let r = try VertexEnumeration.solve(g, tolerance: tolerance, shouldStop: shouldStop)
            for e in r.equilibria { keep(try equilibrium(fromExAnte: e.profile, tolerance: tolerance)) }
            return BayesianNashResult(
                method: .exAnteVertexEnumeration, complete: r.complete, equilibria: out,
                incompleteReason: r.incompleteReason, components: 0)
        }
        let agents: NormalFormGame
        do { agents = try agentForm() } catch { throw .invalidGame(error) }
        let h = try HomotopyEnumeration.solve(agents, tolerance: tolerance, shouldStop: shouldStop, progress: progress)
        for e in h.result.equilibria { keep(try equilibrium(fromAgentForm: e.profile, tolerance: tolerance)) }
        for c in h.components {
            for e in c.samples { keep(try equilibrium(fromAgentForm: e.profile, tolerance: tolerance)) }
        }
        return BayesianNashResult(
            method: .agentFormHomotopy, complete: h.result.complete, equilibria: out,
            incompleteReason: h.result.incompleteReason, components: h.components.count)
    }
}
