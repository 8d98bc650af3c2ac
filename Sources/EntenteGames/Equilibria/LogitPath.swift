import Foundation

/// One Nash equilibrium of an n-player game by tracing the principal branch of the logit quantal-response
/// correspondence (McKelvey & Palfrey 1995; Turocy 2005, as Gambit's `gambit-logit`) from λ = 0 (uniform
/// play) towards λ → ∞, then polishing the limit with Newton's method on its support.
///
/// The path `H(β, λ) = 0` in log-probabilities β is followed by pseudo-arclength predictor–corrector
/// continuation, so it passes turning points in λ. Every Jacobian solve is an LAPACK LU. Payoffs are
/// rescaled to range 1, so λ is in units of the payoff range.
/// - Complexity: per step O(profiles · n³) to build the Jacobian plus O(N³) for the solve, N = Σ sᵢ.
/// - Tolerance: the polished profile must have regret ≤ `tolerance × max(1, payoff range)`; otherwise
///   tracing continues to larger λ, and `.noConvergence` is thrown if `maxLambda` is reached.
public enum LogitPath {
    /// Settings of the tracer.
    public struct Options: Sendable {
        /// Stop tracing (and fail if no polish succeeded) at this λ (in payoff-range units).
        public var maxLambda: Double = 1e7
        /// Maximum number of accepted predictor–corrector steps.
        public var maxSteps: Int = 20_000
        /// Initial and maximum arclength step.
        public var initialStep: Double = 0.05
        public var maxStep: Double = 1e4
        /// Default settings.
        public init() {}
    }

    /// One verified equilibrium at the end of the principal logit branch, as a result with method
    /// ``NashResult/Method/logit``, one equilibrium and `complete = false`.
    ///
    /// Throws ``EquilibriumError/invalidLimit(value:minimum:)`` for `maxSteps < 1`,
    /// ``EquilibriumError/invalidPathOption(value:)`` for a `maxLambda`, `initialStep` or `maxStep` that is not finite
    /// and positive, and ``EquilibriumError/noConvergence(steps:)`` if no verified equilibrium is found.
    public static func solve(
        _ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance,
        options: Options = Options()
    ) throws(EquilibriumError) -> NashResult {
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard options.maxSteps >= 1 else { throw .invalidLimit(value: options.maxSteps, minimum: 1) }
        for v in [options.maxLambda, options.initialStep, options.maxStep] where !(v.isFinite && v > 0) {
            throw .invalidPathOption(value: v)
        }
        let tolAbs = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        let e = try trace(game, tolerance: tolAbs, options: options)
        return NashResult(method: .logit, complete: false, equilibria: [e], tolerance: tolAbs)
    }

    /// The tracer behind ``solve(_:tolerance:options:)``: `tolAbs` is the absolute regret tolerance.
    static func trace(_ game: NormalFormGame, tolerance tolAbs: Double, options: Options) throws(EquilibriumError)
        -> NashEquilibrium
    {
        // First an exact power-of-two scaling into (−1, 1) (so the range below cannot overflow), then range 1.
        let unit = game.scaledForSolving()
        let scale = 1 / unit.payoffRange
        let scaled: NormalFormGame
        do {
            scaled = try NormalFormGame(
                title: game.title, players: game.players, strategies: game.strategies,
                payoffs: unit.payoffs.map { $0.map { $0 * scale } })
        } catch { throw .invalidGame(error) }
        var tracer = LogitTracer(scaled)
        let n = tracer.n
        var u = [Double](repeating: 0, count: n + 1)
        for i in 0..<game.playerCount {
            let c = game.strategyCounts[i]
            for s in 0..<c { u[tracer.sx.offsets[i] + s] = -log(Double(c)) }
        }
        guard var t = tracer.tangent(at: u, previous: nil) else { throw .noConvergence(steps: 0) }
        var h = options.initialStep
        var nextPolish = 10.0
        var steps = 0
        while steps < options.maxSteps {
            let lambda = u[n]
            if lambda >= nextPolish {
                nextPolish *= 4
                if let e = polish(game, solving: scaled, sigma: tracer.sigma(u), tolerance: tolAbs) { return e }
            }
            if lambda > options.maxLambda { break }
            // Predictor–corrector step with halving on failure.
            var accepted = false
            while !accepted {
                let predicted = zip(u, t).map { $0 + h * $1 }
                if let corrected = tracer.correct(predicted, tangent: t) {
                    if let tn = tracer.tangent(at: corrected.point, previous: t) {
                        // Guard against jumping branches: the tangent must not turn sharply.
                        let cosine = zip(t, tn).reduce(0) { $0 + $1.0 * $1.1 }
                        if cosine > 0.9 || h < 1e-8 {
                            u = corrected.point
                            t = tn
                            accepted = true
                            if corrected.iterations <= 3 { h = min(h * 1.5, options.maxStep) }
                            break
                        }
                    }
                }
                h /= 2
                if h < 1e-12 { throw .noConvergence(steps: steps) }
            }
            steps += 1
        }
        if let e = polish(game, solving: scaled, sigma: tracer.sigma(u), tolerance: tolAbs) { return e }
        throw .noConvergence(steps: steps)
    }

