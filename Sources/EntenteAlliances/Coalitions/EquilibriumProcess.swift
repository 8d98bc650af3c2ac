/// A process of coalition formation (Konishi & Ray 2003) and its value functions.
public struct EquilibriumProcess: Sendable {
    /// Row-stochastic transition matrix over states (`transitions[x][y]`).
    public let transitions: [[Double]]
    /// `values[x][i]`: discounted value of player i from state x, V = (I − δP)⁻¹U.
    public let values: [[Double]]
    /// The mover behind each transition (nil for staying).
    public let movers: [[Coalition?]]

    /// States with P(x, x) = 1.
    public var absorbing: [Int] { transitions.indices.filter { transitions[$0][$0] == 1 } }
}

/// Profitability of a move for a coalition: which gains justify making a move, which alternative dominates the move
/// made (the maximality clause), and which move excludes staying put. Gains are compared with a tolerance τ.
public enum Profitability: String, Sendable, CaseIterable {
    /// y better than x for S iff Vᵢ(y) > Vᵢ(x) for every i ∈ S, in all three roles.
    case strict
    /// Vᵢ(y) ≥ Vᵢ(x) for all i ∈ S and > for some, in all three roles.
    case weak
    /// Konishi & Ray (2003): a move made with positive probability must be weakly profitable for its movers (none
    /// loses, one gains: an indifferent mover may go along) and maximal (no other move of the same movers is strictly
    /// better for all of them); staying put is excluded only by a strictly profitable move (every member gains). The
    /// asymmetry lets a state mix between moving and staying, with the pivotal mover indifferent.
    case konishiRay

    /// Whether gains (smallest `lowest`, largest `highest` over the movers) justify making the move.
    @inline(__always) func justifiesMove(lowest lo: Double, highest hi: Double, tolerance: Double) -> Bool {
        switch self {
        case .strict: return lo > tolerance
        case .weak, .konishiRay: return lo >= -tolerance && hi > tolerance
        }
    }

    /// Whether an alternative with gains (lowest, highest) over the move made dominates it (maximality clause).
    @inline(__always) func dominates(lowest lo: Double, highest hi: Double, tolerance: Double) -> Bool {
        switch self {
        case .strict, .konishiRay: return lo > tolerance
        case .weak: return lo >= -tolerance && hi > tolerance
        }
    }

    /// Whether a move with these gains over staying put excludes staying put.
    @inline(__always) func blocksStaying(lowest lo: Double, highest hi: Double, tolerance: Double) -> Bool {
        switch self {
        case .strict, .konishiRay: return lo > tolerance
        case .weak: return lo >= -tolerance && hi > tolerance
        }
    }
}

/// Konishi–Ray equilibrium processes: policy evaluation by LAPACK and the equilibrium conditions.
public enum KonishiRay {
    /// V = (I − δP)⁻¹U for all players at once: one LU factorisation, n right-hand sides. O(|X|³ + |X|²·n).
    /// Dense LU through the policy evaluation shared with the alliance games.
    public static func values(_ game: CoalitionFormationGame, transitions p: [[Double]]) throws(DynamicsError)
        -> [[Double]]
    {
        let m = game.states.count, n = game.playerCount
        var sparse = SparseMatrix(size: m)
        for x in 0..<m { sparse.appendRow((0..<m).lazy.filter { p[x][$0] != 0 }.map { ($0, p[x][$0]) }) }
        let v = try PolicyEvaluation.solve(
            sparse, rewards: Array(game.payoffs.joined()), players: n, delta: game.discount,
            denseLimit: .max, iterative: .gmres, start: nil)
        guard v.allSatisfy(\.isFinite) else { throw .nonFinitePayoffs }
        return PolicyEvaluation.rows(v, players: n)
    }

    /// The smallest and largest gain Vᵢ(y) − Vᵢ(x) over the members of S.
    static func gains(_ vy: [Double], _ vx: [Double], for s: Coalition) -> (lowest: Double, highest: Double) {
        var lo = Double.infinity, hi = -Double.infinity
        for i in s.members {
            lo = min(lo, vy[i] - vx[i])
            hi = max(hi, vy[i] - vx[i])
        }
        return (lo, hi)
    }

