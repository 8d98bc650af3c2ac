/// The alliance-formation stochastic game (models.md §4.5): Konishi–Ray coalition formation among states with
/// opting out (an absorbing exit), a window of opportunity that closes with hazard λ, and per-period payoffs from
/// the threat and capability model, for status-quo and power-acquiring actors.
///
/// **State**: the alliance structure of the active actors, the set of actors that opted out, and whether the window
/// is open. **Moves**: a group S leaves its blocs and forms S (all of S must find it profitable — Konishi–Ray
/// effectivity), or one actor exits; waiting is staying put. After any move an open window closes with
/// probability λ. **Payoffs per period** (p(A vs B) = r(A)/(r(A) + r(B))):
/// - status quo: −Σ_{j active, j ∉ Sᵢ} T_ij·(1 − p(Sᵢ vs S_j)) − Σ_{j ∈ Sᵢ∖i} T_ij·(1 − p(i vs j)) − κ(1 − rᵢ/r(Sᵢ))
///   − c(|Sᵢ| − 1) (an alliance protects against outsiders, not against its own members);
/// - power-acquiring: while the window is open, Σ_{blocs B ≠ Sᵢ} p(Sᵢ vs B)·(rᵢ/r(Sᵢ))·G/(number of other blocs)
///   (the opportunity; gone once it closes), minus the same autonomy and alliance costs;
/// - an actor that opted out gets `exitPayoff − ν·Σ_{j active} T_ij·(1 − rᵢ/(rᵢ + r(S_j)))`: it pays no autonomy or
///   alliance costs and poses no threat, but still faces a share ν of the threats, alone.
/// Types with a probability are treated as power-acquiring when the probability is at least 1/2.
///
/// **Solution**: an equilibrium process of coalition formation (strict or weak profitability), found by
/// asynchronous best-response iteration on deterministic processes; each candidate is evaluated by
/// V = (I − δP)⁻¹U (LAPACK LU up to ``Parameters/denseLimit`` states, Gauss–Seidel iteration beyond) and the
/// returned process is re-verified against the equilibrium conditions.
/// - Complexity: states = Σ_k C(n,k)·Bell(n−k) (= Bell(n+1)) × 2 with a window; each iteration O(states · 2ⁿ · n).
///   ``Parameters/maxCoalitionSize`` restricts the state space to the structures reachable with small coalitions.
public struct AllianceFormationGame: Sendable {
    /// Parameters of the dynamic game (defaults in brackets are documented on each field).
    public struct Parameters: Sendable, Equatable {
        /// Discount factor δ ∈ (0, 1).
        public var delta = 0.9
        /// Autonomy cost κ of contracting (the conflict stage's; see ``ConflictStage``).
        public var kappa = 0.02
        /// Decisiveness γ of the contest success function.
        public var decisiveness = 2.0
        /// Weight e of entanglement in partners' quarrels.
        public var entanglement = 0.3
        /// Per-partner alliance cost c.
        public var allianceCost = 0.0
        /// Prize G available to power-acquiring actors while the window is open.
        public var prize = 1.0
        /// Hazard λ with which an open window closes each period; nil means no window.
        public var windowHazard: Double? = 0.2
        /// Whether actors may opt out of the system.
        public var allowExit = true
        /// Per-period payoff of an actor that opted out, on top of its exposure (below): the neutrality dividend
        /// (demobilised readiness), in units of threat × capability share.
        public var exitPayoff = 0.002
        /// Share ν of its security loss that an actor that opted out still bears, standing alone (1: neutrality is
        /// no shield, so the threatened do not hide behind it).
        public var neutralExposure = 1.0
        /// Profitability rule of the Konishi–Ray conditions.
        public var rule: Profitability = .strict
        /// Best-response iterations before giving up.
        public var maxIterations = 2000
        /// Iterations without a decrease in the number of violating states after which the search gives up (the
        /// result is then reported unverified: deterministic equilibrium processes need not exist).
        public var stallLimit = 100
        /// Largest state count evaluated by dense LU (beyond: ``iterativeSolver``).
        public var denseLimit = 2000
        /// Policy evaluation beyond the dense limit: Gauss–Seidel sweeps or restarted GMRES (both warm-started).
        public var iterativeSolver: IterativeSolver = .gmres
        /// Restriction of the state space: only coalitions of at most this many members may form (nil: any). The
        /// states are those reachable from the status quo, so this keeps 8–12 actors tractable.
        public var maxCoalitionSize: Int? = nil
        /// Largest number of states explored before giving up with `.tooManyStates`.
        public var stateLimit = 250_000
        /// Default parameters.
        public init() {}

