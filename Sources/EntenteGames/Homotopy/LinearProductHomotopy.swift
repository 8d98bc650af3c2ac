import Foundation

/// Solves a ``SupportSystem`` completely by polynomial homotopy continuation from a linear-product start system
/// (Morgan & Sommese 1987; Sommese & Wampler 2005, ch. 8; as PHCpack, Bertini and HomotopyContinuation.jl do).
///
/// Each indifference equation `F_e` (multilinear in the other active players' unknowns) is paired with a start
/// equation `G_e = Π_{j} (b_{e,j} · z_j)`, a product of random complex linear forms, one per group of `F_e`, so
/// `G` has the same multihomogeneous structure. `H(z, t) = (1 − t) F(z) + γ t G(z)` with a random unit complex `γ`
/// (the γ-trick: for all but finitely many γ every path is smooth for t ∈ (0, 1], and every isolated solution of F
/// is the end of a path). The number of paths is the multihomogeneous Bézout number: the number of ways to assign
/// each equation to one of its groups so that group j receives k_j − 1 equations (McKelvey & McLennan 1997 count the
/// totally mixed equilibria of generic games this way).
///
/// Paths are tracked in t from 1 to 0.1 by an adaptive fourth-order Runge–Kutta predictor and a Newton corrector
/// (LAPACK `zgetrf`/`zgetrs`; a corrector that moves the prediction by more than 5 % is refused, against path
/// jumping), then straight on to t = 0; an endpoint where the Jacobian of F (with patches) is well conditioned is
/// regular. Otherwise the Cauchy endgame (Morgan, Sommese & Wampler 1992) loops around circles |t| = r from r = 0.1
/// down to 1e-10 (16 chords per loop, up to 8 loops; a loop that does not close means another branch point lies
/// inside, and the radius shrinks), averaging the path over its winding number to estimate the endpoint at t = 0;
/// this is right for singular endpoints too (multiple roots, positive-dimensional solution sets).
/// - Complexity: O(paths · steps · (evaluation + N³)), N = Σ k_j.
/// - Tolerance: corrector convergence ‖Δz‖ ≤ 1e-11 (1 + ‖z‖); Cauchy estimates are accepted when Newton moves them
///   by ≤ 1e-9 (1 + ‖z‖) or two successive radii agree within 1e-8 (1 + ‖z‖); singular means reciprocal condition
///   < 1e-10; an endpoint is at infinity when |Σ z_j| ≤ 1e-7 max |z_j| for some group.
struct LinearProductHomotopy {
    /// How one path ended.
    enum Outcome: Sendable {
        /// A finite endpoint (normalisable in every group); `singular` when the Jacobian of F is (numerically)
        /// rank-deficient there.
        case finite(point: [Complex], singular: Bool)
        /// The endpoint lies at infinity of the affine normalisation of some group (Σ z_j = 0).
        case infinite
        /// Tracking or the endgame failed (step size underflow, step budget, no convergence).
        case failed
    }

    let system: SupportSystem
    let gamma: Complex
    /// Patch vectors per group.
    let patches: [[Complex]]
    /// Start linear forms: `startForms[e][q]` for factor q of equation e.
    let startForms: [[[Complex]]]
    let n: Int
    let eqCount: Int
    // Workspaces.
    var jac: [Complex]
    var rhs: [Complex]
    var lu = ComplexLUWorkspace()
    var scratch: [Complex]
    var index: [Int]
    var linear: [Complex]
    /// Step budget per path segment.
    var maxSteps = 4000
    /// Multiplies every step-size cap (below 1 to retrack a path that jumped).
    var stepScale = 1.0

