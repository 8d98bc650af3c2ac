/// The value and optimal strategies of a two-player zero-sum game, with its verification.
public struct ZeroSumSolution: Sendable {
    /// The value of the game to the row player.
    public let value: Double
    /// An optimal (maximin) mixed strategy of the row player.
    public let rowStrategy: [Double]
    /// An optimal (minimax) mixed strategy of the column player.
    public let columnStrategy: [Double]
    /// `max_i (A y)_i − min_j (xᵀA)_j`: zero at an exact saddle point; checked against the tolerance.
    public let exploitability: Double
    /// How the returned strategies were obtained.
    public let path: Path

    /// The algorithm that produced a ``ZeroSumSolution``.
    public enum Path: String, Sendable {
        /// Interior point, then the square support system solved by LU (a vertex).
        case interiorPointCrossover
        /// Interior point, then the simplex on the support-restricted games (degenerate games; a vertex).
        case interiorPointRestrictedSimplex
        /// The simplex method on the whole game (a vertex).
        case simplex
        /// The interior-point strategies themselves (only when every crossover failed; verified, not a vertex).
        case interiorPoint
    }
}

/// Two-player zero-sum games by linear programming (von Neumann 1928; Dantzig 1951).
///
/// The game is scaled exactly (by a power of two) into (−1, 1) and shifted to `A' = A − min A + 1 > 0`, so that the
/// LP `max Σw s.t. A'w ≤ 1, w ≥ 0` (von Neumann's form: value `1/Σw*`, the origin feasible) is bounded and feasible;
/// the column player's strategy is `w/Σw` and the row player's the normalised dual.
///
/// ``Method/interiorPoint`` (the default) solves that LP with a dense primal–dual interior-point method (Mehrotra
/// 1992; Wright 1997), whose iteration count hardly depends on size or degeneracy, on the smaller side of the game
/// (the transposed game when m > n), then crosses over to a vertex: the maximal supports are read off the
/// strictly complementary iterate and the square indifference system is solved by LU — already at the first
/// iterate with relative gap ≤ 1e-6 whose crossover vertex verifies, which saves the last iterations; degenerate games (supports of
/// different sizes) get their strategies from the simplex on the two support-restricted games instead. If the
/// crossover does not verify, the full simplex (``Method/simplex``) is run, and if that fails too, the
/// interior-point strategies themselves are returned when they verify. Nothing unverified is returned.
/// - Complexity: interior point O(m²n) per iteration (m ≤ n), 12–20 iterations measured at n = 50–400; crossover
///   O(k³) for supports of size k. The simplex is polynomial in practice but its pivot count grows with size and degeneracy.
/// - Tolerance: the result is returned only if its exploitability is ≤ `tolerance` × max(1, payoff range).
public enum ZeroSum {
    /// LP algorithm for the value LP.
    public enum Method: String, Sendable, CaseIterable {
        /// Mehrotra predictor–corrector interior point, then crossover to a vertex (default; fastest from n ≈ 50).
        case interiorPoint
        /// Revised simplex (``SimplexSolver``) on the whole game.
        case simplex
    }