        /// Throws `.invalidParameter` naming the first parameter out of range.
        public func validate() throws(DynamicsError) {
            guard delta > 0, delta < 1 else { throw .invalidParameter(name: "delta (must be in (0, 1))") }
            guard kappa.isFinite, kappa >= 0 else { throw .invalidParameter(name: "kappa (must be ≥ 0)") }
            guard allianceCost.isFinite, allianceCost >= 0 else { throw .invalidParameter(name: "alliance cost (must be ≥ 0)") }
            guard prize.isFinite, prize >= 0 else { throw .invalidParameter(name: "prize (must be ≥ 0)") }
            if let l = windowHazard { guard l >= 0, l <= 1 else { throw .invalidParameter(name: "lambda (must be in [0, 1])") } }
            guard exitPayoff.isFinite else { throw .invalidParameter(name: "exit payoff") }
            guard neutralExposure >= 0, neutralExposure <= 1 else { throw .invalidParameter(name: "neutral exposure (must be in [0, 1])") }
        }
    }

    /// Iterative policy evaluation for state spaces beyond the dense limit.
    public enum IterativeSolver: String, Sendable, Equatable, CaseIterable {
        /// Gauss–Seidel sweeps V ← U + δPV in place, to a relative change of 1e-13: O(S·n) per sweep.
        case gaussSeidel
        /// Restarted GMRES(30) on (I − δP)V = U per actor, to a relative residual of 1e-12 (Saad & Schultz 1986).
        case gmres
    }

    /// A state: block label per actor (−1 = opted out; blocks numbered by first member) and the window flag.
    public struct State: Hashable, Sendable {
        /// Block label per actor: the index of the block's first member, or −1 for an actor that opted out.
        public let labels: [Int8]
        /// Whether the window of opportunity is still open.
        public let windowOpen: Bool

        /// The blocs of active actors.
        public var blocs: [Coalition] {
            var masks = [UInt64](repeating: 0, count: labels.count)
            for (i, l) in labels.enumerated() where l >= 0 { masks[Int(l)] |= 1 << UInt64(i) }
            return masks.filter { $0 != 0 }.map { Coalition(mask: $0) }
        }
        /// Actors that opted out.
        public var exited: [Int] { labels.indices.filter { labels[$0] < 0 } }
    }

    /// A move: a coalition forming, or one actor exiting.
    public enum Move: Sendable, Equatable {
        case form(Coalition)
        case exit(Int)
        var movers: Coalition {
            switch self {
            case .form(let s): return s
            case .exit(let i): return Coalition([i])
            }
        }
    }

    /// The scenario the game was built from.
    public let scenario: Scenario
    /// The parameters used.
    public let parameters: Parameters
    /// All states: Bell(n+1) structures × window flags.
    public let states: [State]
    /// `payoffs[x][i]`: per-period payoff of actor i in state x.
    public let payoffs: [[Double]]
    /// `moves[x]`: (move, index of the structure it leads to, with the same window flag).
    public let moves: [[(move: Move, target: Int)]]
    /// For an open-window state, the same structure with the window closed (itself otherwise).
    public let closedPartner: [Int]
    /// Whether each actor is treated as power-acquiring.
    public let powerAcquiring: [Bool]
    /// Largest number of actors for the full state space (Bell(n+1)·2 states); with `maxCoalitionSize` set, up to 12.
    public static let defaultActorLimit = 7

