/// Fence-sitting before a closing window: ally now, opt out, or wait for information (the option value of waiting,
/// Dixit & Pindyck 1994).
///
/// A state is unsure whether a rising power is revisionist (probability p). It can ALLY now (payoff pB − C), opt
/// OUT (payoff O), or WAIT: next period the type is revealed — unless the window closes first (probability λ),
/// which forces opting out.
public struct FenceSitting: Sendable {
    /// The three options.
    public enum Choice: String, Sendable { case ally, out, wait }

    /// Benefit B of allying against a revisionist, alliance cost C, opt-out value O, discount δ.
    public var benefit = 1.0, allianceCost = 0.6, optOut = 0.2, discount = 0.95

    /// The problem with the default parameters (B = 1, C = 0.6, O = 0.2, δ = 0.95); throws for δ ∉ (0, 1).
    public init(benefit: Double = 1, allianceCost: Double = 0.6, optOut: Double = 0.2, discount: Double = 0.95)
        throws(DynamicsError)
    {
        guard discount > 0, discount <= AllianceFormationGame.Parameters.maxDelta else {
            throw .invalidParameter(name: "delta (must be in (0, 1 − 1e-9])")
        }
        let big = AllianceFormationGame.Parameters.magnitudeLimit
        guard allianceCost >= 0, allianceCost <= big, benefit.isFinite, abs(benefit) <= big, optOut.isFinite,
            abs(optOut) <= big
        else {
            throw .invalidParameter(name: "benefit, cost, opt-out value (must be in [-1e12, 1e12], cost ≥ 0)")
        }
        self.benefit = benefit; self.allianceCost = allianceCost; self.optOut = optOut; self.discount = discount
    }

    /// The one-shot comparison: ally = pB − C, out = O, wait = δ[λO + (1−λ)(p·max(B−C, O) + (1−p)O)].
    public func oneShot(prior p: Double, hazard lambda: Double) throws(DynamicsError) -> (
        ally: Double, out: Double, wait: Double, choice: Choice
    ) {
        guard p >= 0, p <= 1 else { throw .invalidParameter(name: "prior (must be in [0, 1])") }
        guard lambda >= 0, lambda <= 1 else { throw .invalidParameter(name: "lambda (must be in [0, 1])") }
        let ally = p * benefit - allianceCost
        let wait =
            discount * (lambda * optOut + (1 - lambda) * (p * max(benefit - allianceCost, optOut) + (1 - p) * optOut))
        let best = max(ally, optOut, wait)
        let choice: Choice = best == ally ? .ally : (best == optOut ? .out : .wait)
        return (ally, optOut, wait, choice)
    }

    /// The infinite-horizon problem with noisy signals of accuracy `accuracy`: value iteration on the belief grid
    /// p = 0, 1/(k), …, 1 with linear interpolation, from V₀ = max(ally, out), until the sup-change < `tolerance`.
    /// Returns the values and the choice per grid point (ALLY if V equals the ally value, else OUT if V = O, else WAIT).
    /// - Complexity: O(iterations · grid).
    public func infiniteHorizon(
        hazard lambda: Double, accuracy: Double = 0.8, gridSize k: Int = 100,
        tolerance: Double = 1e-13, maxIterations: Int = 100_000
    ) throws(DynamicsError) -> (beliefs: [Double], values: [Double], choices: [Choice]) {
        guard lambda >= 0, lambda <= 1 else { throw .invalidParameter(name: "lambda (must be in [0, 1])") }
        guard accuracy > 0.5, accuracy <= 1 else { throw .invalidParameter(name: "accuracy (must be in (0.5, 1])") }
        guard k >= 2, k <= 1_000_000 else { throw .invalidParameter(name: "grid size (must be in 2…1000000)") }
        guard maxIterations >= 1 else { throw .invalidParameter(name: "maxIterations (must be ≥ 1)") }
        guard tolerance.isFinite, tolerance > 0 else {
            throw .invalidParameter(name: "tolerance (must be finite and > 0)")
        }
        let grid = (0...k).map { Double($0) / Double(k) }
        let allyValue = grid.map { $0 * benefit - allianceCost }
        var v = grid.indices.map { max(allyValue[$0], optOut) }
        func interpolate(_ p: Double, _ values: [Double]) -> Double {
            let x = min(max(p, 0), 1) * Double(k)
            let i = min(Int(x), k - 1)
            let t = x - Double(i)
            return values[i] * (1 - t) + values[i + 1] * t
        }
        var waitValue = [Double](repeating: 0, count: grid.count)
        for _ in 0..<maxIterations {
            var next = v
            var change = 0.0
            for (g, p) in grid.enumerated() {
                let s1 = p * accuracy + (1 - p) * (1 - accuracy)
                let p1 = s1 > 0 ? p * accuracy / s1 : p
                let s0 = 1 - s1
                let p0 = s0 > 0 ? p * (1 - accuracy) / s0 : p
                waitValue[g] =
                    discount * ((1 - lambda) * (s1 * interpolate(p1, v) + s0 * interpolate(p0, v)) + lambda * optOut)
                next[g] = max(allyValue[g], optOut, waitValue[g])
                change = max(change, abs(next[g] - v[g]))
            }
            v = next
            if change < tolerance { break }
        }
        let choices: [Choice] = grid.indices.map { g in
            if v[g] == allyValue[g] { return .ally }
            if v[g] == optOut { return .out }
            return .wait
        }
        return (grid, v, choices)
    }
}
