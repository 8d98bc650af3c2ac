/// The alliance-formation stochastic game (Konishi & Ray 2003): Konishi–Ray coalition formation among states with
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
/// **Solution**: an equilibrium process of coalition formation (Konishi & Ray 2003; by default their rule — moves
/// weakly profitable and maximal, waiting excluded only by a strictly profitable move — or the strict or weak rule,
/// ``Parameters/rule``), found block by block by asynchronous best-response iteration with damped mixing;
/// each candidate is evaluated by V = (I − δP)⁻¹U (a functional-graph solve for deterministic blocks, LAPACK LU or
/// GMRES with mixing) and the returned process is re-verified against the equilibrium conditions.
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
        /// One-time cost b that a mover pays when its move leaves a partner behind — breaking an alliance (reneging:
        /// the reputation cost of abandoning allies; Gibler 2008, Crescenzi et al. 2012). Joining, or enlarging one's
        /// alliance with all its members along, costs nothing; an actor left behind pays nothing. In value units
        /// (periods' payoffs are threat × capability shares); 0 (the default) is the game without it.
        public var renegingCost = 0.0
        /// Prize G available to power-acquiring actors while the window is open.
        public var prize = 1.0
        /// Hazard λ with which an open window closes each period; nil means no window.
        public var windowHazard: Double? = 0.2
        /// Whether actors may opt out of the system.
        public var allowExit = true
        /// Whether opting out is a pre-contract option only: available while no alliance has formed (every active
        /// actor alone), as in the seed's "before contracting an alliance a state can opt out". Removes the use of
        /// exit as a commitment in the middle of the game (a threatened actor declaring neutrality so that the others
        /// regroup); default false. With it the maximality clause has nothing to compare in this game (a single
        /// actor's two moves, leaving its bloc and exiting, never coexist).
        public var exitOnlyBeforeContracting = false
        /// Per-period payoff of an actor that opted out, on top of its exposure (below): the neutrality dividend
        /// (demobilised readiness), in units of threat × capability share.
        public var exitPayoff = 0.002
        /// Multiple ν of its security loss (standing alone) that an actor that opted out bears: above 1 because a
        /// declared neutral can expect no help from anyone, ever (abandonment) — so the threatened do not hide behind
        /// neutrality, and only states with little at stake opt out. Default 1.2; in [0, 4].
        public var neutralExposure = 1.2
        /// Whom a declared neutral faces (``Neutrality``): each threat's current bloc (default,
        /// ``Neutrality/facingBlocs``), or all the other actors (``Neutrality/facingEveryone``: the exposure no longer
        /// depends on how the others group, so opting out cannot serve as a commitment that makes them regroup).
        public var neutrality: Neutrality = .facingBlocs
        /// Profitability rule of the Konishi–Ray conditions (default: Konishi & Ray's own, ``Profitability/konishiRay``:
        /// moves weakly profitable and maximal, waiting excluded only by a strictly profitable move).
        public var rule: Profitability = .konishiRay
        /// Equilibrium selection of the search: which justified move is a state's best response (default
        /// ``MoveSelection/reversibleFirst``: opting out is a last resort). Every returned process is verified
        /// whatever the selection.
        public var selection: MoveSelection = .reversibleFirst
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
        /// Largest estimated size of the move table (states × allowed moves per state), checked before any state is
        /// enumerated: the table dominates memory, and each best-response iteration scans it. 25 million admits the
        /// nine great powers of 1914 with coalitions of at most 3 (≈ 2.3·10⁷, ≈ 1 min, 1.2 GB).
        public var moveLimit = 25_000_000
        /// Default parameters.
        public init() {}

        /// Largest discount factor accepted: 1 − 10⁻⁹. Values are V = (I − δP)⁻¹U, of order U/(1 − δ); closer to 1 the
        /// system is numerically singular and iterative evaluation does not converge in reasonable time.
        public static let maxDelta = 1 - 1e-9
        /// Largest magnitude accepted for κ, the alliance cost, the prize and the exit payoff (10¹²): payoffs and values
        /// (up to 10⁹ times larger) then stay far from overflow.
        public static let magnitudeLimit = 1e12

        /// Throws `.invalidParameter` naming the first parameter out of range and the range allowed.
        public func validate() throws(DynamicsError) {
            let big = Parameters.magnitudeLimit
            guard delta > 0, delta <= Parameters.maxDelta else {
                throw .invalidParameter(name: "delta (must be in (0, 1 − 1e-9])")
            }
            guard kappa.isFinite, kappa >= 0, kappa <= big else {
                throw .invalidParameter(name: "kappa (must be in [0, 1e12])")
            }
            guard allianceCost.isFinite, allianceCost >= 0, allianceCost <= big else {
                throw .invalidParameter(name: "alliance cost (must be in [0, 1e12])")
            }
            guard renegingCost.isFinite, renegingCost >= 0, renegingCost <= big else {
                throw .invalidParameter(name: "reneging cost (must be in [0, 1e12])")
            }
            guard prize.isFinite, prize >= 0, prize <= big else {
                throw .invalidParameter(name: "prize (must be in [0, 1e12])")
            }
            if let l = windowHazard {
                guard l >= 0, l <= 1 else { throw .invalidParameter(name: "lambda (must be in [0, 1])") }
            }
            guard exitPayoff.isFinite, abs(exitPayoff) <= big else {
                throw .invalidParameter(name: "exit payoff (must be in [-1e12, 1e12])")
            }
            guard neutralExposure >= 0, neutralExposure <= 4 else {
                throw .invalidParameter(name: "neutral exposure (must be in [0, 4])")
            }
            if let k = maxCoalitionSize {
                guard k >= 1 else { throw .invalidParameter(name: "max coalition size (must be ≥ 1)") }
            }
            guard maxIterations >= 1 else { throw .invalidParameter(name: "maxIterations (must be ≥ 1)") }
            guard stallLimit >= 1 else { throw .invalidParameter(name: "stallLimit (must be ≥ 1)") }
            guard denseLimit >= 0, denseLimit <= 20_000 else {
                throw .invalidParameter(name: "denseLimit (must be in 0…20000: dense LU needs 8·S² bytes)")
            }
            guard stateLimit >= 1 else { throw .invalidParameter(name: "stateLimit (must be ≥ 1)") }
            guard moveLimit >= 1 else { throw .invalidParameter(name: "moveLimit (must be ≥ 1)") }
        }
    }

    /// Largest number of actors the dynamic game represents at all (state labels are small integers and coalitions
    /// 64-bit masks; the state space is exponential long before this).
    public static let hardActorLimit = 16

    /// Estimated number of states (an upper bound on those reachable from the status quo) and of moves per state, for
    /// `n` actors: with exit, Σⱼ C(n, j)·B_k(n − j) structures (j actors out, the rest in blocs of at most k), × 2 with a
    /// window; moves: Σ_{s ≤ k} C(n, s) coalitions plus n exits. Saturates at `Int.max` instead of overflowing.
    /// - Complexity: O(n²).
    public static func estimatedSize(actors n: Int, parameters p: Parameters) -> (states: Int, movesPerState: Int) {
        guard n >= 0, n <= 62 else { return (Int.max, Int.max) }
        let k = min(p.maxCoalitionSize ?? n, n)
        func add(_ a: Int, _ b: Int) -> Int { let (s, o) = a.addingReportingOverflow(b); return o ? Int.max : s }
        func mul(_ a: Int, _ b: Int) -> Int {
            let (s, o) = a.multipliedReportingOverflow(by: b); return o ? Int.max : s
        }
        var binom = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: n + 1)
        for a in 0...n {
            binom[a][0] = 1; if a > 0 { for b in 1...a { binom[a][b] = add(binom[a - 1][b - 1], binom[a - 1][b]) } }
        }
        // B_k(m): partitions of m elements into blocks of at most k (the block of the first element has s members).
        var blocks = [Int](repeating: 0, count: n + 1)
        blocks[0] = 1
        if n >= 1 {
            for m in 1...n {
                for s in 1...min(k, m) { blocks[m] = add(blocks[m], mul(binom[m - 1][s - 1], blocks[m - s])) }
            }
        }
        var states = p.allowExit ? 0 : blocks[n]
        if p.allowExit { for j in 0...n { states = add(states, mul(binom[n][j], blocks[n - j])) } }
        if p.windowHazard != nil { states = mul(states, 2) }
        var moves = p.allowExit ? n : 0
        if k >= 1 { for s in 1...k { moves = add(moves, binom[n][s]) } }
        return (states, moves)
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
        /// `blocMasks[i]`: the members of i's bloc, i included (0 for an actor that opted out). O(n²).
        var blocMasks: [UInt64] {
            labels.map { l in
                guard l >= 0 else { return 0 }
                var m: UInt64 = 0
                for (j, lj) in labels.enumerated() where lj == l { m |= 1 << UInt64(j) }
                return m
            }
        }
    }

    /// A move: a coalition forming, or one actor exiting.
    public enum Move: Sendable, Equatable {
        case form(Coalition)
        case exit(Int)
        var movers: Coalition {
            switch self {
            case .form(let s): return s
            case .exit(let i): return Coalition(mask: 1 << UInt64(i))
            }
        }
        /// Whether the move is an exit (opting out). O(1).
        var isExit: Bool {
            if case .exit = self { return true }
            return false
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
    /// `sameMovers[x][k]`: the other moves from x with the same movers as `moves[x][k]` (Konishi–Ray's clause (a)
    /// compares a move only with these), built with the moves and shared by the games on one state space.
    let sameMovers: [[[Int]]]
    /// Whether each actor is treated as power-acquiring.
    public let powerAcquiring: [Bool]
    /// `strongestThreat[i]`: the actor that threatens i most once the window has closed (largest T[i←j]), for the
    /// actors threatened at least as much as the median actor (by their largest T[i←j]); nil for the others — small,
    /// remote or unthreatened units, which may opt out for good reasons.
    public let strongestThreat: [Int?]
    /// `blocMasks[x][i]`: the members of i's bloc in state x, i included (0 for an actor that opted out); built only
    /// when the reneging cost is positive (empty otherwise).
    let blocMasks: [[UInt64]]
    /// Whether `solve` searches each open-window block first from its closed-window partner's process (the default);
    /// the private-type game also seeds from processes searched without it (different equilibria of the public game).
    var warmStartsOpenWindows = true
    /// Largest number of actors for the full state space (Bell(n+1)·2 states); with `maxCoalitionSize` set, up to 12.
    public static let defaultActorLimit = 7

    /// Builds the game from a scenario and a threat model. Throws for more than `actorLimit` actors, and
    /// `DynamicsError.stopped` when `shouldStop` (a deadline or an interrupt, polled every 1,024 states while the state
    /// space is enumerated and every 4,096 states while payoffs are computed) says so.
    ///
    /// The actors are put in canonical order (sorted by id, ``Scenario/orderedByID()``) before anything else, so the
    /// equilibrium process the search selects does not depend on the order in which they were listed; ``scenario``
    /// and every per-actor result use that order.
    public init(
        scenario input: Scenario, threatModel: ThreatModel = ThreatModel(), parameters: Parameters = Parameters(),
        actorLimit: Int = defaultActorLimit, shouldStop: () -> Bool = { false }
    ) throws {
        let scenario = try input.orderedByID()
        try parameters.validate()
        let n = scenario.actorCount
        guard actorLimit >= 1 else { throw DynamicsError.invalidParameter(name: "actorLimit (must be ≥ 1)") }
        guard n <= AllianceFormationGame.hardActorLimit else {
            throw DynamicsError.tooManyActors(actors: n, limit: AllianceFormationGame.hardActorLimit)
        }
        guard n <= (parameters.maxCoalitionSize == nil ? actorLimit : min(max(actorLimit, 12), 16)) else {
            throw DynamicsError.tooManyStates(players: n, limit: parameters.maxCoalitionSize == nil ? actorLimit : 12)
        }
        // Refuse before enumerating: the state count and the move table are exponential in n.
        let size = AllianceFormationGame.estimatedSize(actors: n, parameters: parameters)
        let (table, overflow) = size.states.multipliedReportingOverflow(by: size.movesPerState)
        if size.states > parameters.stateLimit || overflow || table > parameters.moveLimit {
            throw DynamicsError.stateSpaceTooLarge(
                states: size.states, moves: overflow ? Int.max : table,
                stateLimit: parameters.stateLimit, moveLimit: parameters.moveLimit)
        }
        try AllianceFormationGame.checkActors(scenario)
        let space = try AllianceFormationGame.stateSpace(actors: n, parameters: parameters, shouldStop: shouldStop)
        try self.init(
            ordered: scenario, threatModel: threatModel, parameters: parameters, states: space.states,
            moves: space.moves, closedPartner: space.closedPartner, sameMovers: space.sameMovers,
            shouldStop: shouldStop)
    }

    /// The game of another scenario with the same number of actors (other types or capabilities, e.g. the
    /// power-acquiring setting next to the all-status-quo one) on this game's state space: the structures, moves and
    /// window partners depend only on the number of actors and the parameters, so only the payoffs are computed.
    /// Throws `.invalidParameter` if the actor counts differ; otherwise the result equals
    /// `AllianceFormationGame(scenario:threatModel:parameters:actorLimit:shouldStop:)` with this game's parameters
    /// (`shouldStop` as there).
    /// - Complexity: O(states · n³) for the payoffs, instead of the breadth-first search over states × moves.
    public func sharingStateSpace(
        scenario input: Scenario, threatModel: ThreatModel, shouldStop: () -> Bool = { false }
    ) throws -> AllianceFormationGame {
        let scenario = try input.orderedByID()
        guard scenario.actorCount == self.scenario.actorCount else {
            throw DynamicsError.invalidParameter(
                name: "scenario (\(scenario.actorCount) actors; the shared state space has \(self.scenario.actorCount))"
            )
        }
        return try AllianceFormationGame(
            ordered: scenario, threatModel: threatModel, parameters: parameters, states: states, moves: moves,
            closedPartner: closedPartner, sameMovers: sameMovers, shouldStop: shouldStop)
    }

    /// Checks the capabilities and computes the payoffs of a scenario (already in canonical order) on a state space.
    private init(
        ordered scenario: Scenario, threatModel: ThreatModel, parameters: Parameters, states: [State],
        moves: [[(move: Move, target: Int)]], closedPartner: [Int], sameMovers: [[[Int]]], shouldStop: () -> Bool
    ) throws {
        try AllianceFormationGame.checkActors(scenario)
        let payoffModel = try DynamicPayoffModel(scenario: scenario, threatModel: threatModel, parameters: parameters)
        var payoffs: [[Double]] = []
        payoffs.reserveCapacity(states.count)
        for (x, st) in states.enumerated() {
            if x % 4096 == 0, shouldStop() { throw DynamicsError.stopped }
            payoffs.append(payoffModel.payoff(st))
        }
        guard payoffs.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw DynamicsError.nonFinitePayoffs }
        self.scenario = scenario
        self.parameters = parameters
        self.states = states
        self.payoffs = payoffs
        self.moves = moves
        self.closedPartner = closedPartner
        self.sameMovers = sameMovers
        self.powerAcquiring = scenario.actors.map { $0.type.probabilityPowerAcquiring >= 0.5 }
        self.blocMasks = parameters.renegingCost > 0 ? states.map(\.blocMasks) : []
        let t = payoffModel.threatClosed, n = scenario.actorCount
        let strongest = (0..<n).map { i in (0..<n).filter { $0 != i && t[i, $0] > 0 }.max { t[i, $0] < t[i, $1] } }
        let levels = (0..<n).map { i in strongest[i].map { t[i, $0] } ?? 0 }
        let median = levels.sorted()[n / 2]
        // Only an actor whose strongest threat is at least the median actor's counts as facing a top threat.
        self.strongestThreat = (0..<n).map { levels[$0] >= median && levels[$0] > 0 ? strongest[$0] : nil }
    }

    /// The members of `movers` who leave a partner behind by moving from x — those who pay the reneging cost: a mover
    /// whose bloc in x has a member outside the movers. O(|movers|); 0 without a reneging cost.
    @inline(__always) func renegers(at x: Int, movers: Coalition) -> UInt64 {
        guard !blocMasks.isEmpty else { return 0 }
        var out: UInt64 = 0
        var mask = movers.mask
        while mask != 0 {
            let i = mask.trailingZeroBitCount
            mask &= mask - 1
            if blocMasks[x][i] & ~movers.mask != 0 { out |= 1 << UInt64(i) }
        }
        return out
    }

    /// Charges the expected reneging cost of x's prescription (a move index, nil for waiting, or a mixture) to the
    /// rewards of x's row, `rewards[offset + i]`: δ·b for each mover who leaves a partner behind, times the move's
    /// probability — the cost is paid when the move is made, like the landing value it is weighed against. O(n) per
    /// move; nothing without a reneging cost.
    @inline(__always) func chargeReneging(
        _ x: Int, move: Int?, mixture: [(move: Int, probability: Double)]?, rewards: inout [Double], offset: Int
    ) {
        guard !blocMasks.isEmpty else { return }
        if let mixture {
            for m in mixture {
                chargeReneging(x, move: m.move, probability: m.probability, rewards: &rewards, offset: offset)
            }
        } else if let move {
            chargeReneging(x, move: move, probability: 1, rewards: &rewards, offset: offset)
        }
    }

    /// Charges δ·b·`probability` to each mover of move k from x who leaves a partner behind (see above). O(n).
    @inline(__always) func chargeReneging(
        _ x: Int, move k: Int, probability w: Double, rewards: inout [Double], offset: Int
    ) {
        var r = renegers(at: x, movers: moves[x][k].move.movers)
        let charge = parameters.delta * parameters.renegingCost * w
        while r != 0 {
            let i = r.trailingZeroBitCount
            r &= r - 1
            rewards[offset + i] -= charge
        }
    }

    /// Throws `.invalidParameter` for a capability or military share that is not finite and nonnegative.
    static func checkActors(_ scenario: Scenario) throws(DynamicsError) {
        if let k = scenario.actors.firstIndex(where: {
            !($0.capability.isFinite && $0.capability >= 0 && $0.militaryShare.isFinite && $0.militaryShare >= 0)
        }) {
            throw .invalidParameter(name: "capability or military share of actor \(k + 1) (must be finite and ≥ 0)")
        }
    }

    /// The states reachable from the status quo (every actor alone and active) by breadth-first search over the
    /// allowed moves — without a coalition-size limit every structure (Bell(n+1) of them) for each window flag — with
    /// each state's moves (coalitions in increasing mask order, then exits in actor order), window partner and moves
    /// with the same movers.
    ///
    /// Only the coalitions of at most `maxCoalitionSize` members are enumerated (by skipping, in increasing order, the
    /// masks with too many bits), and a move's target is found from its packed key, computed directly from the bloc
    /// masks of the state: a label array is allocated only for a new state.
    /// - Complexity: O(states · moves per state · n) time, O(states · moves per state) memory.
    static func stateSpace(actors n: Int, parameters: Parameters, shouldStop: () -> Bool) throws -> (
        states: [State], moves: [[(move: Move, target: Int)]], closedPartner: [Int], sameMovers: [[[Int]]]
    ) {
        let maxSize = parameters.maxCoalitionSize ?? n
        let initial = State(labels: (0..<n).map { Int8($0) }, windowOpen: parameters.windowHazard != nil)
        var states: [State] = [initial]
        // States are interned by a packed key (two words: hashing and comparing it is far cheaper than hashing the
        // label array, and interning dominated building a 250 000-state game).
        var index: [PackedState: Int] = [PackedState(initial): 0]
        var moves: [[(move: Move, target: Int)]] = []
        var closedPartner: [Int] = []
        var sameMovers: [[[Int]]] = []
        var single = [[Int]](repeating: [], count: n)
        func intern(_ key: PackedState, _ labels: [Int8], windowOpen: Bool) throws -> Int {
            if let k = index[key] { return k }
            guard states.count < parameters.stateLimit else {
                throw DynamicsError.stateSpaceTooLarge(
                    states: states.count + 1, moves: 0, stateLimit: parameters.stateLimit,
                    moveLimit: parameters.moveLimit)
            }
            index[key] = states.count
            states.append(State(labels: labels, windowOpen: windowOpen))
            return states.count - 1
        }
        // Workspaces reused for every state and move.
        var blocMask = [UInt64](repeating: 0, count: n)
        var active = [Int](repeating: 0, count: n)
        var target = [Int8](repeating: 0, count: n)
        var list: [(move: Move, target: Int)] = []
        var head = 0
        while head < states.count {
            if head % 1024 == 0, shouldStop() { throw DynamicsError.stopped }
            let st = states[head]
            head += 1
            let labels = st.labels
            var activeMask: UInt64 = 0
            for i in 0..<n { blocMask[i] = 0 }
            for i in 0..<n where labels[i] >= 0 {
                activeMask |= 1 << UInt64(i)
                blocMask[Int(labels[i])] |= 1 << UInt64(i)
            }
            let ownKey = PackedState(st)
            if st.windowOpen {
                var closedKey = ownKey
                closedKey.high &= ~(1 << 63)
                closedPartner.append(try intern(closedKey, labels, windowOpen: false))
            } else {
                closedPartner.append(head - 1)
            }
            // The state after the actors in `movers` leave their blocs and form `movers` (or, `exiting`, opt out):
            // every remaining bloc keeps its other members, labelled by its first remaining member.
            func successor(_ movers: UInt64, exiting: Bool) throws -> Int? {
                let moverLabel = Int8(movers.trailingZeroBitCount)
                var key = PackedState()
                for i in 0..<n {
                    let l: Int8
                    if labels[i] < 0 {
                        l = -1
                    } else if movers & (1 << UInt64(i)) != 0 {
                        l = exiting ? -1 : moverLabel
                    } else {
                        l = Int8((blocMask[Int(labels[i])] & ~movers).trailingZeroBitCount)
                    }
                    target[i] = l
                    key.set(i, l)
                }
                key.setWindow(st.windowOpen)
                if key == ownKey { return nil }
                return try intern(key, target, windowOpen: st.windowOpen)
            }
            list.removeAll(keepingCapacity: true)
            let m = activeMask.nonzeroBitCount
            var rest = activeMask
            for j in 0..<m {
                active[j] = rest.trailingZeroBitCount
                rest &= rest - 1
            }
            // Subsets of the active actors with at most maxSize members, in increasing mask order: c runs over the
            // masks of 0..<m (bit j = j-th active actor, an order-preserving map); a c with too many bits is followed
            // by masks with even more bits until its lowest bit carries, so c += lowest bit skips them all.
            let limit: UInt64 = m >= 64 ? ~0 : (1 << UInt64(m)) - 1
            var c: UInt64 = 1
            while c != 0 && c <= limit {
                if c.nonzeroBitCount > maxSize {
                    c &+= c & (~c &+ 1)
                    continue
                }
                var sub: UInt64 = 0
                var bits = c
                while bits != 0 {
                    sub |= 1 << UInt64(active[bits.trailingZeroBitCount])
                    bits &= bits - 1
                }
                if let y = try successor(sub, exiting: false) { list.append((.form(Coalition(mask: sub)), y)) }
                c &+= 1
            }
            // Opting out before contracting (exitOnlyBeforeContracting): only while no alliance has formed.
            let exitOpen =
                !parameters.exitOnlyBeforeContracting
                || (0..<n).allSatisfy { labels[$0] < 0 || blocMask[Int(labels[$0])].nonzeroBitCount == 1 }
            if parameters.allowExit && exitOpen {
                for j in 0..<m {
                    let i = active[j]
                    if let y = try successor(1 << UInt64(i), exiting: true) { list.append((.exit(i), y)) }
                }
            }
            moves.append(Array(list))
            // Only single movers can have two moves (leaving the bloc, form {i}, and exiting): a coalition of two or
            // more forms at most once from a state. Grouped by actor, without hashing.
            var alternatives = [[Int]](repeating: [], count: list.count)
            for (k, mv) in list.enumerated() where mv.move.movers.count == 1 {
                single[mv.move.movers.mask.trailingZeroBitCount].append(k)
            }
            for (k, mv) in list.enumerated() where mv.move.movers.count == 1 {
                let i = mv.move.movers.mask.trailingZeroBitCount
                if single[i].count > 1 { alternatives[k] = single[i].filter { $0 != k } }
            }
            for mv in list where mv.move.movers.count == 1 {
                single[mv.move.movers.mask.trailingZeroBitCount].removeAll(keepingCapacity: true)
            }
            sameMovers.append(alternatives)
        }
        return (states, moves, closedPartner, sameMovers)
    }

    /// A state as two words, 5 bits per label (label + 1, at most 16 actors) and the window flag: the interning key.
    struct PackedState: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        init() {}
        init(_ s: State) {
            for (i, l) in s.labels.enumerated() { set(i, l) }
            setWindow(s.windowOpen)
        }
        /// Sets the (cleared) 5 bits of actor i to label l + 1.
        @inline(__always) mutating func set(_ i: Int, _ l: Int8) {
            let bits = UInt64(UInt8(bitPattern: l &+ 1) & 0x1f)
            if i < 12 { low |= bits << UInt64(5 * i) } else { high |= bits << UInt64(5 * (i - 12)) }
        }
        @inline(__always) mutating func setWindow(_ open: Bool) { if open { high |= 1 << 63 } }
    }
}