    /// Builds the game from a scenario and a threat model. Throws for more than `actorLimit` actors.
    public init(scenario: Scenario, threatModel: ThreatModel = ThreatModel(), parameters: Parameters = Parameters(),
                actorLimit: Int = defaultActorLimit) throws {
        try parameters.validate()
        let n = scenario.actorCount
        guard n <= (parameters.maxCoalitionSize == nil ? actorLimit : min(max(actorLimit, 12), 16)) else {
            throw DynamicsError.tooManyStates(players: n, limit: parameters.maxCoalitionSize == nil ? actorLimit : 12)
        }
        let pa = scenario.actors.map { $0.type.probabilityPowerAcquiring >= 0.5 }
        // Discover the states reachable from the status quo (every actor alone and active) by breadth-first search
        // over the allowed moves; without a coalition-size limit this is every structure (Bell(n+1) of them) for
        // each window flag. Each open-window state brings its closed-window partner.
        let maxSize = parameters.maxCoalitionSize ?? n
        let initial = State(labels: (0..<n).map { Int8($0) }, windowOpen: parameters.windowHazard != nil)
        var states: [State] = [initial]
        var index: [State: Int] = [initial: 0]
        var moves: [[(move: Move, target: Int)]] = []
        var head = 0
        func intern(_ st: State) throws -> Int {
            if let k = index[st] { return k }
            guard states.count < parameters.stateLimit else {
                throw DynamicsError.tooManyStates(players: n, limit: actorLimit)
            }
            index[st] = states.count
            states.append(st)
            return states.count - 1
        }
        while head < states.count {
            let st = states[head]
            head += 1
            if st.windowOpen { _ = try intern(State(labels: st.labels, windowOpen: false)) }
            var list: [(move: Move, target: Int)] = []
            let activeMask = st.labels.indices.reduce(UInt64(0)) { st.labels[$1] >= 0 ? $0 | (1 << UInt64($1)) : $0 }
            for sub in Coalition(mask: activeMask).subsets where !sub.isEmpty && sub.count <= maxSize {
                let y = AllianceFormationGame.form(st, sub)
                if y != st.labels { list.append((.form(sub), try intern(State(labels: y, windowOpen: st.windowOpen)))) }
            }
            if parameters.allowExit {
                for i in Coalition(mask: activeMask).members {
                    var y = st.labels
                    y[i] = -1
                    list.append((.exit(i), try intern(State(labels: AllianceFormationGame.canonical(y), windowOpen: st.windowOpen))))
                }
            }
            moves.append(list)
        }
        let closed = states.map { st in index[State(labels: st.labels, windowOpen: false)] ?? index[st]! }
        let payoffModel = try DynamicPayoffModel(scenario: scenario, threatModel: threatModel, parameters: parameters)
        let payoffs = states.map { payoffModel.payoff($0) }
        self.scenario = scenario
        self.parameters = parameters
        self.states = states
        self.payoffs = payoffs
        self.moves = moves
        self.closedPartner = closed
        self.powerAcquiring = pa
    }

    static func canonical(_ labels: [Int8]) -> [Int8] {
        var map: [Int8: Int8] = [:]
        var out = labels
        for (i, l) in labels.enumerated() where l >= 0 {
            if let m = map[l] { out[i] = m } else { map[l] = Int8(i); out[i] = Int8(i) }
        }
        return out
    }

    /// S leaves its blocs and forms S; remainders stay together.
    static func form(_ s: State, _ sub: Coalition) -> [Int8] {
        var y = s.labels
        let newLabel: Int8 = 100
        for i in sub.members { y[i] = newLabel }
        return canonical(y)
    }
}
