/// Mixing between moving and waiting with the pivotal mover indifferent (Konishi & Ray 2003, whose equilibrium lets a
/// move be made when it is only weakly profitable and rules out waiting only by a strictly profitable move): the
/// probability q ∈ (0, 1) of the move at which the smallest gain of its movers, g(q), vanishes — given a sign change,
/// g(0) > τ (when the state always waits, the move is strictly profitable, so waiting is excluded) and g(1) < −τ
/// (when it always moves, one mover loses). Found by the Illinois variant of regula falsi (Dowell & Jarratt 1971:
/// bracketing, superlinear), to |g(q)| ≤ 10⁻¹², in at most ``maxEvaluations`` evaluations of g — each one a policy
/// evaluation of the process with the state mixing at q, so g is continuous in q. Shared by the dynamic games; the
/// private-type game uses it for its move-or-wait phase.
enum IndifferenceMixing {
    /// Steps of a move-or-wait phase (each re-solves every mixing state's q) before giving up.
    static let maxSteps = 20
    /// Largest number of states of a block that mix between moving and waiting at once.
    static let maxStates = 8
    /// Largest number of evaluations of g per root (two of them for the end points).
    static let maxEvaluations = 60
    /// |g(q)| accepted at the root: far inside the equilibrium check's tolerance (10⁻¹⁰), so the indifference survives
    /// the gate's evaluation of the whole process.
    static let gainTolerance = 1e-12

    /// The root q of `gap` in (0, 1), or nil without a sign change (g(0) > `tolerance`, g(1) < −`tolerance`) or
    /// without a root within ``gainTolerance`` in ``maxEvaluations`` evaluations.
    static func probability(tolerance: Double, gap: (Double) throws(DynamicsError) -> Double) throws(DynamicsError)
        -> Double?
    {
        var (lo, fLo) = (0.0, try gap(0))
        var (hi, fHi) = (1.0, try gap(1))
        guard fLo > tolerance, fHi < -tolerance else { return nil }
        var side = 0  // which end point moved last: 1 the lower, −1 the upper
        for _ in 2..<maxEvaluations {
            let q = (lo * fHi - hi * fLo) / (fHi - fLo)
            guard q > 0, q < 1, q.isFinite else { return nil }
            let f = try gap(q)
            if abs(f) <= gainTolerance { return q }
            if f > 0 {
                (lo, fLo) = (q, f)
                if side == 1 { fHi /= 2 }
                side = 1
            } else {
                (hi, fHi) = (q, f)
                if side == -1 { fLo /= 2 }
                side = -1
            }
            if hi - lo < 1e-15 { return nil }
        }
        return nil
    }
}
