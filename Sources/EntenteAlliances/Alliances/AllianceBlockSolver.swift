/// Backward induction over the blocks of the alliance-formation game.
///
/// Opting out is absorbing and a closed window never reopens, so the states split into blocks — one per set of actors
/// that opted out and window flag — that the process can only leave towards blocks with more actors out or with the
/// window closed. Solving the blocks in that order (closed window before open; within each, more actors out first)
/// turns one fixed-point problem on Σ_j C(n, j)·Bell(n − j) × 2 states into many problems of at most Bell(n) states,
/// each with the values of the blocks it can reach already final: the continuation values that leave the block enter
/// its rewards, U_B + δ·P_{B,out}·V_out. An equilibrium process of every block given the later ones is an
/// equilibrium process of the whole game, because the Konishi–Ray conditions of a state read only the values of the
/// states it can reach (Konishi & Ray 2003; the decomposition is the standard one for stochastic games with
/// absorbing classes, e.g. Filar & Vrieze 1997, ch. 4).
///
/// Each block is searched by the shared asynchronous best-response search with mixing (``ProcessSearch``,
/// ``DampedMixing``), evaluated by dense LU when it has at most ``AllianceFormationGame/Parameters/denseLimit`` states.
/// - Complexity: per block, iterations × (evaluation of the block + O(|block| · moves · n)); the whole game costs
///   about as much as its largest block, Bell(n) structures, instead of Bell(n + 1) × 2 states.
extension AllianceFormationGame {
    /// Largest block evaluated by dense LU; larger blocks use the warm-started iterative solver.
    static let blockDenseLimit = 128
    /// Searches per block (each with its own seed for breaking cycles) before the block is given up as unverified.
    static let blockAttempts = 3
    /// Further searches per block, with cycles broken by any prescription (see ``solveBlock``), after the
    /// ``blockAttempts`` have failed.
    static let wideAttempts = 3
    /// Largest game (actors) whose failed blocks get the last resorts: seven, every European built-in and every year
    /// to 1890. In the eight- and nine-power games after 1890 (blocks of up to 4 140 states) a failed search is left
    /// unverified as before: there the wider searches cost minutes per year.
    static let lastResortActorLimit = 7
    /// Largest number of deterministic processes of a block enumerated when every search has failed
    /// (``enumerateBlock``): blocks of three active actors (5 structures) always qualify, larger ones rarely.
    static let enumerationLimit = 200_000

    /// The blocks in solution order: each block's moves and window closings lead only into itself or earlier blocks.
    /// - Complexity: O(states · n).
    func solutionBlocks() -> [[Int]] {
        var byKey: [UInt64: [Int]] = [:]
        for (x, s) in states.enumerated() {
            var out: UInt64 = 0
            for (i, l) in s.labels.enumerated() where l < 0 { out |= 1 << UInt64(i) }
            byKey[out << 1 | (s.windowOpen ? 1 : 0), default: []].append(x)
        }
        return byKey.sorted { a, b in
            let (wa, wb) = (a.key & 1, b.key & 1)
            if wa != wb { return wa < wb }
            let (ca, cb) = ((a.key >> 1).nonzeroBitCount, (b.key >> 1).nonzeroBitCount)
            if ca != cb { return ca > cb }
            return a.key < b.key
        }.map(\.value)
    }

    /// The transition row of state x under a prescription (a move index, nil for waiting) or a mixture of moves.
    func transitionRow(_ x: Int, move: Int?, mixture: [(move: Int, probability: Double)]? = nil) -> [(Int, Double)] {
        var row: [(Int, Double)] = []
        forEachTransition(x, move: move, mixture: mixture) { row.append(($0, $1)) }
        return row
    }

    /// Calls `body(successor, probability)` for each entry of x's transition row (`transitionRow`), in the same
    /// order, without allocating: the block evaluation runs this for every state of every iteration.
    @inline(__always) func forEachTransition(
        _ x: Int, move: Int?, mixture: [(move: Int, probability: Double)]?,
        _ body: (Int, Double) -> Void
    ) {
        let hazard = states[x].windowOpen ? (parameters.windowHazard ?? 0) : 0
        @inline(__always) func emit(_ y: Int, _ w: Double) {
            if hazard <= 0 {
                body(y, w)
            } else if hazard < 1 {
                body(y, w * (1 - hazard))
                body(closedPartner[y], w * hazard)
            } else {
                body(closedPartner[y], w)
            }
        }
        if let mix = mixture {
            for m in mix { emit(moves[x][m.move].target, m.probability) }
        } else {
            emit(move.map { moves[x][$0].target } ?? x, 1)
        }
    }

