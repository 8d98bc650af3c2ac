/// The equilibrium process of an ``AllianceFormationGame`` and what it predicts from the status quo.
public struct AllianceDynamicsResult: Sendable {
    /// `choice[x]`: index into `game.moves[x]` of the move made in state x, or nil (everyone waits).
    public let choice: [Int?]
    /// `values[x][i]`.
    public let values: [[Double]]
    /// Whether the equilibrium conditions hold (checked on the returned process).
    public let verified: Bool
    /// Best-response iterations used.
    public let iterations: Int
    /// The initial state (every actor alone and active, window open if any).
    public let initialState: Int
    /// Absorbing states reached from the initial state with their probabilities (≥ 1e-9), most likely first.
    public let absorbing: [(state: Int, probability: Double)]
    /// The most likely path of states from the initial state (until a state repeats or is absorbing).
    public let path: [Int]
    /// How the state space was evaluated ("dense LU", "GMRES" or "Gauss–Seidel"), and its size.
    public let evaluation: String
    /// States where the process mixes over several moves: (index into the state's moves, probability). Empty for a
    /// deterministic process; `choice[x]` then holds the most likely move.
    public var mixed: [Int: [(move: Int, probability: Double)]] = [:]
    /// Whether `shouldStop` ended the search (a timeout or an interrupt) before every block was solved and checked:
    /// the process is then incomplete — later blocks keep "everyone waits" and their per-period payoffs as values —
    /// the final check was not run, and `verified` is false.
    public var stopped = false
    /// The equilibrium selection the search used: the game's own, or ``MoveSelection/largestGain`` where the default
    /// ``MoveSelection/reversibleFirst`` found no verified process (``AllianceFormationGame/solve(shouldStop:)``).
    public var selection: MoveSelection = .reversibleFirst
}

/// What an actor does in a state of the process.
public enum DynamicChoice: String, Sendable {
    /// Joins or forms the coalition that moves.
    case join
    /// Forms a coalition while the window is open and it is power-acquiring: seizes the opportunity.
    case seize
    /// Opts out of the system.
    case exit
    /// Waits (fence-sits) while others move, or nobody moves.
    case wait
    /// Alone, and waiting against its will: some alliance move would pay it, and every such move is refused by a
    /// member who would lose (the dynamic game's counterpart of the static model's isolation, Hart & Kurz 1983's
    /// consent). Reported by the public game only.
    case isolated
    /// Has already opted out.
    case out
}

extension AllianceFormationGame {
    /// Expected continuation value of landing in structure `y` (same window flag as the mover's state) from `x`.
    @inline(__always) func continuation(_ v: [[Double]], from x: Int, to y: Int, player i: Int) -> Double {
        guard states[x].windowOpen, let l = parameters.windowHazard else { return v[y][i] }
        return (1 - l) * v[y][i] + l * v[closedPartner[y]][i]
    }

    /// The transition rows of a deterministic process: each state has at most two successors.
    func transitions(_ choice: [Int?], mixed: [Int: [(move: Int, probability: Double)]] = [:]) -> [[(Int, Double)]] {
        states.indices.map { transitionRow($0, move: choice[$0], mixture: mixed[$0]) }
    }

    /// V = (I − δP)⁻¹U by the shared ``PolicyEvaluation``: dense LU (all players at once) for small state spaces,
    /// Gauss–Seidel sweeps or GMRES beyond, warm-started from `start` (else from the payoffs). U is the payoffs less
    /// the reneging costs of the process `choice`/`mixed` (which must be given when the reneging cost is positive).
    func evaluate(
        _ p: [[(Int, Double)]], start: [[Double]]?, denseLimit: Int? = nil, choice: [Int?],
        mixed: [Int: [(move: Int, probability: Double)]] = [:]
    ) throws(DynamicsError) -> [[Double]] {
        let n = scenario.actorCount
        var sparse = SparseMatrix(size: states.count)
        for row in p { sparse.appendRow(row) }
        var rewards = Array(payoffs.joined())
        if !blocMasks.isEmpty {
            for x in choice.indices {
                chargeReneging(x, move: choice[x], mixture: mixed[x], rewards: &rewards, offset: x * n)
            }
        }
        let v = try PolicyEvaluation.solve(
            sparse, rewards: rewards, players: n, delta: parameters.delta,
            denseLimit: denseLimit ?? parameters.denseLimit, iterative: parameters.iterativeSolver,
            start: Array((start ?? payoffs).joined()))
        return PolicyEvaluation.rows(v, players: n)
    }