    /// Newton's method on the support of `sigma` for the equalities `v_i(s) = w_i (s ∈ S_i)`, `Σ σ_i = 1`;
    /// returns the verified equilibrium or nil.
    static func polish(_ game: NormalFormGame, solving: NormalFormGame? = nil, sigma start: [Double], tolerance: Double)
        -> NashEquilibrium?
    {
        var sx = StrategyInteractions(solving ?? game)
        let np = game.playerCount
        thresholds: for threshold in [1e-3, 1e-5, 1e-8] {
            var sigma = start
            var support: [Int] = []
            for i in 0..<np {
                let range = sx.offsets[i]..<(sx.offsets[i] + game.strategyCounts[i])
                let best = range.max { sigma[$0] < sigma[$1] }!
                for k in range where sigma[k] > threshold || k == best { support.append(k) }
                for k in range where !support.contains(k) { sigma[k] = 0 }
                let total = range.reduce(0) { $0 + sigma[$1] }
                for k in range { sigma[k] /= total }
            }
            let m = support.count + np
            var w = [Double](repeating: 0, count: np)
            sx.evaluate(sigma)
            var v = sx.values(sigma)
            for i in 0..<np {
                let range = sx.offsets[i]..<(sx.offsets[i] + game.strategyCounts[i])
                w[i] = range.reduce(0) { $0 + sigma[$1] * v[$1] }
            }
            var converged = false
            for _ in 0..<50 {
                sx.evaluate(sigma)
                v = sx.values(sigma)
                var jac = [Double](repeating: 0, count: m * m)
                var f = [Double](repeating: 0, count: m)
                let playerOf = { (k: Int) -> Int in (0..<np).last { sx.offsets[$0] <= k }! }
                for (r, k) in support.enumerated() {
                    let i = playerOf(k)
                    f[r] = v[k] - w[i]
                    for (c, l) in support.enumerated() where playerOf(l) != i {
                        jac[r + c * m] = sx.d[k + l * sx.total]
                    }
                    jac[r + (support.count + i) * m] = -1
                }
                for i in 0..<np {
                    let r = support.count + i
                    f[r] = -1
                    for (c, l) in support.enumerated() where playerOf(l) == i { jac[r + c * m] = 1; f[r] += sigma[l] }
                }
                if Vector.normInf(f) < 1e-14 { converged = true; break }
                guard let lu = try? LUFactorization(Matrix(rows: m, columns: m, columnMajor: jac)),
                    let delta = try? lu.solve(f)
                else { break }
                for (c, l) in support.enumerated() { sigma[l] -= delta[c] }
                for i in 0..<np { w[i] -= delta[support.count + i] }
            }
            _ = converged
            if sigma.contains(where: { $0 < -1e-12 }) { continue }
            var probs: [[Double]] = []
            for i in 0..<np {
                let range = sx.offsets[i]..<(sx.offsets[i] + game.strategyCounts[i])
                let p = range.map { max(0, sigma[$0]) }
                let s = p.reduce(0, +)
                guard s > 0, s.isFinite else { continue thresholds }  // a broken Newton step: nothing to verify
                probs.append(p.map { $0 / s })
            }
            if let e = try? EquilibriumVerifier.verify(MixedProfile(unchecked: probs), in: game, tolerance: tolerance) {
                return e
            }
        }
        return nil
    }
}

