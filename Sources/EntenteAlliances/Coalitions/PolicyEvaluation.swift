/// Policy evaluation shared by the coalition-formation games (``KonishiRay``, ``AllianceFormationGame``,
/// ``BayesianAllianceFormationGame``): the discounted values V = (I − δP)⁻¹U of a Markov process P with per-period
/// payoffs U, for all players at once (Konishi & Ray 2003).
///
/// V and U are row-major `states × players` arrays (`v[x * n + i]`). Up to `denseLimit` states one LAPACK LU
/// factorisation of I − δP solves every player, O(S³ + S²·n); beyond, either restarted GMRES(30) per player on the
/// sparse operator (relative residual 1e-12; Saad & Schultz 1986), O(nnz) per step, or Gauss–Seidel sweeps
/// V ← U + δPV in place (relative change 1e-13 of max(1, max |U|)), O(nnz·n) per sweep, at most 100 000 sweeps and
/// about 2·10⁹ updates (else `evaluationDidNotConverge`).
/// Since P is stochastic and δ < 1, I − δP is a non-singular M-matrix; a failed factorisation or a GMRES run that
/// A failed factorisation is reported as ``DynamicsError/singularSystem``, a GMRES run that does not converge as
/// ``DynamicsError/iterativeSolverDidNotConverge(iterations:residual:)``.
enum PolicyEvaluation {
    /// Solves (I − δP)V = U. `start` (row-major, like U) warm-starts the iterative methods: GMRES starts from it (from
    /// zero without it), Gauss–Seidel from it or from U.
    static func solve(
        _ p: SparseMatrix, rewards u: [Double], players n: Int, delta: Double, denseLimit: Int,
        iterative: AllianceFormationGame.IterativeSolver, start: [Double]?
    ) throws(DynamicsError) -> [Double] {
        let m = p.size
        if m <= denseLimit {
            var a = Matrix.identity(m)
            for x in 0..<m {
                for k in p.rowStart[x]..<p.rowStart[x + 1] { a[x, Int(p.columns[k])] -= delta * p.values[k] }
            }
            var rhs = Matrix(rows: m, columns: n)
            for x in 0..<m { for i in 0..<n { rhs[x, i] = u[x * n + i] } }
            let sol: Matrix
            do { sol = try LUFactorization(a).solve(rhs) } catch { throw .singularSystem }
            var v = [Double](repeating: 0, count: m * n)
            for x in 0..<m { for i in 0..<n { v[x * n + i] = sol[x, i] } }
            return v
        }
        switch iterative {
        case .gmres:
            var v = start ?? [Double](repeating: 0, count: m * n)
            for i in 0..<n {
                let rhs = (0..<m).map { u[$0 * n + i] }
                let x0 = start.map { s in (0..<m).map { s[$0 * n + i] } }
                let r = GMRES.solve(size: m, rhs: rhs, initial: x0, tolerance: 1e-12) {
                    p.applyShifted(delta: delta, $0, $1)
                }
                guard r.converged else {
                    throw .iterativeSolverDidNotConverge(iterations: r.iterations, residual: r.relativeResidual)
                }
                for x in 0..<m { v[x * n + i] = r.solution[x] }
            }
            return v
        case .gaussSeidel:
            var v = start ?? u
            let scale = max(1, u.map { abs($0) }.max() ?? 1)
            // Sweep budget: at most 100 000 sweeps and about 2·10⁹ entry updates in all, so δ near 1 on a large
            // state space fails with a typed error instead of running for hours.
            let entries = max(1, p.values.count * n + m * n)
            let maxSweeps = min(100_000, max(1_000, 2_000_000_000 / entries))
            var converged = false
            for _ in 0..<maxSweeps {
                var change = 0.0
                for x in 0..<m {
                    for i in 0..<n {
                        var s = u[x * n + i]
                        for k in p.rowStart[x]..<p.rowStart[x + 1] {
                            s += delta * p.values[k] * v[Int(p.columns[k]) * n + i]
                        }
                        change = max(change, abs(s - v[x * n + i]))
                        v[x * n + i] = s
                    }
                }
                if change < 1e-13 * scale { converged = true; break }
            }
            guard converged else { throw .evaluationDidNotConverge(sweeps: maxSweeps) }
            guard v.allSatisfy(\.isFinite) else { throw .nonFinitePayoffs }
            return v
        }
    }

    /// Row-major values as one array per state (`values[x][i]`).
    static func rows(_ v: [Double], players n: Int) -> [[Double]] {
        (0..<(n == 0 ? 0 : v.count / n)).map { x in Array(v[(x * n)..<(x * n + n)]) }
    }
}
