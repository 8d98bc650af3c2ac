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
}

/// Two-player zero-sum games by linear programming (von Neumann 1928; Dantzig 1951).
///
/// Solves `max v s.t. Aᵀx ≥ v·1, Σx = 1, x ≥ 0` with ``SimplexSolver``; the column player's optimal
/// strategy is read off the duals of the `m`-column constraints, so one LP gives both strategies.
/// - Complexity: one LP with m + 1 variables and n + 1 constraints (simplex: polynomial in practice).
/// - Tolerance: the result is returned only if its exploitability is ≤ `tolerance` × max(1, payoff range).
public enum ZeroSum {
    /// Solves the zero-sum game whose row-player payoffs are `a` (`m × n`, column-major).
    public static func solve(_ a: Matrix, tolerance: Double = 1e-9) throws(EquilibriumError) -> ZeroSumSolution {
        let m = a.rows, n = a.columns
        guard m > 0, n > 0 else { throw .emptyGame }
        if let k = a.storage.firstIndex(where: { !$0.isFinite }) { throw .nonFinitePayoff(player: 0, index: k) }
        try EquilibriumVerifier.checkTolerance(tolerance)
        // The LP is solved on payoffs scaled exactly (by a power of two) into (−1, 1); strategies are unit-free and the
        // value and exploitability are computed in the original units.
        let maxAbs = a.storage.reduce(0.0) { max($0, abs($1)) }
        let exponent = maxAbs > 0 ? -(Int(maxAbs.exponent) + 1) : 0
        let a0 = a
        var a = a
        if exponent != 0 { for k in a.storage.indices { a.storage[k] = Double(sign: .plus, exponent: exponent, significand: a.storage[k]) } }
        // Primary formulation (von Neumann's, as in most texts): with A' = A − min A + 1 > 0 (value v' ≥ 1),
        // maximise Σw s.t. A'w ≤ 1, w ≥ 0. The origin is feasible (no phase 1, right-hand side 1, far less degenerate
        // than the free-value form); Σw* = 1/v', y = w/Σw, and x is read off the duals of the m rows.
        var x: [Double] = [], y: [Double] = []
        if let (px, py) = shiftedSolve(a) {
            x = px
            y = py
        } else {
            // Fallback: max v s.t. Aᵀx ≥ v·1, Σx = 1, x ≥ 0 (v free).
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
            let solution: LinearProgramSolution
            do {
                let lp = try LinearProgram(objective: c, inequalityMatrix: aub, inequalityBounds: [Double](repeating: 0, count: n),
                                           equalityMatrix: aeq, equalityBounds: [1], lowerBounds: lower)
                solution = try SimplexSolver().solve(lp)
            } catch {
                throw .linearProgramFailed
            }
            guard solution.status == .optimal else { throw .linearProgramFailed }
            x = normalise(Array(solution.x[0..<m]))
            y = normalise(solution.inequalityDuals.map { max(0, -$0) })
        }
        guard x.count == m, y.count == n, x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite),
              abs(x.reduce(0, +) - 1) <= EquilibriumVerifier.probabilityTolerance,
              abs(y.reduce(0, +) - 1) <= EquilibriumVerifier.probabilityTolerance
        else { throw .invalidProfile(player: x.count == m && x.allSatisfy(\.isFinite) ? 1 : 0) }
        let ay = (try? a0.multiply(y)) ?? []
        let xa = (try? a0.multiplyTransposed(x)) ?? []
        let upper = ay.max() ?? 0, lowerValue = xa.min() ?? 0
        let exploitability = upper - lowerValue
        let hi = a0.storage.max() ?? 0, lo = a0.storage.min() ?? 0
        let half = hi * 0.5 - lo * 0.5
        let range = half > Double.greatestFiniteMagnitude / 2 ? Double.greatestFiniteMagnitude : 2 * half
        let bound = tolerance * max(1, range)
        guard exploitability.isFinite, exploitability <= bound else { throw .verificationFailed(regret: exploitability, tolerance: bound) }
        return ZeroSumSolution(value: upper * 0.5 + lowerValue * 0.5, rowStrategy: x, columnStrategy: y,
                               exploitability: max(0, exploitability))
    }

    /// Solves max Σw s.t. A'w ≤ 1, w ≥ 0 for A' = A − min A + 1 (entries in [1, 3] for A scaled into (−1, 1)); returns
    /// (x, y) normalised, or nil if the LP did not reach an optimum.
    static func shiftedSolve(_ a: Matrix) -> ([Double], [Double])? {
        let m = a.rows, n = a.columns
        let lo = a.storage.min() ?? 0
        var shifted = a
        for k in shifted.storage.indices { shifted.storage[k] = a.storage[k] - lo + 1 }
        guard let lp = try? LinearProgram(objective: [Double](repeating: -1, count: n), inequalityMatrix: shifted,
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
