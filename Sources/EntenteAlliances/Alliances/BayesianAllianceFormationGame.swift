/// The alliance-formation stochastic game with **private types** (Kydd 1997, 2005; perfect Bayesian equilibrium,
/// Fudenberg & Tirole 1991: waiting is informative, beliefs follow Bayes' rule): each actor whose type is `.uncertain(p)` with 0 < p < 1 knows its own type; the others
/// hold a public belief μ that it is power-acquiring, starting at the prior p.
///
/// **State**: the public state of ``AllianceFormationGame`` (alliance structure, opted-out actors, window) and the
/// beliefs μ on a ``BeliefGrid`` for each uncertain actor. **Information**: every period a noisy public signal about
/// each uncertain type arrives (accuracy a), so waiting is informative; beliefs follow Bayes' rule, on and off the
/// equilibrium path (a move taken only by one type reveals it: μ jumps to 0 or 1).
/// **Payoffs**: as in ``AllianceFormationGame``, evaluated at the true types (threats and spoils of the actual type);
/// uninformed actors weigh them by their beliefs. **Values**: for each profile θ of true types, V^θ = (I − δP^θ)⁻¹U^θ
/// for all actors at once (the signal law depends on θ); an uninformed actor's value is the belief-weighted mixture,
/// an informed actor's is conditioned on its own type.
///
/// **Solution** (``solve(shouldStop:)``): a perfect-Bayesian equilibrium process in Markov strategies of the public
/// state, found by the same asynchronous best-response search as the public game and re-verified state by state:
/// - a **pooling** move (every type of every mover goes along) must be profitable for each uninformed mover in
///   expectation and for each informed mover under each of its types (strict or weak Konishi–Ray rule);
/// - a **separating** move (made only if one informed mover has type t; otherwise nobody moves and that reveals the
///   other type) must be profitable for type t against mimicking, unprofitable for the other type, and profitable
///   for the other movers given the revealed type;
/// - where nobody moves, no coalition has a move that every member gains from whatever its type (blocking in the
///   coarse sense of Wilson 1978: a coalition cannot condition on private information it does not share; deviations
///   are then uninformative, so beliefs stay put).
///
/// Restrictions (stated in the result): at most ``Parameters/maxUncertainActors`` private types (2 by default);
/// separating moves involve one informed mover; beliefs live on the grid (linear interpolation as a lottery).
/// - Complexity: states = structures × G^U for U private types on a G-point grid; values need 2^U evaluations per
///   candidate process (dense LU up to the dense limit, GMRES beyond), each O(states · 2 · 4^U) per Krylov step.
public struct BayesianAllianceFormationGame: Sendable {
    /// Information parameters (the strategic ones are ``AllianceFormationGame/Parameters``).
    public struct Parameters: Sendable, Equatable {
        /// Belief grid points G (beliefs k/(G − 1)); the priors are spread over the two nearest points.
        public var beliefPoints = 11
        /// Accuracy a ∈ [½, 1) of the public signal that arrives every period about each private type.
        public var signalAccuracy = 0.8
        /// Largest number of private types U (the state space grows as G^U and the evaluations as 2^U).
        public var maxUncertainActors = 2
        /// Defaults: 11 grid points, accuracy 0.8 (a signal right four times in five), at most two private types.
        public init() {}
    }

    /// The public game: structures, moves, and strategic parameters.
    public let base: AllianceFormationGame
    /// Indices of the actors with private types, and their priors P(power-acquiring).
    public let uncertain: [Int]
    /// Priors of the uncertain actors.
    public let priors: [Double]
    /// The belief grid and signal law.
    public let grid: BeliefGrid
    /// The information parameters used.
    public let information: Parameters
    /// The threat model the payoffs come from.
    public let threatModel: ThreatModel
    /// Number of belief states G^U.
    public let beliefCount: Int
    /// `payoffs[θ][x·n + i]`: per-period payoff of actor i in structure x when the true type profile is θ (bit u of θ
    /// set ⇔ `uncertain[u]` is power-acquiring).
    let payoffs: [[Double]]
    /// `beliefKernel[θ][b]`: successor beliefs (index, probability) after one period's signals under θ.
    let beliefKernel: [[[(Int, Double)]]]

    /// Number of public states (structures × beliefs).
    public var stateCount: Int { base.states.count * beliefCount }
    /// Number of true type profiles 2^U.
    public var profileCount: Int { 1 << uncertain.count }