    /// The smallest and largest gain over the members of `movers` of moving from x to y, net of the reneging cost of
    /// those who leave a partner behind. Allocation-free: this runs for every state and move of every iteration. (The
    /// maximality clause compares two moves of the same movers from the same state, which cost the same, so it reads
    /// continuation values only.)
    @inline(__always) func gains(_ v: [[Double]], from x: Int, to y: Int, movers: Coalition) -> (
        lowest: Double, highest: Double
    ) {
        var lo = Double.infinity, hi = -Double.infinity
        var mask = movers.mask
        let renegers = renegers(at: x, movers: movers), cost = parameters.renegingCost
        while mask != 0 {
            let i = mask.trailingZeroBitCount
            mask &= mask - 1
            var g = continuation(v, from: x, to: y, player: i) - continuation(v, from: x, to: x, player: i)
            if renegers >> UInt64(i) & 1 == 1 { g -= cost }
            lo = min(lo, g)
            hi = max(hi, g)
        }
        return (lo, hi)
    }

    /// Whether moving from x to y is profitable for `movers` as a move made (the rule's ``Profitability``), and the
    /// smallest gain among them.
    @inline(__always) func profitable(_ v: [[Double]], from x: Int, to y: Int, movers: Coalition, tolerance: Double)
        -> (Bool, Double)
    {
        let g = gains(v, from: x, to: y, movers: movers)
        return (parameters.rule.justifiesMove(lowest: g.lowest, highest: g.highest, tolerance: tolerance), g.lowest)
    }

    /// `alternatives[x][k]`: the other moves from x of the same mover coalition as `moves[x][k]` (Konishi–Ray's
    /// clause (a) compares a move only with these). In this game only a single actor has two moves from one state
    /// (leaving its bloc and exiting), so almost every list is empty. Built with the state space (O(total moves), no
    /// hashing) and shared by the games on it; O(1) here.
    func moverAlternatives() -> [[[Int]]] { sameMovers }

    /// Konishi–Ray's maximality clause (a): no other move z of the same movers S from x is better than y = target of
    /// move k for every member of S (strictly better for all by more than `tolerance` under the strict and Konishi–Ray
    /// rules; at least as good for all and strictly better for one under the weak rule), comparing continuation values.
    @inline(__always) func maximal(_ v: [[Double]], at x: Int, move k: Int, alternatives: [[[Int]]], tolerance: Double)
        -> Bool
    {
        let y = moves[x][k].target, movers = moves[x][k].move.movers
        for a in alternatives[x][k] {
            let z = moves[x][a].target
            var lo = Double.infinity, hi = -Double.infinity
            var mask = movers.mask
            while mask != 0 {
                let i = mask.trailingZeroBitCount
                mask &= mask - 1
                let g = continuation(v, from: x, to: z, player: i) - continuation(v, from: x, to: y, player: i)
                lo = min(lo, g)
                hi = max(hi, g)
            }
            if parameters.rule.dominates(lowest: lo, highest: hi, tolerance: tolerance) { return false }
        }
        return true
    }