    /// A homotopy with random γ, patches and start forms drawn from `generator`.
    init<G: RandomNumberGenerator>(system: SupportSystem, using generator: inout G) {
        self.system = system
        n = system.variableCount
        eqCount = system.equations.count
        func random(_ g: inout G) -> Complex { Complex.unit(angle: Double.random(in: 0..<(2 * Double.pi), using: &g)) }
        gamma = random(&generator)
        patches = system.groupSize.map { k in (0..<k).map { _ in random(&generator) } }
        startForms = system.equations.map { eq in
            eq.others.map { g in (0..<system.groupSize[g]).map { _ in random(&generator) } }
        }
        jac = [Complex](repeating: .zero, count: max(1, n * n))
        rhs = [Complex](repeating: .zero, count: max(1, n))
        scratch = [Complex](repeating: .zero, count: system.active.count + 1)
        index = [Int](repeating: 0, count: system.active.count)
        linear = [Complex](repeating: .zero, count: system.active.count)
    }

    // MARK: start system

    /// The number of start solutions (multihomogeneous Bézout number) without building them; `limit` caps the count.
    /// O(paths · equations).
    func startSolutionCount(limit: Int) -> Int {
        var count = 0
        var remaining = system.groupSize.map { $0 - 1 }
        func assign(_ e: Int) {
            if count >= limit { return }
            if e == eqCount { count += 1; return }
            for g in system.equations[e].others where remaining[g] > 0 {
                remaining[g] -= 1
                assign(e + 1)
                remaining[g] += 1
            }
        }
        assign(0)
        return count
    }

    /// All start solutions: one per assignment of equations to groups; each group's linear system is solved by LU.
    mutating func startSolutions() -> [[Complex]] {
        var result: [[Complex]] = []
        var remaining = system.groupSize.map { $0 - 1 }
        var chosen = [Int](repeating: 0, count: eqCount)  // factor position q of equation e
        var ws = ComplexLUWorkspace(pivotTolerance: 1e-13)
        let sys = system, forms = startForms, pats = patches
        func build() {
            var z = [Complex](repeating: .zero, count: sys.variableCount)
            for g in 0..<sys.active.count {
                let k = sys.groupSize[g]
                var a = [Complex](repeating: .zero, count: k * k)
                var b = [Complex](repeating: .zero, count: k)
                var row = 0
                for e in 0..<sys.equations.count where sys.equations[e].others[chosen[e]] == g {
                    for t in 0..<k { a[row + t * k] = forms[e][chosen[e]][t] }
                    row += 1
                }
                for t in 0..<k { a[row + t * k] = pats[g][t] }
                b[row] = .one
                guard ws.solve(a, order: k, rhs: &b) else { return }
                for t in 0..<k { z[sys.groupOffset[g] + t] = b[t] }
            }
            result.append(z)
        }
        func assign(_ e: Int) {
            if e == sys.equations.count { build(); return }
            for (q, g) in sys.equations[e].others.enumerated() where remaining[g] > 0 {
                remaining[g] -= 1
                chosen[e] = q
                assign(e + 1)
                remaining[g] += 1
            }
        }
        assign(0)
        return result
    }

    // MARK: evaluation

    /// Fills `jac` with ∂H/∂z and `rhs` with H (when `wantValue`) or ∂H/∂t, at (z, t).
    mutating func evaluate(_ z: [Complex], _ t: Complex, derivative: Bool) {
        for k in 0..<(n * n) { jac[k] = .zero }
        let oneMinusT = Complex.one - t
        let gt = gamma * t
        for e in 0..<eqCount {
            var f = Complex.zero
            let fe = system.accumulate(
                e, at: z, weight: oneMinusT, value: &f, jacobian: &jac, row: e, ld: n, scratch: &scratch, index: &index)
            // Start equation: product of linear forms.
            let eq = system.equations[e]
            let m = eq.others.count
            var g = Complex.one
            for q in 0..<m {
                let off = system.groupOffset[eq.others[q]]
                var l = Complex.zero
                for (tIdx, b) in startForms[e][q].enumerated() { l += b * z[off + tIdx] }
                linear[q] = l
                g *= l
            }
            for q in 0..<m {
                var others = gt
                for q2 in 0..<m where q2 != q { others *= linear[q2] }
                let off = system.groupOffset[eq.others[q]]
                for (tIdx, b) in startForms[e][q].enumerated() { jac[e + (off + tIdx) * n] += b * others }
            }
            // ∂H/∂t = −F + γ G.
            if derivative {
                rhs[e] = gamma * g - fe
            } else {
                rhs[e] = f + gt * g
            }
        }
        for (gIdx, a) in patches.enumerated() {
            let off = system.groupOffset[gIdx], row = eqCount + gIdx
            var p = Complex(-1)
            for (tIdx, c) in a.enumerated() { jac[row + (off + tIdx) * n] = c; p += c * z[off + tIdx] }
            rhs[row] = derivative ? .zero : p
        }
    }

