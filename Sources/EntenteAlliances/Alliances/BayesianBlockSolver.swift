/// Backward induction over blocks for the private-type game, as for the public game (``AllianceFormationGame``'s
/// `solutionBlocks()`): a public state is a structure and a belief state, beliefs move inside a block, and opting out
/// and the window's closing still lead only to earlier blocks. Each block — the block's structures × every belief
/// state — is searched with the values of the blocks it can reach already final, for every true type profile θ.
/// - Complexity: per block, iterations × (2^U warm-started evaluations of the block + O(block · moves · 2^U · n)).
extension BayesianAllianceFormationGame {
    /// The public-state blocks in solution order.
    func publicBlocks() -> [[Int]] {
        base.solutionBlocks().map { xs in xs.flatMap { x in (0..<beliefCount).map { x * beliefCount + $0 } } }
    }

    /// V^θ on the block for every θ, the values outside it fixed; writes `v` and the block's expectations `e`.
    func evaluateBlock(
        _ block: [Int], local: [Int], _ pr: [BayesianPrescription], values v: inout [[Double]],
        expectations e: inout [[Double]]
    ) throws(DynamicsError) {
        let n = base.scenario.actorCount, delta = base.parameters.delta
        for theta in 0..<profileCount {
            let u = payoffs[theta]
            var sparse = SparseMatrix(size: block.count)
            var rewards = [Double](repeating: 0, count: block.count * n)
            var start = [Double](repeating: 0, count: block.count * n)
            var row: [(Int, Double)] = []
            for (lz, z) in block.enumerated() {
                row.removeAll(keepingCapacity: true)
                for i in 0..<n {
                    rewards[lz * n + i] = u[(z / beliefCount) * n + i]; start[lz * n + i] = v[theta][z * n + i]
                }
                chargeReneging(z, theta, pr[z], rewards: &rewards, offset: lz * n)
                for (s, bt, q) in next(z, theta, pr[z]) {
                    for (y, w) in windowOutcomes(s) {
                        for (b2, k) in beliefKernel[theta][bt] {
                            let target = y * beliefCount + b2, p = q * w * k
                            if local[target] >= 0 {
                                row.append((local[target], p))
                            } else {
                                for i in 0..<n { rewards[lz * n + i] += delta * p * v[theta][target * n + i] }
                            }
                        }
                    }
                }
                sparse.appendRow(row)
            }
            let solution = try PolicyEvaluation.solve(
                sparse, rewards: rewards, players: n, delta: delta,
                denseLimit: min(base.parameters.denseLimit, AllianceFormationGame.blockDenseLimit),
                iterative: .gmres, start: start)
            guard solution.allSatisfy(\.isFinite) else { throw .nonFinitePayoffs }
            for (lz, z) in block.enumerated() { for i in 0..<n { v[theta][z * n + i] = solution[lz * n + i] } }
        }
        updateExpectations(v, &e, states: block)
    }

    /// Recomputes `e[θ][z·n + i]` (see `expectations`) for the public states z listed.
    func updateExpectations(_ v: [[Double]], _ e: inout [[Double]], states zs: some Sequence<Int>) {
        let n = base.scenario.actorCount
        for theta in 0..<profileCount {
            for z in zs {
                let s = z / beliefCount, b = z % beliefCount
                for i in 0..<n { e[theta][z * n + i] = 0 }
                for (y, w) in windowOutcomes(s) {
                    for (b2, q) in beliefKernel[theta][b] {
                        let src = (y * beliefCount + b2) * n
                        for i in 0..<n { e[theta][z * n + i] += w * q * v[theta][src + i] }
                    }
                }
            }
        }
    }

    /// Searches one block (best responses, then damped mixing over pooling moves, then mixing between moving and
    /// waiting), writing its prescriptions and values; up to ``AllianceFormationGame/blockAttempts`` times with different
    /// seeds for breaking cycles, the first from the given prescriptions, the others from everyone waiting. An
    /// open-window block gets one more attempt, second, from `coldSeeds()` (the public games' processes searched without
    /// the closed-window warm start; nil: none). Returns whether every state of the block is justified.
    func solveBlock(
        _ block: [Int], local: [Int], _ pr: inout [BayesianPrescription], values v: inout [[Double]],
        expectations e: inout [[Double]], alternatives: [[[Int]]], iterations: inout Int,
        coldSeeds: () throws(DynamicsError) -> [BayesianPrescription]? = { nil }, shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        // Open-window blocks get one more attempt, from the second seed (computed only when first needed).
        let openWindow = block.first.map { base.closedPartner[$0 / beliefCount] != $0 / beliefCount } ?? false
        let extra = openWindow ? 1 : 0
        for attempt in 0..<(AllianceFormationGame.blockAttempts + extra) {
            if attempt > 0, attempt <= extra {
                guard let cold = try coldSeeds() else { continue }
                for z in block { pr[z] = cold[z] }
            } else if attempt > extra {
                for z in block { pr[z] = .wait }
            }
            if try attemptBlock(
                block, local: local, seed: 2003 + UInt64(max(0, attempt - extra)), &pr, values: &v, expectations: &e,
                alternatives: alternatives, iterations: &iterations, shouldStop: shouldStop)
            {
                return true
            }
            if shouldStop() { break }
        }
        return false
    }

