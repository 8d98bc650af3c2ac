/// What the process prescribes in a public state of a ``BayesianAllianceFormationGame``.
public enum BayesianPrescription: Sendable, Hashable {
    /// Nobody moves (everyone fence-sits; signals keep arriving).
    case wait
    /// Move `move` (index into the public game's move list) is made whatever the movers' types: beliefs do not change.
    case pooling(move: Int)
    /// Move `move` is made only if uncertain actor `slot` is power-acquiring (`true`) or status quo (`false`);
    /// otherwise nobody moves. Either way the type is revealed.
    case separating(move: Int, slot: Int, powerAcquiring: Bool)
    /// Pooling moves made with the given probabilities (Konishi–Ray mixing; each must be profitable).
    case mixture([MixedMove])
    /// Pooling move `move` made with probability `probability` (in (0, 1)), otherwise nobody moves: Konishi–Ray mixing
    /// between moving and waiting (only under ``Profitability/konishiRay``), with the pivotal mover indifferent. Beliefs
    /// do not change either way.
    case moveOrWait(move: Int, probability: Double)

    /// One move of a mixture.
    public struct MixedMove: Sendable, Hashable {
        /// Index into the public game's move list.
        public let move: Int
        /// Probability of the move.
        public let probability: Double
    }

    /// The move made (the most likely one for a mixture), nil for waiting.
    var moveIndex: Int? {
        switch self {
        case .wait: return nil
        case .pooling(let k), .separating(let k, _, _): return k
        case .mixture(let mix): return mix.max { $0.probability < $1.probability }?.move
        case .moveOrWait(let k, let q): return q >= 0.5 ? k : nil
        }
    }
}

/// The equilibrium process of a ``BayesianAllianceFormationGame`` and what it predicts.
public struct BayesianAllianceDynamicsResult: Sendable {
    /// What happens where one true type profile holds: the long-run distribution over alliance structures.
    public struct Outcome: Sendable {
        /// Profile θ (bit u set ⇔ uncertain actor u is power-acquiring).
        public let profile: Int
        /// Prior probability of the profile.
        public let priorProbability: Double
        /// Structures (index of a closed-window public state, or open if no window) with their long-run probability
        /// (≥ 1e-6), most likely first; beliefs and the window are summed out.
        public let structures: [(state: Int, probability: Double)]
        /// Probability that each actor's choice at the status quo is each ``DynamicChoice`` (over the prior's grid points).
        public let firstChoices: [[DynamicChoice: Double]]
    }
    /// `prescriptions[z]` for public state z = structure · G^U + belief.
    public let prescriptions: [BayesianPrescription]
    /// `values[θ][z·n + i]`: actor i's value in public state z when the true profile is θ.
    public let values: [[Double]]
    /// Whether every public state satisfies the equilibrium conditions (re-checked on the returned process).
    public let verified: Bool
    /// Best-response iterations used.
    public let iterations: Int
    /// Per true type profile: prior probability and outcome.
    public let outcomes: [Outcome]
    /// Ex-ante value per actor at the start (uninformed: over types and the prior's grid points; informed: over its
    /// own type too — see ``typeValues`` for the interim values).
    public let startValues: [Double]
    /// Interim values of each uncertain actor at the start: (status quo, power-acquiring).
    public let typeValues: [(statusQuo: Double, powerAcquiring: Double)]
    /// How the values were computed and the state-space size.
    public let evaluation: String
    /// Whether `shouldStop` (a timeout or an interrupt) ended the search before every block was solved: the process is
    /// incomplete, the final check was skipped, `verified` is false, and the long-run structures follow the incomplete
    /// process for at most 200 periods.
    public var stopped = false

    /// Each actor's choice at the status quo over the type profiles, weighted by their prior probabilities:
    /// `priorChoices[i][c]` = P(actor i's first choice is c). O(profiles · n).
    public var priorChoices: [[DynamicChoice: Double]] {
        var choice = [[DynamicChoice: Double]](repeating: [:], count: outcomes.first?.firstChoices.count ?? 0)
        for o in outcomes {
            for (i, d) in o.firstChoices.enumerated() {
                for (c, w) in d { choice[i][c, default: 0] += o.priorProbability * w }
            }
        }
        return choice
    }

