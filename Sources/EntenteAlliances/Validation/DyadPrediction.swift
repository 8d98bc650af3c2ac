/// A probabilistic prediction for one unordered pair of great powers in one year.
///
/// `pAlliance`: probability that the pair has a defense or offense commitment that year (ATOP coding).
/// `pSameSide`: probability that the two would fight on the same side if a general war among the great powers
/// broke out that year. Both in [0, 1].
public struct DyadPrediction: Sendable, Equatable, Hashable {
    /// The year.
    public let year: Int
    /// COW codes, `ccode1 < ccode2`.
    public let ccode1: Int, ccode2: Int
    /// Probability of an alliance (defense or offense) and of fighting on the same side.
    public var pAlliance: Double, pSameSide: Double

    /// A prediction; the codes may come in either order. O(1).
    public init(year: Int, ccode1: Int, ccode2: Int, pAlliance: Double, pSameSide: Double) {
        self.year = year
        self.ccode1 = min(ccode1, ccode2); self.ccode2 = max(ccode1, ccode2)
        self.pAlliance = pAlliance; self.pSameSide = pSameSide
    }
}
