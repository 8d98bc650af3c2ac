/// The asynchronous best-response search for an equilibrium process, shared by ``AllianceFormationGame`` (a
/// prescription is a move index or nil for waiting) and ``BayesianAllianceFormationGame`` (a
/// ``BayesianPrescription``).
///
/// Each iteration every violating state switches to its best response; when a process repeats, one violating state,
/// chosen by a seeded generator (seed 2003 by default, so runs are reproducible), switches to a random justified prescription
/// instead (or to `fallback` if none is). The search stops when no state violates the conditions, after
/// `maxIterations`, or when the number of violating states has not fallen for `stallLimit` iterations (deterministic
/// equilibrium processes need not exist); the process is then re-verified. The best responses of the last 50
/// iterations are kept for ``DampedMixing``. Cost per iteration: one policy evaluation plus the callers' checks.
struct ProcessSearch<Prescription: Hashable> {
    /// The current process (one prescription per state).
    var process: [Prescription]
    /// Iterations used.
    var iterations = 0
    /// Whether no state violates the conditions (after ``run``).
    var verified = false
    /// The best-response updates (state, prescription) of the last 50 iterations, oldest first.
    var recent: [[(Int, Prescription)]] = []

    /// Runs the search. `violates(x, process)`, `best(x)` and `options(x)` read the values of the current process,
    /// which `evaluate(process)` recomputes after every change.
    mutating func run(
        maxIterations: Int, stallLimit: Int, fallback: Prescription, seed: UInt64 = 2003, shouldStop: () -> Bool,
        violates: (Int, [Prescription]) -> Bool, best: (Int) -> Prescription, options: (Int) -> [Prescription],
        evaluate: ([Prescription]) throws(DynamicsError) -> Void
    ) throws(DynamicsError) {
        var seen = Set<Int>()  // hashes of the processes visited (a collision only triggers a random move)
        var rng = SeededGenerator(seed: seed)
        var fewest = Int.max, lastImprovement = 0
        while iterations < maxIterations && !shouldStop() {
            iterations += 1
            var updates: [(Int, Prescription)] = []
            for x in process.indices where violates(x, process) { updates.append((x, best(x))) }
            if updates.isEmpty { verified = true; break }
            if updates.count < fewest { fewest = updates.count; lastImprovement = iterations }
            if iterations - lastImprovement > stallLimit { break }
            recent.append(updates)
            if recent.count > 50 { recent.removeFirst() }
            if !seen.insert(process.hashValue).inserted {
                // A repeated process: one violating state, chosen reproducibly at random, switches to a random justified
                // prescription (not necessarily the best).
                let x = updates[Int(rng.next() % UInt64(updates.count))].0
                let choices = options(x)
                process[x] = choices.isEmpty ? fallback : choices[Int(rng.next() % UInt64(choices.count))]
            } else {
                for u in updates { process[u.0] = u.1 }
            }
            try evaluate(process)
        }
        if !verified { verified = process.indices.allSatisfy { !violates($0, process) } }
    }
}

/// Damped best responses over mixed processes after a stalled search (Konishi–Ray allow a state to mix over several
/// moves, each of which must be justified): the states that kept changing in the last iterations mix over the moves
/// they best-responded with, weighted by an exponential moving average of best responses (factor 0.9 per step; moves
/// under 5 % of a state's weight dropped). At most 32 mixing states and 300 steps (``maxSteps``); the games decide
/// what a non-move best response does to a mixing state.
struct DampedMixing {
    /// Steps before giving up.
    static let maxSteps = 300
    /// `weights[x][k]`: weight of move k in mixing state x.
    private(set) var weights: [Int: [Int: Double]] = [:]

    /// From the recent best responses (state, move index or nil for anything that is not a single move); nil if no
    /// state, or more than 32, kept changing.
    init?(recent: [[(state: Int, move: Int?)]]) {
        for step in recent {
            for (x, c) in step {
                if let k = c {
                    weights[x, default: [:]][k, default: 0] += 1
                } else if weights[x] == nil {
                    weights[x] = [:]
                }
            }
        }
        guard !weights.isEmpty, weights.count <= 32 else { return nil }
    }

    /// Per mixing state, the kept moves (at least 5 % of the state's weight) in move order with normalised
    /// probabilities; empty where no move is kept.
    func distributions() -> [Int: [(move: Int, probability: Double)]] {
        weights.mapValues { w in
            let ordered = w.sorted { $0.key < $1.key }
            let total = ordered.reduce(0) { $0 + $1.value }
            let kept = ordered.filter { total > 0 && $0.value / total >= 0.05 }
            let keptTotal = kept.reduce(0) { $0 + $1.value }
            return kept.map { (move: $0.key, probability: $0.value / keptTotal) }
        }
    }

    /// Whether x is a mixing state.
    func contains(_ x: Int) -> Bool { weights[x] != nil }
    /// Multiplies every weight by 0.9 (before the step's best responses are added).
    mutating func decay() { for (x, w) in weights { weights[x] = w.mapValues { $0 * 0.9 } } }
    /// Adds a best response k of mixing state x.
    mutating func reinforce(_ x: Int, _ k: Int) { weights[x]![k, default: 0] += 1 }
    /// Forgets the weights of x (it stays a mixing state).
    mutating func clear(_ x: Int) { weights[x] = [:] }
    /// x no longer mixes.
    mutating func remove(_ x: Int) { weights[x] = nil }
}
