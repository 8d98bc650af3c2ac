/// A cooperative game of either kind that ``CoalitionReport`` can solve: a transferable-utility game given by
/// its characteristic function, or a weighted majority (simple) game given by weights and a quota.
public enum CooperativeGame: Sendable {
    /// A TU game v: 2ᴺ → ℝ.
    case transferableUtility(CoalitionalGame)
    /// A weighted majority game [q; w₁, …, wₙ].
    case weightedMajority(WeightedMajorityGame)
}