    /// Whether moving from x to y is profitable for S (the role of a move made).
    static func better(_ vy: [Double], _ vx: [Double], for s: Coalition, _ rule: Profitability, tolerance: Double)
        -> Bool
    {
        let g = gains(vy, vx, for: s)
        return rule.justifiesMove(lowest: g.lowest, highest: g.highest, tolerance: tolerance)
    }

    /// Checks the equilibrium conditions for a process with values `v` (Konishi & Ray 2003):
    /// (a) every positive-probability move y ≠ x has a mover S ∈ E(x, y) for whom y is profitable and no other
    /// move z available to S dominates y; (b) if P(x, x) > 0, no coalition has a move from x that excludes staying
    /// (the roles of ``Profitability``). Returns the first violating state, or nil.
    public static func violation(
        _ game: CoalitionFormationGame, transitions p: [[Double]], values v: [[Double]],
        rule: Profitability, tolerance: Double = 1e-12
    ) -> Int? {
        for x in game.states.indices {
            for y in game.states.indices where y != x && p[x][y] > 0 {
                let ok = game.moves[x].contains { mv in
                    mv.target == y && better(v[y], v[x], for: mv.coalition, rule, tolerance: tolerance)
                        && !game.moves[x].contains {
                            guard $0.coalition == mv.coalition else { return false }
                            let g = gains(v[$0.target], v[y], for: mv.coalition)
                            return rule.dominates(lowest: g.lowest, highest: g.highest, tolerance: tolerance)
                        }
                }
                if !ok { return x }
            }
            if p[x][x] > 0
                && game.moves[x].contains(where: {
                    let g = gains(v[$0.target], v[x], for: $0.coalition)
                    return rule.blocksStaying(lowest: g.lowest, highest: g.highest, tolerance: tolerance)
                })
            {
                return x
            }
        }
        return nil
    }

    /// Every deterministic equilibrium process, by enumerating all maps state → (stay or one move target).
    /// - Complexity: Π_x (1 + distinct targets from x) processes, each O(|X|³); bounded by `limit`.
    public static func deterministicEquilibria(
        _ game: CoalitionFormationGame, rule: Profitability,
        limit: Int = 2_000_000, tolerance: Double = 1e-12
    ) throws(DynamicsError) -> [EquilibriumProcess] {
        let m = game.states.count
        let options: [[Int]] = (0..<m).map { x in [x] + Array(Set(game.moves[x].map(\.target))).sorted() }
        guard limit >= 1 else { throw .invalidParameter(name: "search limit (must be ≥ 1)") }
        var total = 1
        for o in options {
            let (product, overflow) = total.multipliedReportingOverflow(by: o.count)
            if overflow || product > limit { throw .searchLimit(limit: limit) }
            total = product
        }
        var found: [EquilibriumProcess] = []
        var choice = [Int](repeating: 0, count: m)
        for _ in 0..<total {
            var p = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for x in 0..<m { p[x][options[x][choice[x]]] = 1 }
            let v = try values(game, transitions: p)
            if violation(game, transitions: p, values: v, rule: rule, tolerance: tolerance) == nil {
                found.append(EquilibriumProcess(transitions: p, values: v, movers: movers(game, p, v, rule, tolerance)))
            }
            var k = 0
            while k < m {
                choice[k] += 1
                if choice[k] < options[k].count { break }
                choice[k] = 0
                k += 1
            }
        }
        return found
    }

    static func movers(
        _ game: CoalitionFormationGame, _ p: [[Double]], _ v: [[Double]], _ rule: Profitability, _ tol: Double
    ) -> [[Coalition?]] {
        (0..<p.count).map { x in
            (0..<p.count).map { y -> Coalition? in
                guard y != x, p[x][y] > 0 else { return nil }
                return game.moves[x].first {
                    $0.target == y && better(v[y], v[x], for: $0.coalition, rule, tolerance: tol)
                }?.coalition
            }
        }
    }
}
