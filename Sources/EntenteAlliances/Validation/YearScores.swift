/// The scores of one year for every predictor of an ``AllianceValidationReport`` (arrays in the order of
/// ``AllianceValidationReport/predictors``).
public struct YearScores: Sendable, Equatable {
    /// The year and whether it lies in the fitting window.
    public let year: Int, inFitWindow: Bool
    /// Pairs of great powers and allied pairs that year.
    public let dyads: Int, alliances: Int
    /// Per predictor: mean clipped log loss, Brier score and adjusted Rand index of the alliance structure.
    public let logLoss: [Double], brier: [Double], ari: [Double]

    /// Memberwise initialiser. O(1).
    public init(
        year: Int, inFitWindow: Bool, dyads: Int, alliances: Int, logLoss: [Double], brier: [Double], ari: [Double]
    ) {
        self.year = year; self.inFitWindow = inFitWindow; self.dyads = dyads; self.alliances = alliances
        self.logLoss = logLoss; self.brier = brier; self.ari = ari
    }
}