    /// Evaluates the block's process with the values outside the block fixed, writing the block's values into `v`.
    /// `local[x]` is x's index in the block (−1 outside).
    func evaluateBlock(
        _ block: [Int], local: [Int], process: [Int?], mixed: [Int: [(move: Int, probability: Double)]],
        values v: inout [[Double]]
    ) throws(DynamicsError) {
        let n = scenario.actorCount, delta = parameters.delta
        var rewards = [Double](repeating: 0, count: block.count * n)
        // In-block transitions, row by row (rowEnd[lx] ends row lx in `entries`); a sparse matrix is built from them
        // only when some state has two in-block successors.
        var entries: [(Int, Double)] = []
        entries.reserveCapacity(block.count)
        var rowEnd = [Int](repeating: 0, count: block.count)
        // A deterministic process inside the block (at most one successor per state) is a functional graph, evaluated
        // exactly in O(|block|·n) (FunctionalGraphEvaluation); mixing states need a linear solve.
        var next = [Int](repeating: -1, count: block.count), weight = [Double](repeating: 0, count: block.count)
        var functional = true
        for (lx, x) in block.enumerated() {
            let first = entries.count
            for i in 0..<n { rewards[lx * n + i] = payoffs[x][i] }
            chargeReneging(
                x, move: process[lx], mixture: mixed.isEmpty ? nil : mixed[x], rewards: &rewards, offset: lx * n)
            forEachTransition(x, move: process[lx], mixture: mixed.isEmpty ? nil : mixed[x]) { y, w in
                if local[y] >= 0 {
                    entries.append((local[y], w))
                } else {
                    for i in 0..<n { rewards[lx * n + i] += delta * w * v[y][i] }
                }
            }
            rowEnd[lx] = entries.count
            let count = entries.count - first
            if count == 1 { (next[lx], weight[lx]) = entries[first] } else if count > 1 { functional = false }
        }
        let solution: [Double]
        if functional {
            solution = FunctionalGraphEvaluation.solve(
                next: next, weight: weight, rewards: rewards, players: n, delta: delta)
        } else {
            var sparse = SparseMatrix(size: block.count)
            var start = [Double](repeating: 0, count: block.count * n)
            for (lx, x) in block.enumerated() {
                for i in 0..<n { start[lx * n + i] = v[x][i] }
                sparse.appendRow(entries[(lx == 0 ? 0 : rowEnd[lx - 1])..<rowEnd[lx]])
            }
            // Dense LU only for small blocks: a warm-started iterative solve of a block whose process changed in a few
            // states takes a few sparse products, far less than refactoring (O(Bell(n)³) per iteration).
            solution = try PolicyEvaluation.solve(
                sparse, rewards: rewards, players: n, delta: delta,
                denseLimit: min(parameters.denseLimit, AllianceFormationGame.blockDenseLimit),
                iterative: parameters.iterativeSolver, start: start)
        }
        guard solution.allSatisfy(\.isFinite) else { throw .nonFinitePayoffs }
        for (lx, x) in block.enumerated() { for i in 0..<n { v[x][i] = solution[lx * n + i] } }
    }

    /// Whether state x violates the Konishi–Ray conditions under values v when it makes move `k` (nil: waits) or mixes
    /// over `mixture`: (a) every move made with positive probability is profitable for its movers and no other move of
    /// the same movers is better for all of them; (b) if nobody moves, no move is profitable.
    @inline(__always) func violates(
        _ v: [[Double]], prescription k: Int?, mixture: [(move: Int, probability: Double)]?, at x: Int,
        alternatives: [[[Int]]], tolerance: Double
    ) -> Bool {
        if let mix = mixture {
            return mix.contains {
                !justified(v, at: x, move: $0.move, alternatives: alternatives, tolerance: tolerance)
            }
        }
        if let k { return !justified(v, at: x, move: k, alternatives: alternatives, tolerance: tolerance) }
        return someProfitable(v, at: x, tolerance: tolerance)
    }