    /// Each actor's most likely choice at the status quo under the prior (``priorChoices``; ties broken by the
    /// choice's name, so the answer does not depend on dictionary order). O(profiles · n).
    public var modalChoices: [DynamicChoice] {
        priorChoices.map { d in
            d.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key ?? .wait
        }
    }

    /// The long-run structures over the type profiles, weighted by their prior probabilities, most likely first
    /// (ties by state index). O(profiles · structures).
    public var priorStructures: [(state: Int, probability: Double)] {
        var structure: [Int: Double] = [:]
        for o in outcomes {
            for st in o.structures { structure[st.state, default: 0] += o.priorProbability * st.probability }
        }
        return structure.map { (state: $0.key, probability: $0.value) }.sorted {
            $0.probability != $1.probability ? $0.probability > $1.probability : $0.state < $1.state
        }
    }
}

extension BayesianAllianceFormationGame {
    private var n: Int { base.scenario.actorCount }
    var tolerance: Double { 1e-10 }

    /// The structure and pre-signal belief state reached from public state z under prescription `pr` when θ holds.
    @inline(__always) func next(_ z: Int, _ theta: Int, _ pr: BayesianPrescription) -> [(
        structure: Int, belief: Int, probability: Double
    )] {
        let x = z / beliefCount, b = z % beliefCount
        switch pr {
        case .wait: return [(x, b, 1)]
        case .pooling(let k): return [(base.moves[x][k].target, b, 1)]
        case .separating(let k, let u, let pa):
            let isType = ((theta >> u) & 1 == 1) == pa
            let revealed = setting(b, u, to: ((theta >> u) & 1 == 1) ? grid.points - 1 : 0)
            return isType ? [(base.moves[x][k].target, revealed, 1)] : [(x, revealed, 1)]
        case .mixture(let mix): return mix.map { (base.moves[x][$0.move].target, b, $0.probability) }
        case .moveOrWait(let k, let q): return [(base.moves[x][k].target, b, q), (x, b, 1 - q)]
        }
    }

    /// Charges the expected reneging cost of z's prescription when θ holds to `rewards[offset + i]` (the public
    /// game's ``AllianceFormationGame`` charge: δ·b per mover leaving a partner behind, times the probability that
    /// the move is made — for a separating move, 1 if θ gives the revealing type and 0 otherwise). O(n) per move.
    @inline(__always) func chargeReneging(
        _ z: Int, _ theta: Int, _ pr: BayesianPrescription, rewards: inout [Double], offset: Int
    ) {
        guard base.parameters.renegingCost > 0 else { return }
        let x = z / beliefCount
        func charge(_ k: Int, _ w: Double) {
            base.chargeReneging(x, move: k, probability: w, rewards: &rewards, offset: offset)
        }
        switch pr {
        case .wait: return
        case .pooling(let k): charge(k, 1)
        case .separating(let k, let u, let pa): if ((theta >> u) & 1 == 1) == pa { charge(k, 1) }
        case .mixture(let mix): for m in mix { charge(m.move, m.probability) }
        case .moveOrWait(let k, let q): charge(k, q)
        }
    }

    /// The reneging cost of actor i given the movers' renegers mask (``AllianceFormationGame`` `renegers(at:movers:)`):
    /// b if i leaves a partner behind, else 0. O(1).
    @inline(__always) func renegingCost(_ i: Int, renegers: UInt64) -> Double {
        renegers >> UInt64(i) & 1 == 1 ? base.parameters.renegingCost : 0
    }

    /// Window outcomes of a structure: (structure, probability).
    @inline(__always) func windowOutcomes(_ s: Int) -> [(Int, Double)] {
        guard base.states[s].windowOpen, let l = base.parameters.windowHazard, l > 0 else { return [(s, 1)] }
        return l < 1 ? [(s, 1 - l), (base.closedPartner[s], l)] : [(base.closedPartner[s], 1)]
    }

    /// The transition matrix of the process when θ holds: the move, then the window, then the signals.
    func chain(_ theta: Int, _ pr: [BayesianPrescription]) -> SparseMatrix {
        var p = SparseMatrix(size: stateCount)
        for z in 0..<stateCount {
            var row: [(Int, Double)] = []
            for (s, bt, q) in next(z, theta, pr[z]) {
                let kernel = beliefKernel[theta][bt]
                for (y, w) in windowOutcomes(s) {
                    for (b2, k) in kernel { row.append((y * beliefCount + b2, q * w * k)) }
                }
            }
            p.appendRow(row)
        }
        return p
    }