    /// Whether move k from x satisfies Konishi–Ray's clause (a): profitable for its movers and maximal among their moves.
    @inline(__always) func justified(
        _ v: [[Double]], at x: Int, move k: Int, alternatives: [[[Int]]], tolerance: Double
    ) -> Bool {
        let mv = moves[x][k]
        return profitable(v, from: x, to: mv.target, movers: mv.move.movers, tolerance: tolerance).0
            && maximal(v, at: x, move: k, alternatives: alternatives, tolerance: tolerance)
    }

    /// The most profitable move from x (largest minimum gain over the movers) among the profitable moves that are
    /// maximal for their movers (Konishi–Ray clause (a)), if any move is profitable; alliance moves rank before exits
    /// under ``MoveSelection/reversibleFirst``. Under the Konishi–Ray rule only
    /// strictly profitable moves are best responses: where none exists, waiting is justified and is the best response.
    func bestMove(
        _ v: [[Double]], at x: Int, alternatives: [[[Int]]], tolerance: Double, selection: MoveSelection
    ) -> (index: Int, gain: Double)? {
        var best: (index: Int, exit: Bool, gain: Double)? = nil
        let strictOnly = parameters.rule == .konishiRay
        for (k, mv) in moves[x].enumerated() {
            let (ok, g) = profitable(v, from: x, to: mv.target, movers: mv.move.movers, tolerance: tolerance)
            guard ok, !strictOnly || g > tolerance else { continue }
            let exit = mv.move.isExit
            guard
                selection.prefers(
                    exit: exit, gain: g, over: best.map { ($0.exit, $0.gain) }, tolerance: tolerance)
            else { continue }
            guard maximal(v, at: x, move: k, alternatives: alternatives, tolerance: tolerance) else { continue }
            best = (k, exit, g)
        }
        return best.map { ($0.index, $0.gain) }
    }

    /// Whether some move from x excludes staying put (then waiting violates clause (b)): a profitable move under the
    /// strict and weak rules, a strictly profitable one under the Konishi–Ray rule.
    func someProfitable(_ v: [[Double]], at x: Int, tolerance: Double) -> Bool {
        moves[x].contains {
            let g = gains(v, from: x, to: $0.target, movers: $0.move.movers)
            return parameters.rule.blocksStaying(lowest: g.lowest, highest: g.highest, tolerance: tolerance)
        }
    }

    /// The states where a deterministic process (`choice[x]`: index into `moves[x]`, nil = wait) violates the
    /// Konishi–Ray (2003) equilibrium conditions: (a) the move made is profitable for its movers and maximal — no other
    /// move of the same movers is better for all of them; (b) where nobody moves, no move is profitable. Empty for an
    /// equilibrium process. Tolerance 1e-10 on value differences; O(policy evaluation + states · moves · n).
    public func violations(of choice: [Int?]) throws(DynamicsError) -> [Int] {
        let v = try values(of: choice)
        let alternatives = moverAlternatives()
        return states.indices.filter {
            violates(v, prescription: choice[$0], mixture: nil, at: $0, alternatives: alternatives, tolerance: 1e-10)
        }
    }

    /// Searches for an equilibrium process block by block (backward induction over the actors that opted out and the
    /// window, see `solutionBlocks()`), inside each block by asynchronous best responses: start from "everyone waits"; at each
    /// step every violating state switches to its most profitable move (or to waiting); when a process repeats, a
    /// single violating state switches to a random profitable move instead (a seeded generator, so runs are
    /// reproducible). Stops when no state violates the conditions, after `maxIterations`, or when the number of
    /// violating states has not fallen for `stallLimit` iterations; then the states that kept changing may mix over
    /// moves (``AllianceDynamicsResult/mixed``, damped best responses). The whole process is then re-evaluated at once
    /// and every state re-verified (tolerance 1e-10 on value differences); `verified` reports that check.
    /// `shouldStop` (a deadline or an interrupt) is polled between blocks and every search iteration; once it returns
    /// true, no further block is searched and the final check is skipped: the result is ``AllianceDynamicsResult/stopped``
    /// and not verified, and only the path and absorbing states of the incomplete process are computed.
    /// - Complexity: per block, iterations × (O(block·n) evaluation of a deterministic process — a functional graph —
    ///   or a warm-started iterative solve with mixing, + O(block · moves · n) checks).
    ///
    /// Under ``MoveSelection/reversibleFirst`` (the default) a game whose search does not verify is searched again
    /// with ``MoveSelection/largestGain``, and the result names the selection that produced it
    /// (``AllianceDynamicsResult/selection``): the selection is a preference among equilibria, not a restriction.
    public func solve(shouldStop: () -> Bool = { false }) throws(DynamicsError) -> AllianceDynamicsResult {
        let first = try solve(selection: parameters.selection, shouldStop: shouldStop)
        guard !first.verified, !first.stopped, parameters.selection == .reversibleFirst else { return first }
        let second = try solve(selection: .largestGain, shouldStop: shouldStop)
        return second.verified || second.stopped ? second : first
    }