    /// Solves one block given final values outside it: the deterministic search, then damped mixing over the states that
    /// kept changing; up to ``blockAttempts`` times with different seeds, each from "everyone waits". If all fail (in
    /// games of at most ``lastResortActorLimit`` actors), ``wideAttempts`` more searches whose cycle breaking may pick
    /// any prescription, then ``enumerateBlock``. Writes the block's prescriptions, mixtures and values; returns whether
    /// the block verified.
    ///
    /// An open-window block is first searched from the process of its closed-window partner block (already solved: a
    /// closed window never reopens), move for move — the two blocks have the same structures and the same moves. Where
    /// the window changes no payoff (every actor status quo) that process is already an equilibrium of the open block,
    /// so the window cannot change a choice by selecting another equilibrium; where it does change payoffs, the search
    /// moves away from the closed-window equilibrium only in the states where the window makes it violate the
    /// conditions. This continuation is the equilibrium selection that isolates the window's effect.
    func solveBlock(
        _ block: [Int], local: [Int], selection: MoveSelection, choice: inout [Int?],
        mixed: inout [Int: [(move: Int, probability: Double)]], values v: inout [[Double]], alternatives: [[[Int]]],
        iterations: inout Int, shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        let openWindow = block.first.map { closedPartner[$0] != $0 } ?? false
        let warm = openWindow && warmStartsOpenWindows ? 1 : 0
        if warm == 1,
            try closedPartnerProcessHolds(
                block, local: local, choice: &choice, mixed: &mixed, values: &v, alternatives: alternatives)
        {
            return true
        }
        for attempt in 0..<(AllianceFormationGame.blockAttempts + warm) {
            if attempt < warm {
                for x in block { choice[x] = choice[closedPartner[x]] }
            } else {
                for x in block { choice[x] = nil }
            }
            if try attemptBlock(
                block, local: local, seed: 2003 + UInt64(max(0, attempt - warm)), selection: selection,
                choice: &choice, mixed: &mixed, values: &v, alternatives: alternatives, iterations: &iterations,
                shouldStop: shouldStop)
            {
                return true
            }
            if shouldStop() { break }
        }
        // Wider cycle breaking (games of at most lastResortActorLimit actors): the repeated process's chosen state may
        // switch to any prescription, a move that is not (yet) justified or waiting included. Some blocks reach their
        // equilibrium processes only through such a state (europe-1870 with κ = 0 and neutrals facing everyone has a
        // three-actor block whose three deterministic equilibria the justified-only search never reaches). Run only
        // after the attempts above failed, so blocks they solve keep their processes.
        guard scenario.actorCount <= AllianceFormationGame.lastResortActorLimit else { return false }
        for attempt in 0..<AllianceFormationGame.wideAttempts where !shouldStop() {
            for x in block { choice[x] = nil }
            if try attemptBlock(
                block, local: local, seed: 4007 + UInt64(attempt), selection: selection, anyPrescription: true,
                choice: &choice, mixed: &mixed, values: &v, alternatives: alternatives, iterations: &iterations,
                shouldStop: shouldStop)
            {
                return true
            }
        }
        return try enumerateBlock(
            block, local: local, choice: &choice, values: &v, alternatives: alternatives, iterations: &iterations,
            shouldStop: shouldStop)
    }

    /// Exhaustive search of a small block's deterministic processes, the block search's last resort: every
    /// combination of prescriptions (waiting, then alliance moves, then exits, in move order), while there are at most
    /// ``enumerationLimit`` of them; the first one under which no state of the block violates the conditions is taken.
    /// Complete for deterministic processes: it fails only where the block has none (then mixing is needed).
    /// - Complexity: O(Π_x (moves(x) + 1)) evaluations of the block, each O(|block| · n) plus the check of its states.
    func enumerateBlock(
        _ block: [Int], local: [Int], choice: inout [Int?], values v: inout [[Double]], alternatives: [[[Int]]],
        iterations: inout Int, shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        var total = 1
        for x in block {
            total *= moves[x].count + 1
            if total > AllianceFormationGame.enumerationLimit { return false }
        }
        let options: [[Int?]] = block.map { x in
            let ks = moves[x].indices
            return [nil] + ks.filter { !moves[x][$0].move.isExit } + ks.filter { moves[x][$0].move.isExit }
        }
        var digit = [Int](repeating: 0, count: block.count)
        let noMix: [Int: [(move: Int, probability: Double)]] = [:]
        for step in 0..<total {
            if step & 1023 == 0 && shouldStop() { return false }
            iterations += 1
            let process = block.indices.map { options[$0][digit[$0]] }
            try evaluateBlock(block, local: local, process: process, mixed: noMix, values: &v)
            let holds = block.indices.allSatisfy { lx in
                !violates(
                    v, prescription: process[lx], mixture: nil, at: block[lx], alternatives: alternatives,
                    tolerance: 1e-10)
            }
            if holds {
                for (lx, x) in block.enumerated() { choice[x] = process[lx] }
                return true
            }
            var lx = 0
            while lx < block.count {
                digit[lx] += 1
                if digit[lx] < options[lx].count { break }
                digit[lx] = 0
                lx += 1
            }
        }
        // Unverified: the block keeps the values of its last search's process.
        let last = block.map { choice[$0] }
        try evaluateBlock(block, local: local, process: last, mixed: noMix, values: &v)
        return false
    }

