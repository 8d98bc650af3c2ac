/// The result of ``AllianceValidation/run(model:fitYears:scoreYears:history:)``: the model (calibrated) and the
/// three baselines scored on the same dyad-years, overall and in / outside the fitting window, with per-year rows,
/// war pairs and a reliability diagram.
public struct AllianceValidationReport: Sendable {
    /// The model's name.
    public let modelName: String
    /// The fitting years and the scored years.
    public let fitYears: ClosedRange<Int>, scoreYears: ClosedRange<Int>
    /// Predictor names: the model first, then "base-rate", "logistic", "nobody".
    public let predictors: [String]
    /// The calibration map fitted on the fitting years and applied to the model's raw pAlliance.
    public let calibration: MonotoneCalibration
    /// The fitted base-rate baseline.
    public let baseRate: BaseRateModel
    /// The fitted logistic baseline.
    public let logistic: LogisticBaselineModel
    /// Scores per predictor over all scored years, the scored years inside the fitting window, and outside it
    /// (empty when there are no such years).
    public let all: [ValidationScores], inWindow: [ValidationScores], outOfWindow: [ValidationScores]
    /// Per-year rows.
    public let years: [YearScores]
    /// Every scored war pair, and how many pairs were skipped (a participant not a great power in the start year).
    public let warPairs: [WarPairOutcome]
    /// War pairs not scored because a participant was not a great power in the war's start year.
    public let skippedWarPairs: Int
    /// The scored start years whose wars are known (``GreatPowerHistory/warYears`` ∩ scored years; nil if none):
    /// war side agreement covers only wars that started in these years.
    public let warYears: ClosedRange<Int>?
    /// Reliability diagram (10 bins) per predictor over the scored dyad-years.
    public let reliability: [[ReliabilityBin]]

    /// Memberwise initialiser. O(1).
    public init(
        modelName: String, fitYears: ClosedRange<Int>, scoreYears: ClosedRange<Int>, predictors: [String],
        calibration: MonotoneCalibration, baseRate: BaseRateModel, logistic: LogisticBaselineModel,
        all: [ValidationScores],
        inWindow: [ValidationScores], outOfWindow: [ValidationScores], years: [YearScores], warPairs: [WarPairOutcome],
        skippedWarPairs: Int, warYears: ClosedRange<Int>?, reliability: [[ReliabilityBin]]
    ) {
        self.modelName = modelName; self.fitYears = fitYears; self.scoreYears = scoreYears; self.predictors = predictors
        self.calibration = calibration; self.baseRate = baseRate; self.logistic = logistic
        self.all = all; self.inWindow = inWindow; self.outOfWindow = outOfWindow; self.years = years
        self.warPairs = warPairs; self.skippedWarPairs = skippedWarPairs; self.warYears = warYears;
        self.reliability = reliability
    }
}