    /// One search of a block (``solveBlock``) with the given seed.
    func attemptBlock(
        _ block: [Int], local: [Int], seed: UInt64, _ pr: inout [BayesianPrescription], values v: inout [[Double]],
        expectations e: inout [[Double]], alternatives: [[[Int]]], iterations: inout Int,
        shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        try evaluateBlock(block, local: local, pr, values: &v, expectations: &e)
        var search = ProcessSearch<BayesianPrescription>(process: block.map { pr[$0] })
        var full = pr
        try search.run(
            maxIterations: base.parameters.maxIterations, stallLimit: base.parameters.stallLimit, fallback: .wait,
            seed: seed, shouldStop: shouldStop,
            violates: { lz, process in !justified(e, alternatives, block[lz], process[lz]).0 },
            best: { lz in bestPrescription(e, alternatives, block[lz])?.0 ?? .wait },
            options: { lz in justifiedPrescriptions(e, alternatives, block[lz]) },
            evaluate: { (process: [BayesianPrescription]) throws(DynamicsError) in
                for (lz, z) in block.enumerated() { full[z] = process[lz] }
                try evaluateBlock(block, local: local, full, values: &v, expectations: &e)
            })
        iterations += search.iterations
        for (lz, z) in block.enumerated() { pr[z] = search.process[lz] }
        if search.verified || shouldStop() { return search.verified }
        // Damped mixing over the pooling moves of the block's states that kept changing.
        func pooled(_ p: BayesianPrescription) -> Int? { if case .pooling(let k) = p { return k } else { return nil } }
        guard var mixing = DampedMixing(recent: search.recent.map { $0.map { (state: $0.0, move: pooled($0.1)) } })
        else {
            return try moveOrWaitPhase(
                block, local: local, &pr, values: &v, expectations: &e, alternatives: alternatives,
                iterations: &iterations, shouldStop: shouldStop)
        }
        var trial = pr
        for _ in 0..<DampedMixing.maxSteps {
            if shouldStop() { break }
            iterations += 1
            for (lz, d) in mixing.distributions() {
                if d.count > 1 {
                    trial[block[lz]] = .mixture(d.map { .init(move: $0.move, probability: $0.probability) })
                } else if let k = d.first?.move {
                    trial[block[lz]] = .pooling(move: k)
                }
            }
            try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
            let violating = block.indices.filter { !justified(e, alternatives, block[$0], trial[block[$0]]).0 }
            if violating.isEmpty {
                pr = trial
                return true
            }
            mixing.decay()
            for lz in violating {
                let best = bestPrescription(e, alternatives, block[lz])?.0 ?? .wait
                if mixing.contains(lz), let k = pooled(best) {
                    mixing.reinforce(lz, k)
                } else {
                    mixing.remove(lz)
                    trial[block[lz]] = best
                }
            }
        }
        return try moveOrWaitPhase(
            block, local: local, &pr, values: &v, expectations: &e, alternatives: alternatives,
            iterations: &iterations, shouldStop: shouldStop)
    }

    /// The last phase of a block search: mixing between moving and waiting; if it fails too, the block's values are
    /// those of the search's process `pr` again. Returns whether the block verified.
    func moveOrWaitPhase(
        _ block: [Int], local: [Int], _ pr: inout [BayesianPrescription], values v: inout [[Double]],
        expectations e: inout [[Double]], alternatives: [[[Int]]], iterations: inout Int,
        shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        if try mixMovingAndWaiting(
            block, local: local, &pr, values: &v, expectations: &e, alternatives: alternatives,
            iterations: &iterations, shouldStop: shouldStop)
        {
            return true
        }
        try evaluateBlock(block, local: local, pr, values: &v, expectations: &e)
        return false
    }

