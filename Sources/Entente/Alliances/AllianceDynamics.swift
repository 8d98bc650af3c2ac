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
        states.indices.map { x in
            let targets: [(Int, Double)] = mixed[x].map { $0.map { (moves[x][$0.move].target, $0.probability) } }
                ?? [(choice[x].map { moves[x][$0].target } ?? x, 1)]
            return targets.flatMap { (y, w) -> [(Int, Double)] in
                if states[x].windowOpen, let l = parameters.windowHazard, l > 0 {
                    return l < 1 ? [(y, w * (1 - l)), (closedPartner[y], w * l)] : [(closedPartner[y], w)]
                }
                return [(y, w)]
            }
        }
    }

    /// V = (I − δP)⁻¹U: dense LU (all players at once) for small state spaces, Gauss–Seidel sweeps or GMRES beyond.
    func evaluate(_ p: [[(Int, Double)]], start: [[Double]]?) throws(DynamicsError) -> [[Double]] {
        let m = states.count, n = scenario.actorCount, delta = parameters.delta
        if m <= parameters.denseLimit {
            var a = Matrix.identity(m)
            for x in 0..<m { for (y, w) in p[x] { a[x, y] -= delta * w } }
            var u = Matrix(rows: m, columns: n)
            for x in 0..<m { for i in 0..<n { u[x, i] = payoffs[x][i] } }
            do {
                let v = try LUFactorization(a).solve(u)
                return (0..<m).map { x in (0..<n).map { v[x, $0] } }
            } catch { throw .singularSystem }
        }
        if parameters.iterativeSolver == .gmres {
            var sparse = SparseMatrix(size: m)
            for x in 0..<m { sparse.appendRow(p[x]) }
            var v = start ?? payoffs
            for i in 0..<n {
                let r = GMRES.solve(size: m, rhs: (0..<m).map { payoffs[$0][i] }, initial: (0..<m).map { v[$0][i] }, tolerance: 1e-12) {
                    sparse.applyShifted(delta: delta, $0, $1)
                }
                guard r.converged else { throw .singularSystem }
                for x in 0..<m { v[x][i] = r.solution[x] }
            }
            return v
        }
        var v = start ?? payoffs
        let scale = max(1, payoffs.joined().map { abs($0) }.max() ?? 1)
        // Sweep budget: at most 100 000 sweeps and about 2·10⁹ entry updates in all, so δ near 1 on a large state space
        // fails with a clear error instead of running for hours.
        let entries = max(1, p.reduce(0) { $0 + $1.count } * n)
        let maxSweeps = min(100_000, max(1_000, 2_000_000_000 / entries))
        var converged = false
        for _ in 0..<maxSweeps {
            var change = 0.0
            for x in 0..<m {
                for i in 0..<n {
                    var s = payoffs[x][i]
                    for (y, w) in p[x] { s += delta * w * v[y][i] }
                    change = max(change, abs(s - v[x][i]))
                    v[x][i] = s
                }
            }
            if change < 1e-13 * scale { converged = true; break }
        }
        guard converged else { throw .evaluationDidNotConverge(sweeps: maxSweeps) }
        return v
    }

    /// Whether moving from x to y is profitable for every member of `movers` (strict or weak rule), and the smallest
    /// gain among them. Allocation-free: this runs for every state and move of every iteration.
    @inline(__always) func profitable(_ v: [[Double]], from x: Int, to y: Int, movers: Coalition, tolerance: Double) -> (Bool, Double) {
        var minGain = Double.infinity
        var someStrict = false
        var mask = movers.mask
        while mask != 0 {
            let i = mask.trailingZeroBitCount
            mask &= mask - 1
            let g = continuation(v, from: x, to: y, player: i) - continuation(v, from: x, to: x, player: i)
            minGain = min(minGain, g)
            if g > tolerance { someStrict = true }
        }
        switch parameters.rule {
        case .strict: return (minGain > tolerance, minGain)
        case .weak: return (minGain >= -tolerance && someStrict, minGain)
        }
    }

    /// The most profitable move from x (largest minimum gain over the movers), if any is profitable.
    func bestMove(_ v: [[Double]], at x: Int, tolerance: Double) -> (index: Int, gain: Double)? {
        var best: (Int, Double)? = nil
        for (k, mv) in moves[x].enumerated() {
            let (ok, g) = profitable(v, from: x, to: mv.target, movers: mv.move.movers, tolerance: tolerance)
            guard ok else { continue }
            if best == nil || g > best!.1 + tolerance { best = (k, g) }
        }
        return best
    }

    /// Whether state x violates the equilibrium conditions under values v.
    func violates(_ v: [[Double]], _ choice: [Int?], at x: Int, tolerance: Double,
                  mixed: [Int: [(move: Int, probability: Double)]] = [:]) -> Bool {
        if let mix = mixed[x] {  // every move made with positive probability must be profitable
            return mix.contains { !profitable(v, from: x, to: moves[x][$0.move].target, movers: moves[x][$0.move].move.movers, tolerance: tolerance).0 }
        }
        if let k = choice[x] {
            let mv = moves[x][k]
            return !profitable(v, from: x, to: mv.target, movers: mv.move.movers, tolerance: tolerance).0
        }
        return bestMove(v, at: x, tolerance: tolerance) != nil
    }

    /// Searches for an equilibrium process by asynchronous best responses: start from "everyone waits"; at each
    /// step every violating state switches to its most profitable move (or to waiting); when a process repeats, a
    /// single violating state switches to a random profitable move instead (a seeded generator, so runs are
    /// reproducible). Stops when no state violates the conditions, after `maxIterations`, or when the number of
    /// violating states has not fallen for `stallLimit` iterations; then the states that kept changing may mix over
    /// moves (``AllianceDynamicsResult/mixed``, damped best responses). The result is re-verified.
    public func solve(shouldStop: () -> Bool = { false }) throws(DynamicsError) -> AllianceDynamicsResult {
        let m = states.count
        let tol = 1e-10
        var choice = [Int?](repeating: nil, count: m)
        var v = try evaluate(transitions(choice), start: nil)
        var iterations = 0
        var seen = Set<[Int]>()
        var verified = false
        var rng = SeededGenerator(seed: 2003)
        var fewest = Int.max, lastImprovement = 0
        var recent: [[(Int, Int?)]] = []  // the updates of the last 50 iterations, for the mixing phase
        while iterations < parameters.maxIterations && !shouldStop() {
            iterations += 1
            var updates: [(Int, Int?, Double)] = []
            for x in 0..<m where violates(v, choice, at: x, tolerance: tol) {
                let b = bestMove(v, at: x, tolerance: tol)
                updates.append((x, b?.index, b?.gain ?? 0))
            }
            if updates.isEmpty { verified = true; break }
            // Stall detection: deterministic processes need not exist (Konishi–Ray equilibria may have to mix), so stop
            // once the number of violating states has not improved for `parameters.stallLimit` iterations.
            if updates.count < fewest { fewest = updates.count; lastImprovement = iterations }
            if iterations - lastImprovement > parameters.stallLimit { break }
            recent.append(updates.map { ($0.0, $0.1) })
            if recent.count > 50 { recent.removeFirst() }
            let key = choice.map { $0 ?? -1 }
            let single = !seen.insert(key).inserted
            if single {
                // A repeated process: break the cycle by updating one violating state, chosen reproducibly at random, to
                // a random profitable move (not necessarily the best; waiting if none is profitable).
                let x = updates[Int(rng.next() % UInt64(updates.count))].0
                let profitableMoves = moves[x].indices.filter {
                    profitable(v, from: x, to: moves[x][$0].target, movers: moves[x][$0].move.movers, tolerance: tol).0
                }
                choice[x] = profitableMoves.isEmpty ? nil : profitableMoves[Int(rng.next() % UInt64(profitableMoves.count))]
            } else {
                for u in updates { choice[u.0] = u.1 }
            }
            v = try evaluate(transitions(choice), start: v)
        }
        if !verified { verified = (0..<m).allSatisfy { !violates(v, choice, at: $0, tolerance: tol) } }
        var mixed: [Int: [(move: Int, probability: Double)]] = [:]
        if !verified && !shouldStop() {
            if let found = try mixCycle(choice: &choice, values: &v, recent: recent, iterations: &iterations, shouldStop: shouldStop) {
                mixed = found
                verified = true
            }
        }
        // Non-finite values never verify (comparisons with NaN are false, so the conditions would hold vacuously).
        guard v.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw .nonFinitePayoffs }
        let initial = states.firstIndex { s in s.labels.enumerated().allSatisfy { Int($0.element) == $0.offset } && s.windowOpen == (parameters.windowHazard != nil) }!
        let p = transitions(choice, mixed: mixed)
        // Absorption probabilities from the initial state by iterating the chain.
        var dist = [Double](repeating: 0, count: m)
        dist[initial] = 1
        for _ in 0..<10_000 {
            var next = [Double](repeating: 0, count: m)
            for x in 0..<m where dist[x] > 0 { for (y, w) in p[x] { next[y] += dist[x] * w } }
            let change = zip(next, dist).map { abs($0 - $1) }.max() ?? 0
            dist = next
            if change < 1e-14 { break }
        }
        let absorbing = (0..<m).filter { dist[$0] >= 1e-9 && p[$0].count == 1 && p[$0][0].0 == $0 }
            .map { (state: $0, probability: dist[$0]) }.sorted { $0.probability > $1.probability }
        var path = [initial]
        var visited: Set<Int> = [initial]
        while let last = path.last, let nextState = p[last].max(by: { $0.1 < $1.1 })?.0, nextState != last, visited.insert(nextState).inserted {
            path.append(nextState)
        }
        var result = AllianceDynamicsResult(choice: choice, values: v, verified: verified, iterations: iterations, initialState: initial,
                                            absorbing: absorbing, path: path,
                                            evaluation: "\(m <= parameters.denseLimit ? "dense LU" : (parameters.iterativeSolver == .gmres ? "GMRES" : "Gauss–Seidel")) on \(m) states"
                                                + restriction + (mixed.isEmpty ? "" : "; mixing in \(mixed.count) states"))
        result.mixed = mixed
        return result
    }

    /// Damped best responses over mixed processes (Konishi–Ray allow a state to mix over several moves, each of which
    /// must be profitable; staying still excludes every profitable move). The states that kept changing in the last
    /// iterations of the deterministic search mix over the moves they best-responded with, weighted by an exponential
    /// moving average of best responses (weight 0.9 per step, moves under 5 % dropped); the other states best-respond
    /// deterministically. Returns the mixed states once every state satisfies the conditions, nil after 300 steps or
    /// when more than 32 states cycle.
    func mixCycle(choice: inout [Int?], values v: inout [[Double]], recent: [[(Int, Int?)]], iterations: inout Int,
                  shouldStop: () -> Bool) throws(DynamicsError) -> [Int: [(move: Int, probability: Double)]]? {
        let m = states.count, tol = 1e-10
        var weights: [Int: [Int: Double]] = [:]
        for step in recent { for (x, c) in step { if let k = c { weights[x, default: [:]][k, default: 0] += 1 } else { weights[x, default: [:]] = weights[x] ?? [:] } } }
        guard !weights.isEmpty, weights.count <= 32 else { return nil }
        let savedChoice = choice, savedValues = v
        for _ in 0..<300 {
            if shouldStop() { break }
            iterations += 1
            var mixed: [Int: [(move: Int, probability: Double)]] = [:]
            for (x, w) in weights {
                let total = w.values.reduce(0, +)
                let kept = w.filter { total > 0 && $0.value / total >= 0.05 }
                let keptTotal = kept.values.reduce(0, +)
                if kept.count > 1 {
                    mixed[x] = kept.sorted { $0.key < $1.key }.map { (move: $0.key, probability: $0.value / keptTotal) }
                    choice[x] = kept.max { $0.value < $1.value }?.key
                } else {
                    choice[x] = kept.first?.key
                }
            }
            v = try evaluate(transitions(choice, mixed: mixed), start: v)
            let violating = (0..<m).filter { violates(v, choice, at: $0, tolerance: tol, mixed: mixed) }
            if violating.isEmpty { return mixed }
            for (x, w) in weights { weights[x] = w.mapValues { $0 * 0.9 } }
            for x in violating {
                let b = bestMove(v, at: x, tolerance: tol)?.index
                if weights[x] != nil {
                    if let k = b { weights[x]![k, default: 0] += 1 } else { weights[x] = [:] }
                } else {
                    choice[x] = b
                }
            }
        }
        choice = savedChoice
        v = savedValues
        return nil
    }

    /// Values V = (I − δP)⁻¹U of any deterministic process (`choice[x]`: index into `moves[x]`, nil = wait), all actors
    /// at once: `values[x][i]`. Dense LU up to `denseLimit` states (O(S³)); beyond, GMRES (default, relative residual
    /// 1e-12) or Gauss–Seidel sweeps (relative change 1e-13) on the sparse P, O(S·n) per step.
    public func values(of choice: [Int?]) throws(DynamicsError) -> [[Double]] {
        guard choice.count == states.count else { throw .invalidParameter(name: "process (one choice per state)") }
        return try evaluate(transitions(choice), start: nil)
    }

    /// How the state space was restricted, as text ("" for the full space).
    public var restriction: String {
        guard let k = parameters.maxCoalitionSize else { return "" }
        return "; restricted: coalitions of at most \(k) members, only the structures reachable from the status quo"
    }

    /// The transition rows (successor, probability) of the returned process: at most two successors per state.
    public func transitionRows(_ result: AllianceDynamicsResult) -> [[(Int, Double)]] { transitions(result.choice) }

    /// Each actor's choice in state x under the process.
    public func choices(in x: Int, result: AllianceDynamicsResult) -> [DynamicChoice] {
        let s = states[x]
        return (0..<scenario.actorCount).map { i in
            if s.labels[i] < 0 { return .out }
            guard let k = result.choice[x] else { return .wait }
            switch moves[x][k].move {
            case .exit(let j): return j == i ? .exit : .wait
            case .form(let c):
                guard c.contains(i) else { return .wait }
                return s.windowOpen && powerAcquiring[i] ? .seize : .join
            }
        }
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
