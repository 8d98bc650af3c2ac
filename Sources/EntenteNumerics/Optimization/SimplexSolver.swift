import CLAPACKE

/// A dense two-phase revised simplex method with LAPACK LU basis factorisations.
///
/// The basis is factorised with `dgetrf` and updated between refactorisations in product form
/// (eta vectors), refactorising every ``Options/refactorInterval`` pivots. Pricing is Dantzig's
/// most-negative reduced cost. After ``Options/degenerateStreakLimit`` consecutive degenerate pivots in phase 2
/// the right-hand side is perturbed once by tiny random amounts (bounded perturbation, as in Wolfe 1963 and most
/// production codes), which breaks the ties that make Dantzig pricing stall; the perturbation is removed at the
/// optimum (the basis is recomputed for the true right-hand side and must stay feasible within the tolerance,
/// otherwise the LP is re-solved without it). If degenerate pivots still pile up, the solver switches to Bland's
/// smallest-index rule, which cannot cycle (Bland 1977), until the next non-degenerate pivot. Results are basic
/// solutions, so active constraints are identified exactly (what the nucleolus needs).
///
/// - Complexity: O(m·N) per pivot for pricing plus O(m²) per eta update and O(m³) per refactorisation,
///   with m rows and N columns of the standard form; the number of pivots is typically 1–3 m.
/// - Tolerance: reduced costs and primal feasibility to ``Options/tolerance`` (default 1e-9).
public struct SimplexSolver: Sendable {
    /// Solver settings.
    public struct Options: Sendable {
        /// Feasibility and optimality tolerance.
        public var tolerance: Double = 1e-9
        /// Maximum number of pivots (phase 1 + phase 2); `nil` means 200·(m + N) + 10 000 — far above the 1–3·m pivots
        /// seen in practice, so a feasible bounded LP is never abandoned for lack of iterations (Bland's rule after
        /// degenerate streaks guarantees termination).
        public var maxIterations: Int? = nil
        /// Pivots between fresh LU factorisations of the basis.
        public var refactorInterval: Int = 64
        /// Consecutive degenerate pivots before Bland's rule takes over. Bland's rule cannot cycle but can be very
        /// slow on highly degenerate LPs (zero-sum games), so Dantzig pricing gets a long leash first.
        public var degenerateStreakLimit: Int = 100
        /// Perturb the right-hand side once after ``perturbationStreak`` consecutive degenerate pivots in phase 2
        /// (removed at the optimum).
        public var perturbation: Bool = true
        /// Consecutive degenerate phase-2 pivots before the right-hand side is perturbed.
        public var perturbationStreak: Int = 20
        /// Default settings.
        public init() {}
    }

    /// The settings in use.
    public var options: Options

    /// A solver with the given settings.
    public init(options: Options = Options()) { self.options = options }

    /// Solves `lp`. Returns a solution whose `status` tells optimal / infeasible / unbounded / iteration limit.
    /// Throws only when the basis becomes numerically singular.
    public func solve(_ lp: LinearProgram) throws(LinearProgramError) -> LinearProgramSolution {
        var sf = StandardForm(lp)
        var state = SimplexState(form: sf, options: options)
        guard state.refactor() else { throw .numericalFailure }
        // Phase 1: minimise the sum of artificials.
        var phase1 = [Double](repeating: 0, count: sf.columnCount)
        for j in sf.artificialRange { phase1[j] = 1 }
        var status = try state.iterate(cost: phase1, allowed: { _ in true })
        let infeasibility = state.objective(phase1)
        let scale = max(1, Vector.normInf(sf.b))
        if status == .iterationLimit { return sf.result(status: .iterationLimit, state: state, lp: lp, cost: phase1) }
        if infeasibility > 1e-7 * scale {
            return sf.result(status: .infeasible, state: state, lp: lp, cost: phase1)
        }
        try state.driveOutArtificials(sf.artificialRange)
        sf.disableArtificials()
        status = try state.iterate(
            cost: sf.cost, allowed: { !sf.artificialRange.contains($0) }, perturb: options.perturbation)
        if state.perturbationFailed {
            // The optimal basis of the perturbed LP is not feasible for the true one: solve again without perturbation.
            var plain = self
            plain.options.perturbation = false
            return try plain.solve(lp)
        }
        return sf.result(status: status, state: state, lp: lp, cost: sf.cost)
    }
}

