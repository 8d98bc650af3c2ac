/// How well `pSameSide` predicted the line-ups of great-power wars: over every pair of great powers that fought in
/// a war (both great powers in its start year), scored against the prediction of the war's start year.
public struct WarSideScores: Sendable, Equatable {
    /// Number of scored pairs.
    public let pairs: Int
    /// Share of pairs with (pSameSide ≥ 0.5) == fought on the same side.
    public let accuracy: Double
    /// Brier score and clipped log loss (``ProbabilityMetrics``) of pSameSide.
    public let brier: Double, logLoss: Double

    /// Memberwise initialiser. O(1).
    public init(pairs: Int, accuracy: Double, brier: Double, logLoss: Double) {
        self.pairs = pairs; self.accuracy = accuracy; self.brier = brier; self.logLoss = logLoss
    }
}