    /// Solves several settings of one system (all status quo, with power-acquiring actors, …) under one equilibrium
    /// selection, so that what differs between the settings is not the selection: where the default
    /// (``MoveSelection/reversibleFirst``) needed its fallback to ``MoveSelection/largestGain`` in one setting, the
    /// others are searched with `largestGain` too and take that result when it verifies (otherwise they keep their
    /// own, and the results' ``AllianceDynamicsResult/selection`` differ). `starting(k)` is called before setting k
    /// is solved (progress).
    /// - Complexity: one solve per setting, two for a setting re-solved.
    public static func solveAlike(
        _ games: [AllianceFormationGame], starting: (Int) -> Void = { _ in }, shouldStop: () -> Bool = { false }
    ) throws(DynamicsError) -> [AllianceDynamicsResult] {
        var results: [AllianceDynamicsResult] = []
        for (k, g) in games.enumerated() {
            starting(k)
            results.append(try g.solve(shouldStop: shouldStop))
        }
        guard results.contains(where: { $0.selection == .largestGain && $0.verified }) else { return results }
        for (k, g) in games.enumerated()
        where g.parameters.selection == .reversibleFirst && results[k].selection == .reversibleFirst
            && !results[k].stopped
        {
            let again = try g.solve(selection: .largestGain, shouldStop: shouldStop)
            if again.verified { results[k] = again }
        }
        return results
    }