    /// dz/dt at (z, t), or nil when ∂H/∂z is singular.
    mutating func velocity(_ z: [Complex], _ t: Complex) -> [Complex]? {
        evaluate(z, t, derivative: true)
        var v = rhs
        guard lu.solve(jac, order: n, rhs: &v) else { return nil }
        for k in 0..<n { v[k] = -v[k] }
        return v
    }

    static func norm(_ v: [Complex]) -> Double { v.reduce(0) { max($0, abs($1.re), abs($1.im)) } }

    /// Newton's method on H(·, t) from `z`; nil unless it contracts and converges within `iterations`.
    mutating func correct(_ z0: [Complex], _ t: Complex, iterations: Int = 3, tolerance: Double = 1e-11) -> [Complex]? {
        var z = z0
        var previous = Double.infinity
        for _ in 0..<iterations {
            evaluate(z, t, derivative: false)
            var d = rhs
            guard lu.solve(jac, order: n, rhs: &d) else { return nil }
            let size = Self.norm(d)
            for k in 0..<n { z[k] -= d[k] }
            let scale = 1 + Self.norm(z)
            if size <= tolerance * scale { return z }
            if size > 0.5 * previous || !size.isFinite { return nil }
            previous = size
        }
        return nil
    }

    /// Tracks `z` along the straight segment from `ta` to `tb` (complex t); false on failure.
    mutating func track(
        _ z: inout [Complex], from ta: Complex, to tb: Complex, initialStep: Double = 0.05, maxStep: Double = 0.1
    ) -> Bool {
        let dt = tb - ta
        var s = 0.0, h = initialStep * stepScale
        let maxStep = maxStep * stepScale
        var streak = 0, steps = 0
        while s < 1 {
            steps += 1
            if Double(steps) > Double(maxSteps) / stepScale { return false }
            h = min(h, 1 - s)
            let t0 = ta + s * dt
            var ok = false
            if let k1 = velocity(z, t0) {
                let half = ta + (s + h / 2) * dt, full = ta + (s + h) * dt
                let z2 = zip(z, k1).map { $0 + (0.5 * h) * ($1 * dt) }
                if let k2 = velocity(z2, half) {
                    let z3 = zip(z, k2).map { $0 + (0.5 * h) * ($1 * dt) }
                    if let k3 = velocity(z3, half) {
                        let z4 = zip(z, k3).map { $0 + h * ($1 * dt) }
                        if let k4 = velocity(z4, full) {
                            var zp = z
                            for k in 0..<n { zp[k] += (h / 6) * ((k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]) * dt) }
                            if let zc = correct(zp, full),
                                Self.norm(zip(zc, zp).map { $0 - $1 }) <= 0.05 * (1 + Self.norm(zp))
                            {
                                z = zc
                                s += h
                                ok = true
                            }
                        }
                    }
                }
            }
            if ok {
                streak += 1
                if streak >= 3 { h = min(2 * h, maxStep); streak = 0 }
            } else {
                streak = 0
                h /= 2
                if h < 1e-13 { return false }
            }
            if Self.norm(z) > 1e14 { return false }
        }
        return true
    }

    /// Tracks one start solution to t = 0 and classifies the endpoint.
    mutating func solve(start: [Complex]) -> Outcome {
        var z = start
        guard track(&z, from: .one, to: Complex(0.1)) else { return .failed }
        // Regular endpoints: track straight on to t = 0 and check the Jacobian there.
        var straight = z
        if track(&straight, from: Complex(0.1), to: .zero),
            let refined = correct(straight, .zero, iterations: 4, tolerance: 1e-13),
            !isSingular(refined)
        {
            return classify(refined, singular: false)
        }
        // Cauchy endgame on shrinking circles.
        var radius = 0.1
        var previous: [Complex]? = nil
        let points = 16
        while radius >= 1e-10 {
            var estimate = [Complex](repeating: .zero, count: n)
            var w = z
            var loops = 0
            var closed = false
            var samples = 0
            while loops < 8 && !closed {
                loops += 1
                for k in 0..<points {
                    for i in 0..<n { estimate[i] += w[i] }
                    samples += 1
                    let a = Complex(radius) * Complex.unit(angle: 2 * Double.pi * Double(k) / Double(points))
                    let b = Complex(radius) * Complex.unit(angle: 2 * Double.pi * Double(k + 1) / Double(points))
                    guard track(&w, from: a, to: b, initialStep: 0.25, maxStep: 1) else { return .failed }
                }
                closed = Self.norm(zip(w, z).map { $0 - $1 }) <= 1e-8 * (1 + Self.norm(z))
            }
            if !closed {
                // Another branch point inside the circle: the operating zone is smaller. Shrink.
                previous = nil
                let next = radius / 4
                guard track(&z, from: Complex(radius), to: Complex(next)) else { return .failed }
                radius = next
                continue
            }
            for i in 0..<n { estimate[i] = (1 / Double(samples)) * estimate[i] }
            // A regular endpoint: Newton on F converges from the estimate.
            let scale = 1 + Self.norm(estimate)
            // Accept only estimates Newton barely moves (a loose estimate can converge to another path's root).
            if loops == 1, let refined = correct(estimate, .zero, iterations: 6, tolerance: 1e-13),
                Self.norm(zip(refined, estimate).map { $0 - $1 }) <= 1e-9 * scale
            {
                return classify(refined, singular: isSingular(refined))
            }
            if let p = previous, Self.norm(zip(p, estimate).map { $0 - $1 }) <= 1e-8 * scale {
                if let refined = correct(estimate, .zero, iterations: 6, tolerance: 1e-13),
                    Self.norm(zip(refined, estimate).map { $0 - $1 }) <= 1e-7 * scale, !isSingular(refined)
                {
                    return classify(refined, singular: false)
                }
                return classify(estimate, singular: true)
            }
            previous = estimate
            let next = radius / 4
            guard track(&z, from: Complex(radius), to: Complex(next)) else { return .failed }
            radius = next
        }
        return .failed
    }

    /// Jacobian of F (with patches) at z has reciprocal condition below 1e-10.
    mutating func isSingular(_ z: [Complex]) -> Bool {
        evaluate(z, .zero, derivative: false)
        return lu.reciprocalCondition(jac, order: n) < 1e-10
    }

    func classify(_ z: [Complex], singular: Bool) -> Outcome {
        for g in 0..<system.active.count {
            let off = system.groupOffset[g], k = system.groupSize[g]
            var sum = Complex.zero
            var size = 0.0
            for t in 0..<k { sum += z[off + t]; size = max(size, z[off + t].magnitude) }
            if sum.magnitude <= 1e-7 * size || size == 0 { return .infinite }
        }
        return .finite(point: z, singular: singular)
    }

    /// The normalised complex probabilities σ_j = z_j / Σ z_j of each group, stacked like z.
    func normalised(_ z: [Complex]) -> [Complex] {
        var out = z
        for g in 0..<system.active.count {
            let off = system.groupOffset[g], k = system.groupSize[g]
            var sum = Complex.zero
            for t in 0..<k { sum += z[off + t] }
            for t in 0..<k { out[off + t] = z[off + t] / sum }
        }
        return out
    }
}