/// The homotopy `H(β, λ)` of the logit correspondence and its Jacobian.
struct LogitTracer {
    let game: NormalFormGame
    var sx: StrategyInteractions
    /// Number of β unknowns (Σ sᵢ); λ is unknown `n`.
    let n: Int

    init(_ game: NormalFormGame) {
        self.game = game
        sx = StrategyInteractions(game)
        n = sx.total
    }

    func sigma(_ u: [Double]) -> [Double] { (0..<n).map { exp(u[$0]) } }

    /// H (length n) and its Jacobian (n × (n+1), column-major) at u.
    mutating func evaluate(_ u: [Double]) -> (h: [Double], jac: [Double]) {
        let sigma = sigma(u)
        let lambda = u[n]
        sx.evaluate(sigma)
        let v = sx.values(sigma)
        var h = [Double](repeating: 0, count: n)
        var jac = [Double](repeating: 0, count: n * (n + 1))
        for i in 0..<game.playerCount {
            let o = sx.offsets[i], c = game.strategyCounts[i]
            // Row o: Σ_s σ_is − 1.
            h[o] = (0..<c).reduce(-1) { $0 + sigma[o + $1] }
            for s in 0..<c { jac[o + (o + s) * n] = sigma[o + s] }
            for s in 1..<max(1, c) {
                let r = o + s
                h[r] = u[o + s] - u[o] - lambda * (v[o + s] - v[o])
                jac[r + (o + s) * n] += 1
                jac[r + o * n] -= 1
                for j in 0..<game.playerCount where j != i {
                    let oj = sx.offsets[j]
                    for t in 0..<game.strategyCounts[j] {
                        let col = oj + t
                        let dv = sx.d[(o + s) + col * n] - sx.d[o + col * n]
                        jac[r + col * n] -= lambda * dv * sigma[col]
                    }
                }
                jac[r + n * n] = -(v[o + s] - v[o])
            }
        }
        return (h, jac)
    }

    /// Solves the bordered system `[J; tᵀ] x = [rhs; last]`.
    func bordered(_ jac: [Double], _ t: [Double], rhs: [Double], last: Double) -> [Double]? {
        let m = n + 1
        var a = [Double](repeating: 0, count: m * m)
        for col in 0..<m {
            for r in 0..<n { a[r + col * m] = jac[r + col * n] }
            a[n + col * m] = t[col]
        }
        guard let lu = try? LUFactorization(Matrix(rows: m, columns: m, columnMajor: a)),
            (try? lu.reciprocalCondition()) ?? 0 > 1e-14
        else { return nil }
        return try? lu.solve(rhs + [last])
    }

    /// Unit tangent at u, oriented along `previous` (or with increasing λ at the start).
    mutating func tangent(at u: [Double], previous: [Double]?) -> [Double]? {
        let (_, jac) = evaluate(u)
        var reference = previous ?? [Double](repeating: 0, count: n + 1)
        if previous == nil { reference[n] = 1 }
        guard let t = bordered(jac, reference, rhs: [Double](repeating: 0, count: n), last: 1) else { return nil }
        let norm = Vector.norm2(t)
        return t.map { $0 / norm }
    }

    /// Newton corrector on the hyperplane through `predicted` orthogonal to `tangent`.
    mutating func correct(_ predicted: [Double], tangent: [Double]) -> (point: [Double], iterations: Int)? {
        var u = predicted
        for it in 1...8 {
            let (h, jac) = evaluate(u)
            let plane = zip(tangent, zip(u, predicted)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
            guard let delta = bordered(jac, tangent, rhs: h, last: plane) else { return nil }
            for k in u.indices { u[k] -= delta[k] }
            if Vector.normInf(delta) < 1e-10 && Vector.normInf(h) < 1e-9 { return (u, it) }
            if !u.allSatisfy({ $0.isFinite }) { return nil }
        }
        return nil
    }
}