    /// Whether the closed-window partner block's process, mixtures included, is an equilibrium of the open block as it
    /// is; if so it is adopted (prescriptions, mixtures and values), otherwise nothing is changed but the block's
    /// values. The search proper starts from the partner's deterministic part only, so without this check a partner
    /// that needed mixing would not carry over even where the window changes no payoff.
    /// - Complexity: one evaluation of the block and one check of its states.
    func closedPartnerProcessHolds(
        _ block: [Int], local: [Int], choice: inout [Int?], mixed: inout [Int: [(move: Int, probability: Double)]],
        values v: inout [[Double]], alternatives: [[[Int]]]
    ) throws(DynamicsError) -> Bool {
        var partnerMixed: [Int: [(move: Int, probability: Double)]] = [:]
        for x in block { if let d = mixed[closedPartner[x]] { partnerMixed[x] = d } }
        guard !partnerMixed.isEmpty else { return false }  // the deterministic case is the search's first step
        let process = block.map { choice[closedPartner[$0]] }
        try evaluateBlock(block, local: local, process: process, mixed: partnerMixed, values: &v)
        let holds = block.indices.allSatisfy { lx in
            !violates(
                v, prescription: process[lx], mixture: partnerMixed[block[lx]], at: block[lx],
                alternatives: alternatives, tolerance: 1e-10)
        }
        guard holds else { return false }
        for (lx, x) in block.enumerated() { choice[x] = process[lx] }
        for (x, d) in partnerMixed { mixed[x] = d }
        return true
    }

    /// One search of a block (``solveBlock``) with the given seed for breaking cycles.
    func attemptBlock(
        _ block: [Int], local: [Int], seed: UInt64, selection: MoveSelection, anyPrescription: Bool = false,
        choice: inout [Int?],
        mixed: inout [Int: [(move: Int, probability: Double)]],
        values v: inout [[Double]], alternatives: [[[Int]]], iterations: inout Int,
        shouldStop: () -> Bool
    ) throws(DynamicsError) -> Bool {
        let tol = 1e-10
        let noMix: [Int: [(move: Int, probability: Double)]] = [:]
        try evaluateBlock(block, local: local, process: block.map { choice[$0] }, mixed: noMix, values: &v)
        var search = ProcessSearch<Int?>(process: block.map { choice[$0] })
        try search.run(
            maxIterations: parameters.maxIterations, stallLimit: parameters.stallLimit, fallback: nil, seed: seed,
            shouldStop: shouldStop,
            violates: { lx, process in
                violates(
                    v, prescription: process[lx], mixture: nil, at: block[lx], alternatives: alternatives,
                    tolerance: tol)
            },
            best: { lx in
                bestMove(v, at: block[lx], alternatives: alternatives, tolerance: tol, selection: selection)?.index
            },
            options: { lx in
                let x = block[lx]
                if anyPrescription { return [nil] + moves[x].indices.map { $0 } }
                return moves[x].indices.filter {
                    justified(v, at: x, move: $0, alternatives: alternatives, tolerance: tol)
                }
            },
            evaluate: { (process: [Int?]) throws(DynamicsError) in
                try evaluateBlock(block, local: local, process: process, mixed: noMix, values: &v)
            })
        iterations += search.iterations
        var process = search.process
        for (lx, x) in block.enumerated() { choice[x] = process[lx] }
        if search.verified { return true }
        if shouldStop() { return false }
        // Damped mixing over the states of this block that kept changing (local indices in `recent`).
        guard var mixing = DampedMixing(recent: search.recent.map { $0.map { (state: $0.0, move: $0.1) } }) else {
            return false
        }
        let saved = process
        for _ in 0..<DampedMixing.maxSteps {
            if shouldStop() { break }
            iterations += 1
            var localMixed: [Int: [(move: Int, probability: Double)]] = [:]
            for (lx, d) in mixing.distributions() {
                if d.count > 1 {
                    localMixed[block[lx]] = d
                    process[lx] = d.max { $0.probability < $1.probability }?.move
                } else {
                    process[lx] = d.first?.move
                }
            }
            try evaluateBlock(block, local: local, process: process, mixed: localMixed, values: &v)
            let violating = block.indices.filter { lx in
                violates(
                    v, prescription: process[lx], mixture: localMixed[block[lx]], at: block[lx],
                    alternatives: alternatives, tolerance: tol)
            }
            if violating.isEmpty {
                for (lx, x) in block.enumerated() { choice[x] = process[lx] }
                for (x, d) in localMixed { mixed[x] = d }
                return true
            }
            mixing.decay()
            for lx in violating {
                let b = bestMove(v, at: block[lx], alternatives: alternatives, tolerance: tol, selection: selection)?
                    .index
                if mixing.contains(lx) {
                    if let k = b { mixing.reinforce(lx, k) } else { mixing.clear(lx) }
                } else {
                    process[lx] = b
                }
            }
        }
        // Unverified: keep the deterministic process and its values.
        for (lx, x) in block.enumerated() { choice[x] = saved[lx] }
        try evaluateBlock(block, local: local, process: saved, mixed: noMix, values: &v)
        return false
    }
}
