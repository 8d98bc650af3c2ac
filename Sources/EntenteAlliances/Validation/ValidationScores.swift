/// One predictor's scores on a set of years (all scored years, or those in / outside the fitting window).
public struct ValidationScores: Sendable, Equatable {
    /// Predictor name (the model's name, "base-rate", "logistic" or "nobody").
    public let predictor: String
    /// Number of years and of dyad-years scored, and how many of the dyad-years were allied (defense or offense).
    public let years: Int, dyadYears: Int, alliances: Int
    /// Mean clipped log loss and Brier score of pAlliance over the dyad-years.
    public let logLoss: Double, brier: Double
    /// AUC of pAlliance (nil if all dyad-years had the same outcome).
    public let auc: Double?
    /// Mean over the years of the adjusted Rand index of predicted (pAlliance ≥ 0.5) vs actual alliance components.
    public let meanARI: Double
    /// War side agreement over the wars that started in these years (nil if there were none).
    public let war: WarSideScores?
    /// For the model only: AUC of its raw (uncalibrated) pAlliance, which shows its ranking even when the
    /// calibration slope is 0 (AUC < 0.5: the raw score ranks allied pairs below unallied ones). nil for baselines.
    public let rawAUC: Double?

    /// Memberwise initialiser. O(1).
    public init(
        predictor: String, years: Int, dyadYears: Int, alliances: Int, logLoss: Double, brier: Double, auc: Double?,
        meanARI: Double, war: WarSideScores?, rawAUC: Double? = nil
    ) {
        self.predictor = predictor; self.years = years; self.dyadYears = dyadYears; self.alliances = alliances
        self.logLoss = logLoss; self.brier = brier; self.auc = auc; self.meanARI = meanARI; self.war = war;
        self.rawAUC = rawAUC
    }
}