/// The standard form `min c'x' s.t. A'x' = b' ≥ 0, x' ≥ 0` with artificial columns appended.
struct StandardForm {
    enum Mapping {
        case shifted(col: Int, lower: Double), reflected(col: Int, upper: Double), free(plus: Int, minus: Int)
    }
    var mapping: [Mapping] = []
    var rows = 0
    var columnCount = 0
    var a: [Double] = []
    var b: [Double] = []
    var cost: [Double] = []
    var rowSign: [Double] = []
    var artificialRange: Range<Int> = 0..<0
    var initialBasis: [Int] = []
    let ubRows: Int, eqRows: Int

    init(_ lp: LinearProgram) {
        let n = lp.variableCount
        ubRows = lp.inequalityMatrix.rows
        eqRows = lp.equalityMatrix.rows
        var structural = 0
        var boundRowsFor: [Int] = []
        for j in 0..<n {
            let l = lp.lowerBounds[j], u = lp.upperBounds[j]
            if l.isFinite {
                mapping.append(.shifted(col: structural, lower: l)); structural += 1
                if u.isFinite { boundRowsFor.append(j) }
            } else if u.isFinite {
                mapping.append(.reflected(col: structural, upper: u)); structural += 1
            } else {
                mapping.append(.free(plus: structural, minus: structural + 1)); structural += 2
            }
        }
        let m = ubRows + eqRows + boundRowsFor.count
        rows = m
        let slackCount = ubRows + boundRowsFor.count
        let preArtificial = structural + slackCount
        // Row data before sign normalisation: coefficient columns and right-hand sides.
        var rowsA = [Double](repeating: 0, count: m * preArtificial)
        var rhs = [Double](repeating: 0, count: m)
        func put(_ i: Int, _ col: Int, _ v: Double) { rowsA[i + col * m] += v }
        for i in 0..<ubRows { rhs[i] = lp.inequalityBounds[i] }
        for i in 0..<eqRows { rhs[ubRows + i] = lp.equalityBounds[i] }
        for j in 0..<n {
            for (offset, mat) in [(0, lp.inequalityMatrix), (ubRows, lp.equalityMatrix)] {
                for i in 0..<mat.rows {
                    let v = mat[i, j]
                    if v == 0 { continue }
                    switch mapping[j] {
                    case .shifted(let c, let l): put(offset + i, c, v); rhs[offset + i] -= v * l
                    case .reflected(let c, let u): put(offset + i, c, -v); rhs[offset + i] -= v * u
                    case .free(let p, let q): put(offset + i, p, v); put(offset + i, q, -v)
                    }
                }
            }
        }
        for (k, j) in boundRowsFor.enumerated() {
            let i = ubRows + eqRows + k
            if case .shifted(let c, let l) = mapping[j] { put(i, c, 1); rhs[i] = lp.upperBounds[j] - l }
        }
        for i in 0..<ubRows { put(i, structural + i, 1) }
        for k in 0..<boundRowsFor.count { put(ubRows + eqRows + k, structural + ubRows + k, 1) }
        // Normalise signs so b ≥ 0; choose slack or artificial as the initial basic variable per row.
        rowSign = rhs.map { $0 < 0 ? -1 : 1 }
        var needsArtificial: [Int] = []
        initialBasis = [Int](repeating: -1, count: m)
        for i in 0..<m {
            let isEq = i >= ubRows && i < ubRows + eqRows
            if !isEq && rowSign[i] > 0 {
                let slack = i < ubRows ? structural + i : structural + ubRows + (i - ubRows - eqRows)
                initialBasis[i] = slack
            } else {
                needsArtificial.append(i)
            }
        }
        columnCount = preArtificial + needsArtificial.count
        artificialRange = preArtificial..<columnCount
        a = [Double](repeating: 0, count: m * columnCount)
        for col in 0..<preArtificial {
            for i in 0..<m { a[i + col * m] = rowSign[i] * rowsA[i + col * m] }
        }
        for (k, i) in needsArtificial.enumerated() {
            a[i + (preArtificial + k) * m] = 1
            initialBasis[i] = preArtificial + k
        }
        b = zip(rhs, rowSign).map { $0 * $1 }
        cost = [Double](repeating: 0, count: columnCount)
        for j in 0..<n {
            let c = lp.objective[j]
            switch mapping[j] {
            case .shifted(let col, _): cost[col] = c
            case .reflected(let col, _): cost[col] = -c
            case .free(let p, let q): cost[p] = c; cost[q] = -c
            }
        }
    }