    /// V^θ = (I − δP^θ)⁻¹U^θ for every θ by the shared ``PolicyEvaluation``: dense LU up to the dense limit, GMRES
    /// (warm-started) beyond.
    func evaluate(_ pr: [BayesianPrescription], start: [[Double]]?) throws(DynamicsError) -> [[Double]] {
        let m = stateCount, n = self.n
        var out: [[Double]] = []
        for theta in 0..<profileCount {
            let u = payoffs[theta]
            var rewards = [Double](repeating: 0, count: m * n)
            for z in 0..<m {
                for i in 0..<n { rewards[z * n + i] = u[(z / beliefCount) * n + i] }
                chargeReneging(z, theta, pr[z], rewards: &rewards, offset: z * n)
            }
            out.append(
                try PolicyEvaluation.solve(
                    chain(theta, pr), rewards: rewards, players: n, delta: base.parameters.delta,
                    denseLimit: base.parameters.denseLimit, iterative: .gmres, start: start?[theta]))
        }
        return out
    }

    /// `expected[θ][(s·G^U + b)·n + i]`: expected next value of landing in structure s with pre-signal beliefs b.
    func expectations(_ v: [[Double]]) -> [[Double]] {
        var e = [[Double]](repeating: [Double](repeating: 0, count: stateCount * n), count: profileCount)
        updateExpectations(v, &e, states: 0..<stateCount)
        return e
    }

    /// Actor i's expected gain from landing in (y, bY) rather than (x, bX), over the profiles consistent with the
    /// constraint θ & mask == value, weighted by the beliefs of belief state b. Nil if the constraint has probability 0.
    @inline(__always) func gain(
        _ e: [[Double]], actor i: Int, beliefs b: Int, mask: Int, value: Int,
        to y: Int, _ bY: Int, from x: Int, _ bX: Int
    ) -> Double? {
        var total = 0.0, g = 0.0
        for theta in 0..<profileCount where theta & mask == value {
            let w = weight(theta, b)
            guard w > 0 else { continue }
            total += w
            g += w * (e[theta][(y * beliefCount + bY) * n + i] - e[theta][(x * beliefCount + bX) * n + i])
        }
        return total > 1e-300 ? g / total : nil
    }

    /// Types (0 = status quo, 1 = power-acquiring) of uncertain actor u with positive belief in b.
    @inline(__always) func possibleTypes(_ u: Int, _ b: Int) -> [Int] {
        let k = digit(b, u)
        return k == 0 ? [0] : (k == grid.points - 1 ? [1] : [0, 1])
    }

    /// The three roles of a profitability rule (``Profitability``).
    enum Role { case move, dominance, blocking }

    /// Whether the gains satisfy the profitability rule in the given role (a move made, an alternative dominating the
    /// move made, a deviation excluding waiting), and the smallest.
    @inline(__always) func passes(_ gains: [Double], _ role: Role = .move) -> (Bool, Double) {
        let lo = gains.min() ?? -.infinity, hi = gains.max() ?? -.infinity
        let rule = base.parameters.rule
        switch role {
        case .move: return (rule.justifiesMove(lowest: lo, highest: hi, tolerance: tolerance), lo)
        case .dominance: return (rule.dominates(lowest: lo, highest: hi, tolerance: tolerance), lo)
        case .blocking: return (rule.blocksStaying(lowest: lo, highest: hi, tolerance: tolerance), lo)
        }
    }