    /// Builds the game. Actors with `.uncertain(p)`, 0 < p < 1, get private types; throws `.invalidParameter` for more
    /// than `maxUncertainActors` of them, `.tooManyBeliefStates` when structures × G^U exceeds the state limit, and
    /// `DynamicsError.stopped` when `shouldStop` (a deadline or an interrupt; polled while the public game is built,
    /// every 4,096 structures of each type profile's payoffs, and for each profile's belief kernel) says so.
    public init(
        scenario input: Scenario, threatModel: ThreatModel = ThreatModel(),
        parameters: AllianceFormationGame.Parameters = .init(),
        information: Parameters = .init(), actorLimit: Int = AllianceFormationGame.defaultActorLimit,
        shouldStop: () -> Bool = { false }
    ) throws {
        let scenario = try input.orderedByID()  // canonical order, as in AllianceFormationGame
        let grid = try BeliefGrid(points: information.beliefPoints, accuracy: information.signalAccuracy)
        let uncertain = scenario.actors.indices.filter {
            let p = scenario.actors[$0].type.probabilityPowerAcquiring
            return p > 0 && p < 1
        }
        guard uncertain.count <= information.maxUncertainActors else {
            throw DynamicsError.invalidParameter(
                name:
                    "private types (\(uncertain.count) uncertain actors; the limit is \(information.maxUncertainActors) — raise maxUncertainActors)"
            )
        }
        let base = try AllianceFormationGame(
            scenario: scenario, threatModel: threatModel, parameters: parameters, actorLimit: actorLimit,
            shouldStop: shouldStop)
        // Checked products: G^U and structures × G^U can overflow for hostile grids (1001 points, six private types).
        var beliefCount = 1
        var total = base.states.count
        for _ in uncertain {
            let (b, o1) = beliefCount.multipliedReportingOverflow(by: grid.points)
            let (t, o2) = total.multipliedReportingOverflow(by: grid.points)
            guard !o1, !o2, t <= parameters.stateLimit else {
                throw DynamicsError.tooManyBeliefStates(states: o1 || o2 ? Int.max : t, limit: parameters.stateLimit)
            }
            beliefCount = b
            total = t
        }
        let n = scenario.actorCount
        var payoffs: [[Double]] = []
        for theta in 0..<(1 << uncertain.count) {
            let s = BayesianAllianceFormationGame.scenario(scenario, uncertain: uncertain, profile: theta)
            let model = try DynamicPayoffModel(scenario: s, threatModel: threatModel, parameters: parameters)
            var flat = [Double](repeating: 0, count: base.states.count * n)
            for (x, st) in base.states.enumerated() {
                if x % 4096 == 0, shouldStop() { throw DynamicsError.stopped }
                let u = model.payoff(st)
                guard u.allSatisfy(\.isFinite) else { throw DynamicsError.nonFinitePayoffs }
                for i in 0..<n { flat[x * n + i] = u[i] }
            }
            payoffs.append(flat)
        }
        // Product belief kernels: digit u of b is the grid index of uncertain[u]'s belief.
        var kernels: [[[(Int, Double)]]] = []
        for theta in 0..<(1 << uncertain.count) {
            if shouldStop() { throw DynamicsError.stopped }
            var rows: [[(Int, Double)]] = []
            for b in 0..<beliefCount {
                var row: [(Int, Double)] = [(0, 1)]
                var place = 1
                for u in uncertain.indices {
                    let k = (b / place) % grid.points
                    let succ = grid.kernel[(theta >> u) & 1][k]
                    row = row.flatMap { (idx, w) in succ.map { (idx + $0.0 * place, w * $0.1) } }
                    place *= grid.points
                }
                rows.append(row)
            }
            kernels.append(rows)
        }
        self.base = base
        self.uncertain = uncertain
        self.priors = uncertain.map { scenario.actors[$0].type.probabilityPowerAcquiring }
        self.grid = grid
        self.information = information
        self.threatModel = threatModel
        self.beliefCount = beliefCount
        self.payoffs = payoffs
        self.beliefKernel = kernels
    }

    /// The scenario with the private types set to the profile θ (bit u set ⇔ `uncertain[u]` is power-acquiring).
    public static func scenario(_ scenario: Scenario, uncertain: [Int], profile theta: Int) -> Scenario {
        scenario.withPureTypes(
            uncertain.enumerated().map { (u, i) in (index: i, powerAcquiring: (theta >> u) & 1 == 1) })
    }

    /// Grid index of uncertain actor u's belief in belief state b.
    @inline(__always) public func digit(_ b: Int, _ u: Int) -> Int {
        var place = 1
        for _ in 0..<u { place *= grid.points }
        return (b / place) % grid.points
    }

    /// Belief state b with uncertain actor u's belief set to grid index k.
    @inline(__always) func setting(_ b: Int, _ u: Int, to k: Int) -> Int {
        var place = 1
        for _ in 0..<u { place *= grid.points }
        return b + (k - (b / place) % grid.points) * place
    }

    /// The public beliefs μ_u in belief state b.
    public func beliefs(_ b: Int) -> [Double] { uncertain.indices.map { grid.value(digit(b, $0)) } }

    /// Probability of type profile θ under the beliefs of belief state b.
    @inline(__always) func weight(_ theta: Int, _ b: Int) -> Double {
        var w = 1.0
        for u in uncertain.indices {
            let mu = grid.value(digit(b, u))
            w *= (theta >> u) & 1 == 1 ? mu : 1 - mu
        }
        return w
    }

    /// The initial belief states and their probabilities: each prior spread over its two nearest grid points.
    public var initialBeliefs: [(belief: Int, probability: Double)] {
        var out: [(Int, Double)] = [(0, 1)]
        var place = 1
        for p in priors {
            let lot = grid.lottery(p)
            out = out.flatMap { (idx, w) in lot.map { (idx + $0.index * place, w * $0.probability) } }
            place *= grid.points
        }
        return out.map { (belief: $0.0, probability: $0.1) }
    }
}