    mutating func disableArtificials() {
        for j in artificialRange { cost[j] = 0 }
    }

    func result(status: LinearProgramStatus, state: SimplexState, lp: LinearProgram, cost: [Double])
        -> LinearProgramSolution
    {
        let n = lp.variableCount
        var xs = [Double](repeating: 0, count: columnCount)
        for (r, j) in state.basis.enumerated() { xs[j] = state.xB[r] }
        var x = [Double](repeating: 0, count: n)
        for j in 0..<n {
            switch mapping[j] {
            case .shifted(let c, let l): x[j] = l + xs[c]
            case .reflected(let c, let u): x[j] = u - xs[c]
            case .free(let p, let q): x[j] = xs[p] - xs[q]
            }
        }
        let y = state.duals(cost: cost)
        let yUB = (0..<ubRows).map { rowSign[$0] * y[$0] }
        let yEQ = (0..<eqRows).map { rowSign[ubRows + $0] * y[ubRows + $0] }
        var d = lp.objective
        for j in 0..<n {
            for i in 0..<ubRows { d[j] -= lp.inequalityMatrix[i, j] * yUB[i] }
            for i in 0..<eqRows { d[j] -= lp.equalityMatrix[i, j] * yEQ[i] }
        }
        let obj = zip(lp.objective, x).reduce(0) { $0 + $1.0 * $1.1 }
        return LinearProgramSolution(
            status: status, x: x, objectiveValue: obj, inequalityDuals: yUB,
            equalityDuals: yEQ, reducedCosts: d, iterations: state.iterations)
    }
}

/// Basis bookkeeping: LU of the basis at the last refactorisation plus eta updates since.
struct SimplexState {
    let m: Int
    let ncol: Int
    let a: [Double]
    let b: [Double]
    let options: SimplexSolver.Options
    var basis: [Int]
    var position: [Int]
    var xB: [Double]
    var lu: [Double]
    var pivots: [Int32]
    var etaRows: [Int] = []
    var etas: [Double] = []
    var iterations = 0
    let maxIterations: Int
    /// `B·δ` for the current right-hand-side perturbation δ (nil when none is active); refactorisations keep it.
    var shift: [Double]? = nil
    /// Set when removing a perturbation left the basis infeasible for the true right-hand side.
    var perturbationFailed = false

    init(form: StandardForm, options: SimplexSolver.Options) {
        m = form.rows
        ncol = form.columnCount
        a = form.a
        b = form.b
        self.options = options
        basis = form.initialBasis
        position = [Int](repeating: -1, count: form.columnCount)
        for (r, j) in basis.enumerated() { position[j] = r }
        xB = form.b
        lu = [Double](repeating: 0, count: m * m)
        pivots = [Int32](repeating: 0, count: m)
        maxIterations = options.maxIterations ?? (200 * (m + ncol) + 10_000)
    }