    /// Whether prescription `pr` in public state z satisfies its equilibrium condition; the smallest mover gain.
    func justified(_ e: [[Double]], _ alternatives: [[[Int]]], _ z: Int, _ pr: BayesianPrescription) -> (Bool, Double) {
        let x = z / beliefCount, b = z % beliefCount
        switch pr {
        case .wait:
            return (deviation(e, z) == nil, 0)
        case .mixture(let mix):
            var lowest = Double.infinity
            for entry in mix {
                let (ok, g) = justified(e, alternatives, z, .pooling(move: entry.move))
                if !ok { return (false, g) }
                lowest = min(lowest, g)
            }
            return (true, lowest)
        case .moveOrWait(let k, let q):
            // Konishi–Ray: the move is justified (weakly profitable and maximal) and waiting is too (no strictly
            // profitable deviation) — only the Konishi–Ray rule allows both at once.
            guard base.parameters.rule == .konishiRay, q > 0, q < 1 else { return (false, -.infinity) }
            let moving = justified(e, alternatives, z, .pooling(move: k))
            guard moving.0, deviation(e, z) == nil else { return (false, moving.1) }
            return moving
        case .pooling(let k):
            let mv = base.moves[x][k]
            let result = passes(
                poolingGains(e, movers: mv.move.movers, beliefs: b, to: mv.target, from: x, paysReneging: true))
            guard result.0 else { return result }
            // Konishi–Ray clause (a): no other pooling move of the same movers is better than this one for all of them
            // (per type for an informed mover, in expectation for an uninformed one).
            for a in alternatives[x][k]
            where passes(
                poolingGains(
                    e, movers: mv.move.movers, beliefs: b, to: base.moves[x][a].target, from: mv.target,
                    paysReneging: false),
                .dominance
            ).0 {
                return (false, result.1)
            }
            return result
        case .separating(let k, let u, let pa):
            let mv = base.moves[x][k]
            let j = uncertain[u], t = pa ? 1 : 0
            guard mv.move.movers.contains(j), possibleTypes(u, b).count == 2 else { return (false, -.infinity) }
            let bR = setting(b, u, to: pa ? grid.points - 1 : 0), bN = setting(b, u, to: pa ? 0 : grid.points - 1)
            // The informed mover pays the reneging cost whether it moves as its type or mimics the other.
            let cost = renegingCost(j, renegers: base.renegers(at: x, movers: mv.move.movers))
            guard let own = gain(e, actor: j, beliefs: b, mask: 1 << u, value: t << u, to: mv.target, bR, from: x, bN),
                let mimic = gain(
                    e, actor: j, beliefs: b, mask: 1 << u, value: (1 - t) << u, to: mv.target, bR, from: x, bN),
                mimic - cost <= tolerance
            else { return (false, -.infinity) }
            let result = passes(
                [own - cost]
                    + separatingGains(
                        e, movers: mv.move.movers, slot: u, type: t, beliefs: b, to: mv.target, from: x, revealed: bR,
                        paysReneging: true))
            guard result.0 else { return result }
            // Clause (a) for the movers of type t: no other move of theirs, separating on the same type, is better for all.
            for a in alternatives[x][k] {
                let z2 = base.moves[x][a].target
                guard
                    let ownAlt = gain(
                        e, actor: j, beliefs: b, mask: 1 << u, value: t << u, to: z2, bR, from: mv.target, bR)
                else { continue }
                if passes(
                    [ownAlt]
                        + separatingGains(
                            e, movers: mv.move.movers, slot: u, type: t, beliefs: b, to: z2, from: mv.target,
                            revealed: bR, paysReneging: false), .dominance
                ).0 {
                    return (false, result.1)
                }
            }
            return result
        }
    }

    /// The gains of the movers of a pooling move from structure x to y in belief state b (beliefs unchanged): per type
    /// for an informed (uncertain) mover, in expectation under the public beliefs for the others.
    /// With `paysReneging` (a move from x, not a comparison of two targets of the same movers) each gain is net of
    /// the mover's reneging cost.
    func poolingGains(
        _ e: [[Double]], movers: Coalition, beliefs b: Int, to y: Int, from x: Int, paysReneging: Bool
    ) -> [Double] {
        var gains: [Double] = []
        let renegers = paysReneging ? base.renegers(at: x, movers: movers) : 0
        for i in movers.members {
            let cost = renegingCost(i, renegers: renegers)
            if let u = uncertain.firstIndex(of: i) {
                for t in possibleTypes(u, b) {
                    if let g = gain(e, actor: i, beliefs: b, mask: 1 << u, value: t << u, to: y, b, from: x, b) {
                        gains.append(g - cost)
                    }
                }
            } else if let g = gain(e, actor: i, beliefs: b, mask: 0, value: 0, to: y, b, from: x, b) {
                gains.append(g - cost)
            }
        }
        return gains
    }