    /// Solves the zero-sum game whose row-player payoffs are `a` (`m × n`, column-major).
    public static func solve(_ a: Matrix, tolerance: Double = 1e-9, method: Method = .interiorPoint)
        throws(EquilibriumError) -> ZeroSumSolution
    {
        let m = a.rows
        let n = a.columns
        guard m > 0, n > 0 else { throw .emptyGame }
        if let k = a.storage.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinitePayoff(player: 0, index: k)
        }
        try EquilibriumVerifier.checkTolerance(tolerance)
        // The LP is solved on payoffs scaled exactly (by a power of two) into (−1, 1); strategies are unit-free and the
        // value and exploitability are computed in the original units.
        let maxAbs = a.storage.reduce(0.0) { max($0, abs($1)) }
        let exponent = maxAbs > 0 ? -(Int(maxAbs.exponent) + 1) : 0
        let a0 = a
        var a = a
        if exponent != 0 {
            for k in a.storage.indices {
                a.storage[k] = Double(sign: .plus, exponent: exponent, significand: a.storage[k])
            }
        }
        let hi = a0.storage.max() ?? 0
        let lo = a0.storage.min() ?? 0
        let half = hi * 0.5 - lo * 0.5
        let range =
            half > Double.greatestFiniteMagnitude / 2 ? Double.greatestFiniteMagnitude : 2 * half
        let bound = tolerance * max(1, range)
        var lastFailure: EquilibriumError = .linearProgramFailed
        /// The verified solution for a candidate pair, or nil (recording why) if it does not pass.
        func verified(_ candidate: ([Double], [Double])?, _ path: ZeroSumSolution.Path)
            -> ZeroSumSolution?
        {
            guard let (x, y) = candidate else { return nil }
            guard x.count == m, y.count == n, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
                x.allSatisfy({ $0 >= 0 }), y.allSatisfy({ $0 >= 0 }),
                abs(x.reduce(0, +) - 1) <= EquilibriumVerifier.probabilityTolerance,
                abs(y.reduce(0, +) - 1) <= EquilibriumVerifier.probabilityTolerance
            else {
                lastFailure = .invalidProfile(player: x.count == m && x.allSatisfy(\.isFinite) ? 1 : 0)
                return nil
            }
            let ay = (try? a0.multiply(y)) ?? []
            let xa = (try? a0.multiplyTransposed(x)) ?? []
            let upper = ay.max() ?? 0
            let lowerValue = xa.min() ?? 0
            let exploitability = upper - lowerValue
            guard exploitability.isFinite, exploitability <= bound else {
                lastFailure = .verificationFailed(regret: exploitability, tolerance: bound)
                return nil
            }
            return ZeroSumSolution(
                value: upper * 0.5 + lowerValue * 0.5, rowStrategy: x, columnStrategy: y,
                exploitability: max(0, exploitability), path: path)
        }
        var interior: ([Double], [Double])? = nil
        if method == .interiorPoint {
            let ipm = interiorPointSolve(a, accept: { verified($0, .interiorPointCrossover) != nil })
            interior = ipm.interior
            if let s = verified(ipm.vertex, ipm.path) { return s }
        }
        if let s = verified(shiftedSolve(a), .simplex) { return s }
        if let s = verified(freeValueSolve(a), .simplex) { return s }
        if let s = verified(interior, .interiorPoint) { return s }
        throw lastFailure
    }

    /// Interior point on the smaller side (the transposed game −Aᵀ when m > n) and crossover. Returns the crossover
    /// vertex (nil if the LP or the crossover failed), how it was obtained, and the normalised interior strategies.
    ///
    /// `accept` is asked about square-crossover vertices of intermediate iterates (relative gap ≤ 1e-6): the first one it
    /// accepts (the caller verifies it) ends the interior-point iterations early.
    static func interiorPointSolve(_ a: Matrix, accept: (([Double], [Double])) -> Bool) -> (
        vertex: ([Double], [Double])?, path: ZeroSumSolution.Path,
        interior: ([Double], [Double])?
    ) {
        if a.rows > a.columns {
            var t = Matrix(rows: a.columns, columns: a.rows)
            for j in 0..<a.columns { for i in 0..<a.rows { t[j, i] = -a[i, j] } }
            let r = interiorPointSolve(t, accept: { accept(($0.1, $0.0)) })
            return (r.vertex.map { ($0.1, $0.0) }, r.path, r.interior.map { ($0.1, $0.0) })
        }
        let m = a.rows
        let n = a.columns
        let lo = a.storage.min() ?? 0
        var shifted = a
        for k in shifted.storage.indices { shifted.storage[k] = a.storage[k] - lo + 1 }
        var early: ([Double], [Double])? = nil
        let r = InteriorPointSolver().solve(
            shifted, b: [Double](repeating: 1, count: m), c: [Double](repeating: -1, count: n),
            earlyStop: { iterate in
                let (rows, columns) = ZeroSumCrossover.supports(iterate)
                guard let v = ZeroSumCrossover.square(a, rows: rows, columns: columns), accept(v) else { return false }
                early = v
                return true
            })
        guard r.status == .optimal else { return (nil, .interiorPoint, nil) }
        let interior = (normalise(r.y), normalise(r.x))
        if let v = early { return (v, .interiorPointCrossover, interior) }
        let (rows, columns) = ZeroSumCrossover.supports(r)
        if let v = ZeroSumCrossover.square(a, rows: rows, columns: columns) {
            return (v, .interiorPointCrossover, interior)
        }
        return (
            ZeroSumCrossover.restricted(a, rows: rows, columns: columns), .interiorPointRestrictedSimplex,
            interior
        )
    }

    /// max v s.t. Aᵀx ≥ v·1, Σx = 1, x ≥ 0 (v free) by the simplex; the column strategy from the duals.
    static func freeValueSolve(_ a: Matrix) -> ([Double], [Double])? {
        let m = a.rows
        let n = a.columns
        var aub = Matrix(rows: n, columns: m + 1)
        for j in 0..<n {
            for i in 0..<m { aub[j, i] = -a[i, j] }
            aub[j, m] = 1
        }
        var aeq = Matrix(rows: 1, columns: m + 1, repeating: 1)
        aeq[0, m] = 0
        var c = [Double](repeating: 0, count: m + 1)
        c[m] = -1
        var lower = [Double](repeating: 0, count: m + 1)
        lower[m] = -.infinity
        guard
            let lp = try? LinearProgram(
                objective: c, inequalityMatrix: aub, inequalityBounds: [Double](repeating: 0, count: n),
                equalityMatrix: aeq, equalityBounds: [1], lowerBounds: lower),
            let solution = try? SimplexSolver().solve(lp), solution.status == .optimal
        else { return nil }
        return (
            normalise(Array(solution.x[0..<m])), normalise(solution.inequalityDuals.map { max(0, -$0) })
        )
    }

    /// Solves max Σw s.t. A'w ≤ 1, w ≥ 0 for A' = A − min A + 1 (entries in [1, 3] for A scaled into (−1, 1)); returns
    /// (x, y) normalised, or nil if the LP did not reach an optimum.
    static func shiftedSolve(_ a: Matrix) -> ([Double], [Double])? {
        let m = a.rows
        let n = a.columns
        let lo = a.storage.min() ?? 0
        var shifted = a
        for k in shifted.storage.indices { shifted.storage[k] = a.storage[k] - lo + 1 }
        guard
            let lp = try? LinearProgram(
                objective: [Double](repeating: -1, count: n), inequalityMatrix: shifted,
                inequalityBounds: [Double](repeating: 1, count: m)),
            let solution = try? SimplexSolver().solve(lp), solution.status == .optimal
        else { return nil }
        let x = normalise(solution.inequalityDuals.map { max(0, -$0) })
        let y = normalise(solution.x)
        guard x.reduce(0, +) > 0, y.reduce(0, +) > 0 else { return nil }
        return (x, y)
    }

    static func normalise(_ p: [Double]) -> [Double] {
        let q = p.map { max(0, $0) }
        let s = q.reduce(0, +)
        return s > 0 ? q.map { $0 / s } : q
    }
}