    /// Fresh LU of the basis and a fresh `x_B = B⁻¹ b`. Returns false if the basis is singular.
    mutating func refactor() -> Bool {
        etaRows.removeAll(keepingCapacity: true)
        etas.removeAll(keepingCapacity: true)
        if m == 0 { return true }
        for (r, j) in basis.enumerated() {
            for i in 0..<m { lu[i + r * m] = a[i + j * m] }
        }
        let mm = Int32(m)
        let info = lu.withUnsafeMutableBufferPointer { f in
            pivots.withUnsafeMutableBufferPointer { p in
                LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, mm, mm, f.baseAddress, mm, p.baseAddress)
            }
        }
        if info != 0 { return false }
        var x = b
        if let s = shift { for i in 0..<m { x[i] += s[i] } }
        ftran(&x)
        for i in 0..<m { xB[i] = abs(x[i]) < 1e-13 ? 0 : x[i] }
        return true
    }

    /// `v ← B⁻¹ v`.
    func ftran(_ v: inout [Double]) {
        if m == 0 { return }
        let mm = Int32(m)
        lu.withUnsafeBufferPointer { f in
            pivots.withUnsafeBufferPointer { p in
                _ = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 78, mm, 1, f.baseAddress, mm, p.baseAddress, &v, mm)
            }
        }
        for (k, r) in etaRows.enumerated() {
            let base = k * m
            let vr = v[r]
            if vr == 0 { continue }
            for i in 0..<m where i != r { v[i] += etas[base + i] * vr }
            v[r] = etas[base + r] * vr
        }
    }

    /// `v ← B⁻ᵀ v`.
    func btran(_ v: inout [Double]) {
        if m == 0 { return }
        for k in stride(from: etaRows.count - 1, through: 0, by: -1) {
            let r = etaRows[k], base = k * m
            var s = 0.0
            for i in 0..<m { s += etas[base + i] * v[i] }
            v[r] = s
        }
        let mm = Int32(m)
        lu.withUnsafeBufferPointer { f in
            pivots.withUnsafeBufferPointer { p in
                _ = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 84, mm, 1, f.baseAddress, mm, p.baseAddress, &v, mm)
            }
        }
    }

    func duals(cost: [Double]) -> [Double] {
        var y = basis.map { cost[$0] }
        btran(&y)
        return y
    }

    func objective(_ cost: [Double]) -> Double {
        var s = 0.0
        for (r, j) in basis.enumerated() { s += cost[j] * xB[r] }
        return s
    }

    @inline(__always) func column(_ j: Int, dot y: [Double]) -> Double {
        var s = 0.0
        let base = j * m
        for i in 0..<m { s += a[base + i] * y[i] }
        return s
    }

    /// Adds δᵣ ∈ [ε, 2ε) to every basic value (ε = 1e-9 · max(1, ‖b‖∞), seeded, so runs are reproducible) and
    /// records `B·δ` so refactorisations keep the perturbed right-hand side.
    mutating func perturb() {
        var rng = SeededGenerator(seed: 1963)
        let eps = 1e-9 * max(1, Vector.normInf(b))
        var s = [Double](repeating: 0, count: m)
        for r in 0..<m {
            let delta = eps * (1 + Double(rng.next() >> 11) / Double(1 << 53))
            xB[r] += delta
            let base = basis[r] * m
            for i in 0..<m { s[i] += a[base + i] * delta }
        }
        shift = s
    }

    /// Removes the perturbation: x_B = B⁻¹b again; values down to −1e-9 · max(1, ‖b‖∞) count as 0. Returns false if
    /// the basis is infeasible for the true right-hand side.
    mutating func removePerturbation() throws(LinearProgramError) -> Bool {
        shift = nil
        guard refactor() else { throw .numericalFailure }
        let floor = -1e-9 * max(1, Vector.normInf(b))
        guard xB.allSatisfy({ $0 >= floor }) else { return false }
        for i in 0..<m where xB[i] < 0 { xB[i] = 0 }
        return true
    }

    /// Runs simplex pivots on `cost` over the `allowed` columns until optimal, unbounded or the limit; with `perturb`,
    /// the right-hand side is perturbed once after a degenerate streak (see ``SimplexSolver``).
    mutating func iterate(cost: [Double], allowed: (Int) -> Bool, perturb allowPerturbation: Bool = false)
        throws(LinearProgramError) -> LinearProgramStatus
    {
        let tol = options.tolerance
        var bland = false
        var perturbed = false
        var degenerateStreak = 0
        var w = [Double](repeating: 0, count: m)
        var allowedMask = [Bool](repeating: false, count: ncol)
        for j in 0..<ncol { allowedMask[j] = allowed(j) }
        while true {
            if iterations >= maxIterations {
                if shift != nil { shift = nil; _ = refactor() }
                return .iterationLimit
            }
            let y = duals(cost: cost)
            // Pricing.
            var entering = -1
            var best = -tol
            for j in 0..<ncol where position[j] < 0 && allowedMask[j] {
                let d = cost[j] - column(j, dot: y)
                if bland {
                    if d < -tol { entering = j; break }
                } else if d < best {
                    best = d; entering = j
                }
            }
            if entering < 0 {
                if shift != nil, try !removePerturbation() { perturbationFailed = true }
                return .optimal
            }
            // Direction.
            for i in 0..<m { w[i] = a[i + entering * m] }
            ftran(&w)
            // Ratio test.
            var leaving = -1
            var theta = Double.infinity
            let pivTol = 1e-9
            for i in 0..<m where w[i] > pivTol {
                let ratio = max(xB[i], 0) / w[i]
                if ratio < theta - 1e-12 {
                    theta = ratio; leaving = i
                } else if ratio <= theta + 1e-12, leaving >= 0 {
                    if bland ? basis[i] < basis[leaving] : w[i] > w[leaving] { leaving = i; theta = min(theta, ratio) }
                }
            }
            if leaving < 0 {
                if shift != nil { shift = nil; _ = refactor() }
                return .unbounded
            }
            // Update x_B.
            for i in 0..<m where i != leaving {
                xB[i] -= theta * w[i]
                if abs(xB[i]) < 1e-13 { xB[i] = 0 }
            }
            xB[leaving] = theta
            if theta <= 1e-12 {
                degenerateStreak += 1
                if allowPerturbation && !perturbed && degenerateStreak >= options.perturbationStreak {
                    perturbed = true
                    degenerateStreak = 0
                    try pivot(entering: entering, leavingRow: leaving, direction: w)
                    perturb()
                    continue
                }
                if degenerateStreak >= options.degenerateStreakLimit { bland = true }
            } else {
                degenerateStreak = 0
                bland = false
            }
            try pivot(entering: entering, leavingRow: leaving, direction: w)
        }
    }

    mutating func pivot(entering: Int, leavingRow r: Int, direction w: [Double]) throws(LinearProgramError) {
        position[basis[r]] = -1
        basis[r] = entering
        position[entering] = r
        iterations += 1
        if etaRows.count + 1 >= options.refactorInterval {
            guard refactor() else { throw .numericalFailure }
            return
        }
        let wr = w[r]
        etaRows.append(r)
        for i in 0..<m { etas.append(i == r ? 1 / wr : -w[i] / wr) }
    }

    /// After phase 1, pivots basic artificials (at zero) out of the basis where possible.
    mutating func driveOutArtificials(_ artificial: Range<Int>) throws(LinearProgramError) {
        var w = [Double](repeating: 0, count: m)
        for r in 0..<m where artificial.contains(basis[r]) {
            var rho = [Double](repeating: 0, count: m)
            rho[r] = 1
            btran(&rho)
            var bestJ = -1
            var bestAbs = 1e-9
            for j in 0..<ncol where position[j] < 0 && !artificial.contains(j) {
                let alpha = abs(column(j, dot: rho))
                if alpha > bestAbs { bestAbs = alpha; bestJ = j }
            }
            if bestJ < 0 { continue }  // redundant row: the artificial stays basic at zero
            for i in 0..<m { w[i] = a[i + bestJ * m] }
            ftran(&w)
            let theta = xB[r] / w[r]
            for i in 0..<m where i != r { xB[i] -= theta * w[i] }
            xB[r] = theta
            try pivot(entering: bestJ, leavingRow: r, direction: w)
        }
    }
}