    /// The gains of the movers other than uncertain actor `slot` (whose type is `type` and revealed: beliefs bR) of
    /// landing in y rather than x.
    func separatingGains(
        _ e: [[Double]], movers: Coalition, slot u: Int, type t: Int, beliefs b: Int, to y: Int, from x: Int,
        revealed bR: Int, paysReneging: Bool
    ) -> [Double] {
        let j = uncertain[u]
        var gains: [Double] = []
        let renegers = paysReneging ? base.renegers(at: x, movers: movers) : 0
        for i in movers.members where i != j {
            let cost = renegingCost(i, renegers: renegers)
            if let u2 = uncertain.firstIndex(of: i) {
                for t2 in possibleTypes(u2, b) {
                    if let g = gain(
                        e, actor: i, beliefs: b, mask: (1 << u) | (1 << u2), value: (t << u) | (t2 << u2), to: y, bR,
                        from: x, bR)
                    {
                        gains.append(g - cost)
                    }
                }
            } else if let g = gain(e, actor: i, beliefs: b, mask: 1 << u, value: t << u, to: y, bR, from: x, bR) {
                gains.append(g - cost)
            }
        }
        return gains
    }

    /// A profitable deviation from waiting in z: a move that every member gains from whatever its type (uninformed
    /// members in expectation under the public beliefs) — blocking in Wilson's (1978) coarse sense, by a coalition that
    /// cannot condition on private information. Profitability in the blocking role of the rule (strictly profitable
    /// under the Konishi–Ray rule; profitability only: a dominated profitable move implies a profitable maximal one).
    func deviation(_ e: [[Double]], _ z: Int) -> Int? {
        let x = z / beliefCount, b = z % beliefCount
        for (k, mv) in base.moves[x].enumerated()
        where passes(
            poolingGains(e, movers: mv.move.movers, beliefs: b, to: mv.target, from: x, paysReneging: true), .blocking
        ).0 {
            return k
        }
        return nil
    }

    /// Every justified prescription in z other than waiting.
    func justifiedPrescriptions(_ e: [[Double]], _ alternatives: [[[Int]]], _ z: Int) -> [BayesianPrescription] {
        let x = z / beliefCount, b = z % beliefCount
        var out: [BayesianPrescription] = []
        for (k, mv) in base.moves[x].enumerated() {
            var candidates: [BayesianPrescription] = [.pooling(move: k)]
            for (u, j) in uncertain.enumerated() where mv.move.movers.contains(j) && possibleTypes(u, b).count == 2 {
                candidates += [
                    .separating(move: k, slot: u, powerAcquiring: true),
                    .separating(move: k, slot: u, powerAcquiring: false),
                ]
            }
            out += candidates.filter { justified(e, alternatives, z, $0).0 }
        }
        return out
    }

    /// The best justified prescription in z other than waiting (largest smallest mover gain; alliance moves before
    /// exits under ``MoveSelection/reversibleFirst``), if any. Under the
    /// Konishi–Ray rule only prescriptions every mover strictly gains from are best responses (otherwise waiting is
    /// justified too and is preferred).
    func bestPrescription(_ e: [[Double]], _ alternatives: [[[Int]]], _ z: Int) -> (BayesianPrescription, Double)? {
        let x = z / beliefCount, b = z % beliefCount
        var best: (prescription: BayesianPrescription, exit: Bool, gain: Double)? = nil
        let strictOnly = base.parameters.rule == .konishiRay
        func consider(_ pr: BayesianPrescription, exit: Bool) {
            let (ok, g) = justified(e, alternatives, z, pr)
            guard ok, !strictOnly || g > tolerance,
                base.parameters.selection.prefers(
                    exit: exit, gain: g, over: best.map { ($0.exit, $0.gain) }, tolerance: tolerance)
            else { return }
            best = (pr, exit, g)
        }
        for (k, mv) in base.moves[x].enumerated() {
            let exit = mv.move.isExit
            consider(.pooling(move: k), exit: exit)
            for (u, j) in uncertain.enumerated() where mv.move.movers.contains(j) && possibleTypes(u, b).count == 2 {
                consider(.separating(move: k, slot: u, powerAcquiring: true), exit: exit)
                consider(.separating(move: k, slot: u, powerAcquiring: false), exit: exit)
            }
        }
        return best.map { ($0.prescription, $0.gain) }
    }