    /// Mixing between moving and waiting (Konishi–Ray rule only), after the deterministic search and the damped mixing
    /// failed: from the search's process, each violating state whose move has a sign change in its smallest mover gain
    /// — strictly profitable for all movers when the state always waits (so waiting is excluded), unprofitable for one
    /// when it always moves — becomes a pivot that moves with the probability q making that gain zero (the pivotal
    /// mover indifferent, a one-dimensional root of the value function: ``IndifferenceMixing``); the other violating
    /// states best-respond, and every pivot's q is solved again after each step (Gauss–Seidel over the pivots). At most
    /// `IndifferenceMixing.maxStates` pivots and `IndifferenceMixing.maxSteps` steps; each root costs up to 60 block
    /// evaluations. Returns whether the block verified (then `pr` holds the process).
    func mixMovingAndWaiting(
        _ block: [Int], local: [Int], _ pr: inout [BayesianPrescription], values v: inout [[Double]],
        expectations e: inout [[Double]], alternatives: [[[Int]]], iterations: inout Int,
        shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        guard base.parameters.rule == .konishiRay else { return false }
        var trial = pr
        var pivots: [Int: Int] = [:]  // public state → the move it mixes with waiting
        for _ in 0..<IndifferenceMixing.maxSteps {
            if shouldStop() { return false }
            iterations += 1
            for (z, k) in pivots.sorted(by: { $0.key < $1.key }) {
                if let q = try indifference(
                    at: z, move: k, block, local: local, &trial, values: &v, expectations: &e)
                {
                    trial[z] = .moveOrWait(move: k, probability: q)
                } else {
                    pivots[z] = nil
                }
            }
            try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
            let violating = block.filter { !justified(e, alternatives, $0, trial[$0]).0 }
            if violating.isEmpty {
                pr = trial
                return true
            }
            for z in violating where pivots[z] == nil {
                // Candidates: the move prescribed, then the moves that exclude waiting when z waits (best first).
                var candidates: [Int] = []
                if case .pooling(let k) = trial[z] { candidates.append(k) }
                let saved = trial[z]
                trial[z] = .wait
                try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
                candidates += blockingMoves(e, z).filter { !candidates.contains($0) }.prefix(3)
                trial[z] = saved
                try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
                var pivot = false
                for k in candidates where pivots.count < IndifferenceMixing.maxStates {
                    if let q = try indifference(
                        at: z, move: k, block, local: local, &trial, values: &v, expectations: &e)
                    {
                        pivots[z] = k
                        trial[z] = .moveOrWait(move: k, probability: q)
                        pivot = true
                        break
                    }
                }
                if !pivot { trial[z] = bestPrescription(e, alternatives, z)?.0 ?? .wait }
            }
        }
        return false
    }

    /// The moves from public state z that exclude waiting there (the rule's blocking role), largest smallest mover gain
    /// first.
    func blockingMoves(_ e: [[Double]], _ z: Int) -> [Int] {
        let x = z / beliefCount, b = z % beliefCount
        return base.moves[x].indices.compactMap { k -> (Int, Double)? in
            let mv = base.moves[x][k]
            let (ok, g) = passes(
                poolingGains(e, movers: mv.move.movers, beliefs: b, to: mv.target, from: x, paysReneging: true),
                .blocking)
            return ok ? (k, g) : nil
        }.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// The probability q ∈ (0, 1) with which public state z must make pooling move k (waiting otherwise) for the smallest
    /// gain of its movers to vanish, the rest of the process fixed (``IndifferenceMixing``); nil without a sign change
    /// or a root. Leaves `trial[z]` at the root (or as it was) and the values evaluated for it.
    func indifference(
        at z: Int, move k: Int, _ block: [Int], local: [Int], _ trial: inout [BayesianPrescription],
        values v: inout [[Double]], expectations e: inout [[Double]]
    ) throws(DynamicsError) -> Double? {
        let x = z / beliefCount, b = z % beliefCount, mv = base.moves[x][k]
        let saved = trial[z]
        func gap(_ q: Double) throws(DynamicsError) -> Double {
            trial[z] = q <= 0 ? .wait : (q >= 1 ? .pooling(move: k) : .moveOrWait(move: k, probability: q))
            try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
            return poolingGains(e, movers: mv.move.movers, beliefs: b, to: mv.target, from: x, paysReneging: true)
                .min() ?? -.infinity
        }
        let found = try IndifferenceMixing.probability(tolerance: tolerance, gap: gap)
        if let q = found {
            trial[z] = .moveOrWait(move: k, probability: q)
        } else {
            trial[z] = saved
            try evaluateBlock(block, local: local, trial, values: &v, expectations: &e)
        }
        return found
    }
}