    /// One search of the whole game with the given selection (``solve(shouldStop:)``).
    func solve(selection: MoveSelection, shouldStop: () -> Bool) throws(DynamicsError) -> AllianceDynamicsResult {
        let m = states.count
        let tol = 1e-10
        // Once `shouldStop` has said yes, it stays yes: no further block is searched and the final check is skipped,
        // so a deadline bounds the whole solve (the result is then reported as stopped and not verified).
        var stopped = false
        func stop() -> Bool {
            if !stopped && shouldStop() { stopped = true }
            return stopped
        }
        let alternatives = moverAlternatives()
        // Backward induction over the blocks (AllianceBlockSolver): each block is solved with the values of the blocks
        // it can reach already final.
        var v = payoffs
        var choice = [Int?](repeating: nil, count: m)
        var mixed: [Int: [(move: Int, probability: Double)]] = [:]
        var iterations = 0
        var local = [Int](repeating: -1, count: m)
        let blocks = solutionBlocks()
        var solvedBlocks = 0
        for block in blocks {
            if stop() { break }
            for (lx, x) in block.enumerated() { local[x] = lx }
            _ = try solveBlock(
                block, local: local, selection: selection, choice: &choice, mixed: &mixed, values: &v,
                alternatives: alternatives,
                iterations: &iterations, shouldStop: stop)
            for x in block { local[x] = -1 }
            solvedBlocks += 1
        }
        // Transition rows: all of them for the gate; after a stop only those the chain from the initial state visits.
        let p: [[(Int, Double)]]? = stop() ? nil : transitions(choice, mixed: mixed)
        func row(_ x: Int) -> [(Int, Double)] { p?[x] ?? transitionRow(x, move: choice[x], mixture: mixed[x]) }
        var verified = false
        if let p {
            // The gate: every state re-checked against the whole process evaluated at once, warm-started from the
            // blocks' values: the iterative solver then only confirms the residual, ‖U − (I − δP)V‖ ≤ 1e-12‖U‖.
            v = try evaluate(
                p, start: v, denseLimit: AllianceFormationGame.blockDenseLimit, choice: choice, mixed: mixed)
            verified =
                (0..<m).allSatisfy { x in
                    !violates(
                        v, prescription: choice[x], mixture: mixed[x], at: x, alternatives: alternatives,
                        tolerance: tol)
                } && v.allSatisfy { $0.allSatisfy(\.isFinite) }
        }
        let initial = states.firstIndex { s in
            s.labels.enumerated().allSatisfy { Int($0.element) == $0.offset }
                && s.windowOpen == (parameters.windowHazard != nil)
        }!
        // Absorption probabilities from the initial state by iterating the chain, on the states it has reached only
        // (`support`, in increasing order, so every sum is added in the same order as over all states): O(reached
        // states) per step instead of O(states).
        var dist = [Double](repeating: 0, count: m), next = dist
        var reached = [Bool](repeating: false, count: m)
        var support = [initial]
        dist[initial] = 1
        for _ in 0..<10_000 {
            var nextSupport: [Int] = []
            for x in support where dist[x] > 0 {
                for (y, w) in row(x) {
                    if !reached[y] { reached[y] = true; nextSupport.append(y) }
                    next[y] += dist[x] * w
                }
            }
            nextSupport.sort()
            var change = 0.0
            for x in support { change = max(change, abs(next[x] - dist[x])) }
            for y in nextSupport { change = max(change, abs(next[y] - dist[y])) }
            for x in support { dist[x] = 0 }
            for y in nextSupport { dist[y] = next[y]; next[y] = 0; reached[y] = false }
            support = nextSupport
            if change < 1e-14 { break }
        }
        let absorbing = (0..<m).filter { dist[$0] >= 1e-9 && row($0).count == 1 && row($0)[0].0 == $0 }
            .map { (state: $0, probability: dist[$0]) }.sorted { $0.probability > $1.probability }
        var path = [initial]
        var visited: Set<Int> = [initial]
        while let last = path.last, let nextState = row(last).max(by: { $0.1 < $1.1 })?.0, nextState != last,
            visited.insert(nextState).inserted
        {
            path.append(nextState)
        }
        var result = AllianceDynamicsResult(
            choice: choice, values: v, verified: verified, iterations: iterations, initialState: initial,
            absorbing: absorbing, path: path,
            evaluation: "\(blocks.count) blocks of at most \(blocks.map(\.count).max() ?? 0) of \(m) states"
                + restriction + (mixed.isEmpty ? "" : "; mixing in \(mixed.count) states")
                + (stopped ? "; stopped (timeout or interrupt) after \(solvedBlocks) of \(blocks.count) blocks" : ""))
        result.mixed = mixed
        result.stopped = stopped
        result.selection = selection
        return result
    }

    /// Values V = (I − δP)⁻¹U of any deterministic process (`choice[x]`: index into `moves[x]`, nil = wait), all actors
    /// at once: `values[x][i]`. Dense LU up to `denseLimit` states (O(S³)); beyond, GMRES (default, relative residual
    /// 1e-12) or Gauss–Seidel sweeps (relative change 1e-13) on the sparse P, O(S·n) per step.
    public func values(of choice: [Int?]) throws(DynamicsError) -> [[Double]] {
        guard choice.count == states.count else { throw .invalidParameter(name: "process (one choice per state)") }
        return try evaluate(transitions(choice), start: nil, choice: choice)
    }

