/// One scored war pair: two great powers that fought in a war, whether on the same side, and each predictor's
/// pSameSide for the war's start year (in the order of ``AllianceValidationReport/predictors``).
public struct WarPairOutcome: Sendable, Equatable {
    /// COW war number and start year.
    public let warnum: Int, year: Int
    /// COW codes, `ccode1 < ccode2`.
    public let ccode1: Int, ccode2: Int
    /// They fought on the same side.
    public let sameSide: Bool
    /// Per predictor: the probability of the same side.
    public let pSameSide: [Double]

    /// Memberwise initialiser. O(1).
    public init(warnum: Int, year: Int, ccode1: Int, ccode2: Int, sameSide: Bool, pSameSide: [Double]) {
        self.warnum = warnum; self.year = year; self.ccode1 = ccode1; self.ccode2 = ccode2
        self.sameSide = sameSide; self.pSameSide = pSameSide
    }
}
