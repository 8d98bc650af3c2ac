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
}

extension BayesianAllianceFormationGame {
    private var n: Int { base.scenario.actorCount }
    private var tolerance: Double { 1e-10 }

    /// The structure and pre-signal belief state reached from public state z under prescription `pr` when θ holds.
    @inline(__always) func next(_ z: Int, _ theta: Int, _ pr: BayesianPrescription) -> [(structure: Int, belief: Int, probability: Double)] {
        let x = z / beliefCount, b = z % beliefCount
        switch pr {
        case .wait: return [(x, b, 1)]
        case .pooling(let k): return [(base.moves[x][k].target, b, 1)]
        case .separating(let k, let u, let pa):
            let isType = ((theta >> u) & 1 == 1) == pa
            let revealed = setting(b, u, to: ((theta >> u) & 1 == 1) ? grid.points - 1 : 0)
            return isType ? [(base.moves[x][k].target, revealed, 1)] : [(x, revealed, 1)]
        case .mixture(let mix): return mix.map { (base.moves[x][$0.move].target, b, $0.probability) }
        }
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
                for (y, w) in windowOutcomes(s) { for (b2, k) in kernel { row.append((y * beliefCount + b2, q * w * k)) } }
            }
            p.appendRow(row)
        }
        return p
    }

    /// V^θ = (I − δP^θ)⁻¹U^θ for every θ: dense LU up to the dense limit, GMRES (warm-started) beyond.
    func evaluate(_ pr: [BayesianPrescription], start: [[Double]]?) throws(DynamicsError) -> [[Double]] {
        let m = stateCount, n = self.n, delta = base.parameters.delta
        var out: [[Double]] = []
        for theta in 0..<profileCount {
            let p = chain(theta, pr)
            let u = payoffs[theta]
            var v = [Double](repeating: 0, count: m * n)
            if m <= base.parameters.denseLimit {
                var a = Matrix.identity(m)
                for z in 0..<m { for k in p.rowStart[z]..<p.rowStart[z + 1] { a[z, Int(p.columns[k])] -= delta * p.values[k] } }
                var rhs = Matrix(rows: m, columns: n)
                for z in 0..<m { for i in 0..<n { rhs[z, i] = u[(z / beliefCount) * n + i] } }
                let sol: Matrix
                do { sol = try LUFactorization(a).solve(rhs) } catch { throw .singularSystem }
                for z in 0..<m { for i in 0..<n { v[z * n + i] = sol[z, i] } }
            } else {
                for i in 0..<n {
                    let rhs = (0..<m).map { u[($0 / beliefCount) * n + i] }
                    let x0 = start.map { s in (0..<m).map { s[theta][$0 * n + i] } }
                    let r = GMRES.solve(size: m, rhs: rhs, initial: x0, tolerance: 1e-12) { p.applyShifted(delta: delta, $0, $1) }
                    guard r.converged else { throw .singularSystem }
                    for z in 0..<m { v[z * n + i] = r.solution[z] }
                }
            }
            out.append(v)
        }
        return out
    }

    /// `expected[θ][(s·G^U + b)·n + i]`: expected next value of landing in structure s with pre-signal beliefs b.
    func expectations(_ v: [[Double]]) -> [[Double]] {
        let n = self.n
        return (0..<profileCount).map { theta in
            var e = [Double](repeating: 0, count: stateCount * n)
            for s in 0..<base.states.count {
                let outs = windowOutcomes(s)
                for b in 0..<beliefCount {
                    let z = s * beliefCount + b
                    for (y, w) in outs {
                        for (b2, q) in beliefKernel[theta][b] {
                            let src = (y * beliefCount + b2) * n
                            for i in 0..<n { e[z * n + i] += w * q * v[theta][src + i] }
                        }
                    }
                }
            }
            return e
        }
    }

    /// Actor i's expected gain from landing in (y, bY) rather than (x, bX), over the profiles consistent with the
    /// constraint θ & mask == value, weighted by the beliefs of belief state b. Nil if the constraint has probability 0.
    @inline(__always) func gain(_ e: [[Double]], actor i: Int, beliefs b: Int, mask: Int, value: Int,
                                to y: Int, _ bY: Int, from x: Int, _ bX: Int) -> Double? {
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

    /// Whether the gains satisfy the profitability rule, and the smallest.
    @inline(__always) func passes(_ gains: [Double]) -> (Bool, Double) {
        let lo = gains.min() ?? -.infinity, hi = gains.max() ?? -.infinity
        switch base.parameters.rule {
        case .strict: return (lo > tolerance, lo)
        case .weak: return (lo >= -tolerance && hi > tolerance, lo)
        }
    }

    /// Whether prescription `pr` in public state z satisfies its equilibrium condition; the smallest mover gain.
    func justified(_ e: [[Double]], _ z: Int, _ pr: BayesianPrescription) -> (Bool, Double) {
        let x = z / beliefCount, b = z % beliefCount
        switch pr {
        case .wait:
            return (deviation(e, z) == nil, 0)
        case .mixture(let mix):
            var lowest = Double.infinity
            for entry in mix {
                let (ok, g) = justified(e, z, .pooling(move: entry.move))
                if !ok { return (false, g) }
                lowest = min(lowest, g)
            }
            return (true, lowest)
        case .pooling(let k):
            let mv = base.moves[x][k]
            var gains: [Double] = []
            for i in mv.move.movers.members {
                if let u = uncertain.firstIndex(of: i) {
                    for t in possibleTypes(u, b) {
                        if let g = gain(e, actor: i, beliefs: b, mask: 1 << u, value: t << u, to: mv.target, b, from: x, b) { gains.append(g) }
                    }
                } else if let g = gain(e, actor: i, beliefs: b, mask: 0, value: 0, to: mv.target, b, from: x, b) {
                    gains.append(g)
                }
            }
            return passes(gains)
        case .separating(let k, let u, let pa):
            let mv = base.moves[x][k]
            let j = uncertain[u], t = pa ? 1 : 0
            guard mv.move.movers.contains(j), possibleTypes(u, b).count == 2 else { return (false, -.infinity) }
            let bR = setting(b, u, to: pa ? grid.points - 1 : 0), bN = setting(b, u, to: pa ? 0 : grid.points - 1)
            guard let own = gain(e, actor: j, beliefs: b, mask: 1 << u, value: t << u, to: mv.target, bR, from: x, bN),
                  let mimic = gain(e, actor: j, beliefs: b, mask: 1 << u, value: (1 - t) << u, to: mv.target, bR, from: x, bN),
                  mimic <= tolerance else { return (false, -.infinity) }
            var gains = [own]
            for i in mv.move.movers.members where i != j {
                if let u2 = uncertain.firstIndex(of: i) {
                    for t2 in possibleTypes(u2, b) {
                        if let g = gain(e, actor: i, beliefs: b, mask: (1 << u) | (1 << u2), value: (t << u) | (t2 << u2), to: mv.target, bR, from: x, bR) { gains.append(g) }
                    }
                } else if let g = gain(e, actor: i, beliefs: b, mask: 1 << u, value: t << u, to: mv.target, bR, from: x, bR) {
                    gains.append(g)
                }
            }
            return passes(gains)
        }
    }

    /// A profitable deviation from waiting in z: a move that every member gains from whatever its type (uninformed
    /// members in expectation under the public beliefs) — blocking in Wilson's (1978) coarse sense, by a coalition that
    /// cannot condition on private information. Exactly the moves a pooling prescription could make.
    func deviation(_ e: [[Double]], _ z: Int) -> Int? {
        let x = z / beliefCount
        for k in base.moves[x].indices where justified(e, z, .pooling(move: k)).0 { return k }
        return nil
    }

    /// Every justified prescription in z other than waiting.
    func justifiedPrescriptions(_ e: [[Double]], _ z: Int) -> [BayesianPrescription] {
        let x = z / beliefCount, b = z % beliefCount
        var out: [BayesianPrescription] = []
        for (k, mv) in base.moves[x].enumerated() {
            var candidates: [BayesianPrescription] = [.pooling(move: k)]
            for (u, j) in uncertain.enumerated() where mv.move.movers.contains(j) && possibleTypes(u, b).count == 2 {
                candidates += [.separating(move: k, slot: u, powerAcquiring: true), .separating(move: k, slot: u, powerAcquiring: false)]
            }
            out += candidates.filter { justified(e, z, $0).0 }
        }
        return out
    }

    /// The best justified prescription in z other than waiting (largest smallest mover gain), if any.
    func bestPrescription(_ e: [[Double]], _ z: Int) -> (BayesianPrescription, Double)? {
        let x = z / beliefCount, b = z % beliefCount
        var best: (BayesianPrescription, Double)? = nil
        func consider(_ pr: BayesianPrescription) {
            let (ok, g) = justified(e, z, pr)
            if ok && (best == nil || g > best!.1 + tolerance) { best = (pr, g) }
        }
        for (k, mv) in base.moves[x].enumerated() {
            consider(.pooling(move: k))
            for (u, j) in uncertain.enumerated() where mv.move.movers.contains(j) && possibleTypes(u, b).count == 2 {
                consider(.separating(move: k, slot: u, powerAcquiring: true))
                consider(.separating(move: k, slot: u, powerAcquiring: false))
            }
        }
        return best
    }

    /// Searches for a perfect-Bayesian equilibrium process by asynchronous best responses (as
    /// ``AllianceFormationGame/solve(shouldStop:)``), then re-verifies every public state and computes each type
    /// profile's long-run structures. Complexity per iteration: 2^U evaluations plus O(states · moves · 2^U · n).
    public func solve(shouldStop: () -> Bool = { false }) throws(DynamicsError) -> BayesianAllianceDynamicsResult {
        let m = stateCount
        // Start from the public games' equilibria: in belief state b, the process of the public game whose types are
        // the beliefs rounded (μ ≥ ½ ⇒ power-acquiring). Where beliefs are certain (0 or 1, absorbing) that public
        // process is already an equilibrium of the slice.
        var publicResults: [AllianceDynamicsResult] = []
        for theta in 0..<profileCount {
            let s = Self.scenario(base.scenario, uncertain: uncertain, profile: theta)
            do {
                let g = try AllianceFormationGame(scenario: s, threatModel: threatModel, parameters: base.parameters, actorLimit: s.actorCount)
                publicResults.append(try g.solve(shouldStop: shouldStop))
            } catch let e as DynamicsError { throw e } catch { throw .singularSystem }
        }
        var pr = (0..<m).map { z -> BayesianPrescription in
            let b = z % beliefCount, x = z / beliefCount
            var theta = 0
            for u in uncertain.indices where grid.value(digit(b, u)) >= 0.5 { theta |= 1 << u }
            if let mix = publicResults[theta].mixed[x] { return .mixture(mix.map { .init(move: $0.move, probability: $0.probability) }) }
            return publicResults[theta].choice[x].map { .pooling(move: $0) } ?? .wait
        }
        var v = try evaluate(pr, start: nil)
        var e = expectations(v)
        var iterations = 0, verified = false
        var seen = Set<[BayesianPrescription]>()
        var rng = SeededGenerator(seed: 2003)
        var fewest = Int.max, lastImprovement = 0
        var recent: [[(Int, BayesianPrescription)]] = []
        while iterations < base.parameters.maxIterations && !shouldStop() {
            iterations += 1
            var updates: [(Int, BayesianPrescription)] = []
            for z in 0..<m where !justified(e, z, pr[z]).0 {
                updates.append((z, bestPrescription(e, z)?.0 ?? .wait))
            }
            if updates.isEmpty { verified = true; break }
            // Stall detection: deterministic processes need not exist (Konishi–Ray equilibria may have to mix), so stop
            // once the number of violating states has not improved for `parameters.stallLimit` iterations.
            if updates.count < fewest { fewest = updates.count; lastImprovement = iterations }
            if iterations - lastImprovement > base.parameters.stallLimit { break }
            recent.append(updates)
            if recent.count > 50 { recent.removeFirst() }
            if !seen.insert(pr).inserted {
                // A repeated process: one violating state switches to a random justified prescription (or waits).
                let z = updates[Int(rng.next() % UInt64(updates.count))].0
                let options = justifiedPrescriptions(e, z)
                pr[z] = options.isEmpty ? .wait : options[Int(rng.next() % UInt64(options.count))]
            } else {
                for u in updates { pr[u.0] = u.1 }
            }
            v = try evaluate(pr, start: v)
            e = expectations(v)
        }
        if !verified { verified = (0..<m).allSatisfy { justified(e, $0, pr[$0]).0 } }
        if !verified && !shouldStop() {
            var trial = pr
            if let found = try mix(&trial, recent: recent, iterations: &iterations, shouldStop: shouldStop) {
                pr = trial
                (v, e) = found
                verified = true
            }
        }
        // Non-finite values never verify (comparisons with NaN are false, so the conditions would hold vacuously).
        guard v.allSatisfy({ $0.allSatisfy(\.isFinite) }), e.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw .nonFinitePayoffs }
        return summarize(pr, v, e, verified: verified, iterations: iterations)
    }

    /// The mixing phase after a stall (as ``AllianceFormationGame``'s): the states that kept changing mix over the
    /// pooling moves they best-responded with (exponential moving average 0.9, moves under 5 % dropped); the others
    /// best-respond. Returns the values once every public state is justified, nil after 300 steps or > 32 states.
    func mix(_ pr: inout [BayesianPrescription], recent: [[(Int, BayesianPrescription)]], iterations: inout Int,
             shouldStop: () -> Bool) throws(DynamicsError) -> ([[Double]], [[Double]])? {
        var weights: [Int: [Int: Double]] = [:]
        for step in recent {
            for (z, p) in step {
                if case .pooling(let k) = p { weights[z, default: [:]][k, default: 0] += 1 } else if weights[z] == nil { weights[z] = [:] }
            }
        }
        guard !weights.isEmpty, weights.count <= 32 else { return nil }
        var v: [[Double]] = []
        for _ in 0..<300 {
            if shouldStop() { return nil }
            iterations += 1
            for (z, w) in weights {
                let total = w.values.reduce(0, +)
                let kept = w.filter { total > 0 && $0.value / total >= 0.05 }.sorted { $0.key < $1.key }
                let keptTotal = kept.reduce(0) { $0 + $1.value }
                if kept.count > 1 {
                    pr[z] = .mixture(kept.map { .init(move: $0.key, probability: $0.value / keptTotal) })
                } else if let k = kept.first?.key {
                    pr[z] = .pooling(move: k)
                }
            }
            v = try evaluate(pr, start: v.isEmpty ? nil : v)
            let e = expectations(v)
            let violating = (0..<stateCount).filter { !justified(e, $0, pr[$0]).0 }
            if violating.isEmpty { return (v, e) }
            for (z, w) in weights { weights[z] = w.mapValues { $0 * 0.9 } }
            for z in violating {
                let best = bestPrescription(e, z)?.0 ?? .wait
                if weights[z] != nil, case .pooling(let k) = best {
                    weights[z]![k, default: 0] += 1
                } else {
                    weights[z] = nil
                    pr[z] = best
                }
            }
        }
        return nil
    }

    func summarize(_ pr: [BayesianPrescription], _ v: [[Double]], _ e: [[Double]], verified: Bool, iterations: Int) -> BayesianAllianceDynamicsResult {
        let n = self.n, m = stateCount
        let x0 = base.states.firstIndex { s in s.labels.enumerated().allSatisfy { Int($0.element) == $0.offset } && s.windowOpen == (base.parameters.windowHazard != nil) }!
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
                let c = choices(in: x0 * beliefCount + b, profile: theta, prescription: pr[x0 * beliefCount + b])
                for i in 0..<n { firstChoices[i][c[i], default: 0] += w }
            }
            for _ in 0..<20_000 {
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
            let structures = byStructure.filter { $0.value >= 1e-6 }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .map { (state: $0.key, probability: $0.value) }
            outcomes.append(.init(profile: theta, priorProbability: prior, structures: structures, firstChoices: firstChoices))
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
                    if (theta >> u) & 1 == 1 { typeValues[u].powerAcquiring += q * v[theta][z * n + j]; typeWeights[u].1 += q }
                    else { typeValues[u].statusQuo += q * v[theta][z * n + j]; typeWeights[u].0 += q }
                }
            }
        }
        for u in uncertain.indices {
            typeValues[u].statusQuo /= max(typeWeights[u].0, 1e-300)
            typeValues[u].powerAcquiring /= max(typeWeights[u].1, 1e-300)
        }
        let mixtures = pr.filter { if case .mixture = $0 { return true } else { return false } }.count
        let method = m <= base.parameters.denseLimit ? "dense LU" : "GMRES"
        return BayesianAllianceDynamicsResult(
            prescriptions: pr, values: v, verified: verified, iterations: iterations, outcomes: outcomes,
            startValues: startValues, typeValues: typeValues,
            evaluation: "\(method) on \(m) states (\(base.states.count) structures × \(beliefCount) beliefs, \(grid.points)-point grid, signal accuracy \(grid.accuracy)) for each of \(profileCount) type profiles" + base.restriction
                + (mixtures == 0 ? "" : "; mixing in \(mixtures) public states"))
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
        return (0..<stateCount).filter { !justified(e, $0, result.prescriptions[$0]).0 }
    }

    /// A type profile as text, e.g. "GMY power-acquiring, RUS status quo".
    public func describeProfile(_ theta: Int) -> String {
        uncertain.enumerated().map { (u, i) in base.scenario.ids[i] + ((theta >> u) & 1 == 1 ? " power-acquiring" : " status quo") }.joined(separator: ", ")
    }
}
