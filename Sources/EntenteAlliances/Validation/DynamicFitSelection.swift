/// The selection rule of the dynamic models' grid fits (``DynamicGameModel``, ``DynamicForecastModel``), fixed before
/// any fit was looked at: among the candidates with the fewest fitting years whose equilibrium search does not verify
/// (predictions should come from equilibria), the one with the smallest log loss of its monotone-calibrated
/// predictions (``MonotoneCalibration``) on the fitting years; earlier candidates win ties within 1e-12.
/// O(dyad-years) per candidate plus the calibration fit.
struct DynamicFitSelection<Model: DyadModel> {
    let history: GreatPowerHistory
    let fitYears: ClosedRange<Int>
    let outcomes: [Bool]
    private(set) var best: (unverified: Int, loss: Double, model: Model)? = nil

    /// Reads the fitting years' outcomes (throws ``HistoryError`` if they are unknown).
    init(history: GreatPowerHistory, fitYears: ClosedRange<Int>) throws {
        var outcomes: [Bool] = []
        for y in fitYears { outcomes += try history.allianceOutcomes(year: y) }
        self.history = history
        self.fitYears = fitYears
        self.outcomes = outcomes
    }

    /// Scores a candidate with `unverified` unverified fitting years and keeps it if it is the best so far.
    mutating func offer(_ model: Model, unverified: Int) throws {
        var raw: [Double] = []
        for y in fitYears { raw += try model.rawProbabilities(year: y, history: history).map(\.pAlliance) }
        let calibration = try MonotoneCalibration.fit(raw: raw, outcomes: outcomes)
        let loss = ProbabilityMetrics.logLoss(raw.map { calibration($0) }, outcomes)
        if let b = best, unverified > b.unverified || (unverified == b.unverified && loss >= b.loss - 1e-12) {
            return
        }
        best = (unverified, loss, model)
    }
}