    /// Searches for a perfect-Bayesian equilibrium process block by block and, inside each block, by asynchronous best
    /// responses with mixing (as ``AllianceFormationGame/solve(shouldStop:)``), then re-verifies every public state and computes each type
    /// profile's long-run structures. Complexity per iteration: 2^U evaluations plus O(states · moves · 2^U · n).
    public func solve(shouldStop: () -> Bool = { false }) throws(DynamicsError) -> BayesianAllianceDynamicsResult {
        let m = stateCount
        // Start from the public games' equilibria: in belief state b, the process of the public game whose types are
        // the beliefs rounded (μ ≥ ½ ⇒ power-acquiring). Where beliefs are certain (0 or 1, absorbing) that public
        // process is already an equilibrium of the slice.
        func publicSeeds(warmStart: Bool) throws(DynamicsError) -> [BayesianPrescription] {
            var publicResults: [AllianceDynamicsResult] = []
            for theta in 0..<profileCount {
                let s = Self.scenario(base.scenario, uncertain: uncertain, profile: theta)
                do {
                    var g = try AllianceFormationGame(
                        scenario: s, threatModel: threatModel, parameters: base.parameters, actorLimit: s.actorCount)
                    g.warmStartsOpenWindows = warmStart
                    publicResults.append(try g.solve(shouldStop: shouldStop))
                } catch let e as DynamicsError { throw e } catch {
                    throw .invalidParameter(name: "scenario of type profile \(theta) (\(error))")
                }
            }
            return (0..<m).map { z -> BayesianPrescription in
                let b = z % beliefCount, x = z / beliefCount
                var theta = 0
                for u in uncertain.indices where grid.value(digit(b, u)) >= 0.5 { theta |= 1 << u }
                if let mix = publicResults[theta].mixed[x] {
                    return .mixture(mix.map { .init(move: $0.move, probability: $0.probability) })
                }
                return publicResults[theta].choice[x].map { .pooling(move: $0) } ?? .wait
            }
        }
        var pr = try publicSeeds(warmStart: true)
        // A second seed for open-window blocks, computed when first needed: the public games' processes searched
        // without the closed-window warm start (other equilibria of the public games).
        var cold: [BayesianPrescription]? = nil
        func coldSeeds() throws(DynamicsError) -> [BayesianPrescription]? {
            if cold == nil { cold = try publicSeeds(warmStart: false) }
            return cold
        }
        let alternatives = base.moverAlternatives()
        // Backward induction over blocks (BayesianBlockSolver); each block's values are computed before they are read.
        var v = [[Double]](repeating: [Double](repeating: 0, count: m * n), count: profileCount)
        var e = v
        var iterations = 0
        var local = [Int](repeating: -1, count: m)
        var stopped = false
        for block in publicBlocks() {
            // A deadline bounds the whole solve: no further block, no final check (reported as stopped).
            if shouldStop() { stopped = true; break }
            for (lz, z) in block.enumerated() { local[z] = lz }
            _ = try solveBlock(
                block, local: local, &pr, values: &v, expectations: &e, alternatives: alternatives,
                iterations: &iterations, coldSeeds: coldSeeds, shouldStop: shouldStop)
            for z in block { local[z] = -1 }
        }
        if !stopped && shouldStop() { stopped = true }
        var verified = false
        if stopped {
            e = expectations(v)
        } else {
            // The gate: the whole process evaluated at once (warm-started) and every public state re-checked.
            v = try evaluate(pr, start: v)
            e = expectations(v)
            verified = (0..<m).allSatisfy { justified(e, alternatives, $0, pr[$0]).0 }
        }
        // Non-finite values never verify (comparisons with NaN are false, so the conditions would hold vacuously).
        guard v.allSatisfy({ $0.allSatisfy(\.isFinite) }), e.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw .nonFinitePayoffs
        }
        // A stopped (incomplete) process is followed for at most 200 periods: the deadline has passed already.
        var result = summarize(
            pr, v, e, verified: verified, iterations: iterations, periods: stopped ? 200 : 20_000)
        result.stopped = stopped
        return result
    }

    func summarize(
        _ pr: [BayesianPrescription], _ v: [[Double]], _ e: [[Double]], verified: Bool, iterations: Int,
        periods: Int = 20_000
    )
        -> BayesianAllianceDynamicsResult
    {
        let n = self.n, m = stateCount
        let x0 = base.states.firstIndex { s in
            s.labels.enumerated().allSatisfy { Int($0.element) == $0.offset }
                && s.windowOpen == (base.parameters.windowHazard != nil)
        }!
        let starts = initialBeliefs
        var outcomes: [BayesianAllianceDynamicsResult.Outcome] = []
        for theta in 0..<profileCount {
            var prior = 1.0
            for (u, p) in priors.enumerated() { prior *= (theta >> u) & 1 == 1 ? p : 1 - p }
            let p = chain(theta, pr)
            var dist = [Double](repeating: 0, count: m)
            for (b, w) in starts { dist[x0 * beliefCount + b] += w }
            var firstChoices = [[DynamicChoice: Double]](repeating: [:], count: n)
            for (b, w) in starts {
                let z = x0 * beliefCount + b
                // A state mixing between moving and waiting contributes both choices with their probabilities.
                let parts: [(BayesianPrescription, Double)] =
                    if case .moveOrWait(let k, let q) = pr[z] { [(.pooling(move: k), q), (.wait, 1 - q)] } else {
                        [(pr[z], 1)]
                    }
                for (prescription, q) in parts {
                    let c = choices(in: z, profile: theta, prescription: prescription)
                    for i in 0..<n { firstChoices[i][c[i], default: 0] += w * q }
                }
            }
            for _ in 0..<periods {
                var nextDist = [Double](repeating: 0, count: m)
                for z in 0..<m where dist[z] > 0 {
                    for k in p.rowStart[z]..<p.rowStart[z + 1] { nextDist[Int(p.columns[k])] += dist[z] * p.values[k] }
                }
                var change = 0.0
                for z in 0..<m { change = max(change, abs(nextDist[z] - dist[z])) }
                dist = nextDist
                if change < 1e-13 { break }
            }
            var byStructure: [Int: Double] = [:]
            for z in 0..<m where dist[z] > 0 { byStructure[base.closedPartner[z / beliefCount], default: 0] += dist[z] }
            let structures = byStructure.filter { $0.value >= 1e-6 }.sorted {
                $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
            }
            .map { (state: $0.key, probability: $0.value) }
            outcomes.append(
                .init(profile: theta, priorProbability: prior, structures: structures, firstChoices: firstChoices))
        }
        // Values at the start: the true profile is drawn consistently with the belief grid point the prior lands on.
        var startValues = [Double](repeating: 0, count: n)
        var typeValues = [(statusQuo: Double, powerAcquiring: Double)](repeating: (0, 0), count: uncertain.count)
        var typeWeights = [(Double, Double)](repeating: (0, 0), count: uncertain.count)
        for (b, w) in starts {
            let z = x0 * beliefCount + b
            for theta in 0..<profileCount {
                let q = w * weight(theta, b)
                guard q > 0 else { continue }
                for i in 0..<n { startValues[i] += q * v[theta][z * n + i] }
                for (u, j) in uncertain.enumerated() {
                    if (theta >> u) & 1 == 1 {
                        typeValues[u].powerAcquiring += q * v[theta][z * n + j]; typeWeights[u].1 += q
                    } else {
                        typeValues[u].statusQuo += q * v[theta][z * n + j]; typeWeights[u].0 += q
                    }
                }
            }
        }
        for u in uncertain.indices {
            typeValues[u].statusQuo /= max(typeWeights[u].0, 1e-300)
            typeValues[u].powerAcquiring /= max(typeWeights[u].1, 1e-300)
        }
        let mixtures = pr.filter {
            switch $0 {
            case .mixture, .moveOrWait: return true
            default: return false
            }
        }.count
        let hesitant = pr.filter { if case .moveOrWait = $0 { return true } else { return false } }.count
        let method = m <= base.parameters.denseLimit ? "dense LU" : "GMRES"
        return BayesianAllianceDynamicsResult(
            prescriptions: pr, values: v, verified: verified, iterations: iterations, outcomes: outcomes,
            startValues: startValues, typeValues: typeValues,
            evaluation:
                "\(method) on \(m) states (\(base.states.count) structures × \(beliefCount) beliefs, \(grid.points)-point grid, signal accuracy \(grid.accuracy)) for each of \(profileCount) type profiles"
                + base.restriction
                + (mixtures == 0
                    ? "" : "; mixing in \(mixtures) public states (\(hesitant) between moving and waiting)"))
    }

    /// Each actor's choice in public state z when θ holds, under prescription `pr`.
    public func choices(in z: Int, profile theta: Int, prescription pr: BayesianPrescription) -> [DynamicChoice] {
        let x = z / beliefCount
        let s = base.states[x]
        var acting = pr.moveIndex
        if case .separating(_, let u, let pa) = pr, ((theta >> u) & 1 == 1) != pa { acting = nil }
        return (0..<n).map { i in
            if s.labels[i] < 0 { return .out }
            guard let k = acting else { return .wait }
            switch base.moves[x][k].move {
            case .exit(let j): return j == i ? .exit : .wait
            case .form(let c):
                guard c.contains(i) else { return .wait }
                let pa = uncertain.firstIndex(of: i).map { (theta >> $0) & 1 == 1 } ?? base.powerAcquiring[i]
                return s.windowOpen && pa ? .seize : .join
            }
        }
    }

    /// The public states where the result's process violates the equilibrium conditions (empty for an equilibrium).
    /// O(states · moves · 2^U · n).
    public func violations(_ result: BayesianAllianceDynamicsResult) -> [Int] {
        let e = expectations(result.values)
        let alternatives = base.moverAlternatives()
        return (0..<stateCount).filter { !justified(e, alternatives, $0, result.prescriptions[$0]).0 }
    }

    /// The public states where a process (one prescription per public state) violates the equilibrium conditions —
    /// profitability and Konishi–Ray maximality of every move made (pooling moves: per type for informed movers, in
    /// expectation for uninformed ones), no profitable move where everyone waits. Evaluates the process first
    /// (V^θ = (I − δP^θ)⁻¹U^θ per type profile). Tolerance 1e-10. O(2^U evaluations + states · moves · 2^U · n).
    public func violations(of prescriptions: [BayesianPrescription]) throws(DynamicsError) -> [Int] {
        guard prescriptions.count == stateCount else {
            throw .invalidParameter(name: "process (one prescription per public state)")
        }
        try validate(prescriptions)
        let e = expectations(try evaluate(prescriptions, start: nil))
        let alternatives = base.moverAlternatives()
        return (0..<stateCount).filter { !justified(e, alternatives, $0, prescriptions[$0]).0 }
    }

    /// Throws `.invalidParameter` naming the first public state whose prescription is not a process: a move index out
    /// of range, a private-type slot out of range, a mixture that is empty or whose probabilities are not finite,
    /// positive and summing to 1 (within 1e-9), or a move-or-wait probability outside [0, 1]. O(states + moves).
    func validate(_ prescriptions: [BayesianPrescription]) throws(DynamicsError) {
        for (z, pr) in prescriptions.enumerated() {
            let moves = base.moves[z / beliefCount].count
            let ok: Bool
            switch pr {
            case .wait: ok = true
            case .pooling(let k): ok = k >= 0 && k < moves
            case .separating(let k, let u, _): ok = k >= 0 && k < moves && u >= 0 && u < uncertain.count
            case .mixture(let mix):
                ok =
                    !mix.isEmpty && mix.allSatisfy { $0.move >= 0 && $0.move < moves && $0.probability.isFinite }
                    && mix.allSatisfy { $0.probability > 0 } && abs(mix.reduce(0) { $0 + $1.probability } - 1) <= 1e-9
            case .moveOrWait(let k, let q): ok = k >= 0 && k < moves && q.isFinite && q >= 0 && q <= 1
            }
            guard ok else { throw .invalidParameter(name: "process: prescription of public state \(z) (\(pr))") }
        }
    }

    /// A type profile as text, e.g. "GMY power-acquiring, RUS status quo".
    public func describeProfile(_ theta: Int) -> String {
        uncertain.enumerated().map { (u, i) in
            base.scenario.ids[i] + ((theta >> u) & 1 == 1 ? " power-acquiring" : " status quo")
        }.joined(separator: ", ")
    }
}