    /// How the state space was restricted, as text ("" for the full space).
    public var restriction: String {
        guard let k = parameters.maxCoalitionSize else { return "" }
        return "; restricted: coalitions of at most \(k) members, only the structures reachable from the status quo"
    }

    /// The transition rows (successor, probability) of the returned process, mixtures included.
    public func transitionRows(_ result: AllianceDynamicsResult) -> [[(Int, Double)]] {
        transitions(result.choice, mixed: result.mixed)
    }

    /// Each actor's choice in state x under the process: an actor in no move made waits, or is ``DynamicChoice/isolated``
    /// when it is alone and every alliance move that would pay it (gain above 10⁻¹⁰ in continuation value) is refused
    /// by a member who would lose. O(n · moves · n).
    public func choices(in x: Int, result: AllianceDynamicsResult) -> [DynamicChoice] {
        let s = states[x]
        return (0..<scenario.actorCount).map { i in
            if s.labels[i] < 0 { return .out }
            // Only an actor that takes no part in the move made is checked for isolation.
            var idle: DynamicChoice { isolated(i, in: x, values: result.values) ? .isolated : .wait }
            guard let k = result.choice[x] else { return idle }
            switch moves[x][k].move {
            case .exit(let j): return j == i ? .exit : idle
            case .form(let c):
                guard c.contains(i) else { return idle }
                return s.windowOpen && powerAcquiring[i] ? .seize : .join
            }
        }
    }

    /// Whether actor i is alone in state x and every alliance move of x that includes it and would pay it is refused
    /// by another member who would lose (and at least one such move exists). Gains in continuation values, net of the
    /// reneging cost, tolerance 10⁻¹⁰. O(moves · n).
    func isolated(_ i: Int, in x: Int, values v: [[Double]]) -> Bool {
        let labels = states[x].labels
        guard labels[i] >= 0, !labels.indices.contains(where: { $0 != i && labels[$0] == labels[i] }) else {
            return false
        }
        var wanted = false
        for mv in moves[x] {
            guard case .form(let c) = mv.move, c.contains(i), c.count > 1 else { continue }
            let own = continuation(v, from: x, to: mv.target, player: i) - continuation(v, from: x, to: x, player: i)
            guard own > 1e-10 else { continue }
            wanted = true
            if gains(v, from: x, to: mv.target, movers: mv.move.movers).lowest >= -1e-10 { return false }
        }
        return wanted
    }

    /// The actors that have opted out in an absorbing structure reached with positive probability although their
    /// strongest threat (``strongestThreat``) is still in the game — opting out facing one's top threat, which the
    /// model's neutral exposure ν and the default selection are meant to rule out (docs/theory.md); with the
    /// absorbing probability of the structure. O(absorbing · n).
    public func exitsFacingTopThreat(_ result: AllianceDynamicsResult) -> [(
        actor: Int, threat: Int, probability: Double
    )] {
        var out: [(actor: Int, threat: Int, probability: Double)] = []
        for a in result.absorbing {
            let labels = states[a.state].labels
            for i in labels.indices where labels[i] < 0 {
                guard let j = strongestThreat[i], labels[j] >= 0 else { continue }
                if let k = out.firstIndex(where: { $0.actor == i }) {
                    out[k].probability += a.probability
                } else {
                    out.append((i, j, a.probability))
                }
            }
        }
        return out
    }

    /// A state as text: blocs of ids, the opted-out actors, the window.
    public func describe(_ x: Int) -> String {
        let s = states[x]
        let ids = scenario.ids
        var parts = s.blocs.map { "{" + $0.members.map { ids[$0] }.joined(separator: ",") + "}" }
        if !s.exited.isEmpty { parts.append("out: " + s.exited.map { ids[$0] }.joined(separator: ",")) }
        if parameters.windowHazard != nil { parts.append(s.windowOpen ? "window open" : "window closed") }
        return parts.joined(separator: " ")
    }
}
