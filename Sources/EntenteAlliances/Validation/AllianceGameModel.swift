import Foundation

/// The alliance game as a forecasting ``DyadModel``: P(allied) and P(same side) of every pair of great powers come
/// from the distribution over coalition structures of the alliance game's logit dynamics with consent
/// (``AlignmentGame``, ``AllianceForecast``), started at the alliances observed in an origin year and evolved year by
/// year under each year's game.
///
/// **Origins** (never later than the predicted year, so every prediction is a forecast):
/// - years inside the fitting window start from the window's first year;
/// - years after the window start from its last year (for the default window, 1890: the held-out years
///   1891–1945 are forecast from the 1890 alliances and the inputs of 1891…t);
/// - years before the window start at the first year of the history with no alliances known (η = 0).
///
/// ``fitted(history:fitYears:progress:)`` chooses the parameters on the fitting window (the documented defaults for
/// 1816–1890; a grid search by ``AllianceGameCalibration`` for any other window), so that a pseudo-out-of-sample
/// check (`--fit 1816-1870`) never uses parameters chosen on the years it scores.
///
/// Inputs of year t: CINC, military shares, capitals, land contiguity and rivalries of the years origin…t, and
/// the origin year's ATOP defense/offense commitments. All years are computed when the model is built (the
/// forecast is a chain), so ``rawProbabilities(year:history:)`` is a lookup.
///
/// - Complexity: O(Σ_t Bell(n_t)·n_t³) to build (n_t ≤ 8 great powers; about a second for 130 years in release).
public struct AllianceGameModel: DyadModel {
    /// The game's parameters (threat, conflict stage, dynamics).
    public let parameters: AllianceGameParameters
    /// The fitting window the origins were chosen for.
    public let fitYears: ClosedRange<Int>
    let table: [Int: [DyadPrediction]]

    /// "game".
    public var name: String { "game" }

    /// Builds every year's forecast. Throws ``HistoryError`` for a fitting window without outcomes.
    public init(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        parameters: AllianceGameParameters = AllianceGameParameters()
    ) throws {
        try parameters.validate()
        self.parameters = parameters
        self.fitYears = fitYears
        var table: [Int: [DyadPrediction]] = [:]
        let first = history.years.lowerBound, last = history.years.upperBound
        var segments: [(origin: Int, years: ClosedRange<Int>, observed: Bool)] = [(fitYears.lowerBound, fitYears, true)]
        if fitYears.upperBound < last { segments.append((fitYears.upperBound, (fitYears.upperBound + 1)...last, true)) }
        if fitYears.lowerBound > first {
            // Before the window there is no earlier observed year to start from: start without alliances known
            // (η = 0, every structure equally likely) at the first year of the history.
            segments.append((first, first...(fitYears.lowerBound - 1), false))
        }
        for (origin, years, observed) in segments {
            var p = parameters
            if !observed { p.originWeight = 0 }
            let forecast = try AllianceGameModel.forecast(
                history: history, origin: origin, through: years.upperBound, parameters: p,
                useOriginOutcomes: observed)
            for f in forecast where years.contains(f.year) {
                let gy = try history.year(f.year)
                var rows: [DyadPrediction] = []
                for d in gy.dyads {
                    guard let i = gy.powers.firstIndex(where: { $0.ccode == d.ccode1 }),
                        let j = gy.powers.firstIndex(where: { $0.ccode == d.ccode2 })
                    else { continue }
                    rows.append(
                        DyadPrediction(
                            year: f.year, ccode1: d.ccode1, ccode2: d.ccode2,
                            pAlliance: min(1, max(0, f.allied[i, j])), pSameSide: min(1, max(0, f.sameSide[i, j]))))
                }
                table[f.year] = rows
            }
        }
        self.table = table
    }

    /// The model with parameters fitted on `fitYears`: the defaults (the argmin of ``AllianceGameCalibration/Grid``
    /// on 1816–1890, docs/validation.md) for the full window, else the best point of that grid on `fitYears`
    /// (about 50 s for 1816–1870 in a release build).
    public static func fitted(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> AllianceGameModel {
        if fitYears == AllianceValidation.fitLimit {
            return try AllianceGameModel(history: history, fitYears: fitYears)
        }
        let points = try AllianceGameCalibration.grid(history: history, fitYears: fitYears, progress: progress)
        guard let best = AllianceGameCalibration.best(points) else {
            return try AllianceGameModel(history: history, fitYears: fitYears)
        }
        return try AllianceGameModel(history: history, fitYears: fitYears, parameters: best.parameters)
    }

    /// The year's predictions (computed at construction). Throws ``HistoryError/yearOutOfRange(year:available:)``.
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        guard let rows = table[year] else { throw HistoryError.yearOutOfRange(year: year, available: history.years) }
        return rows
    }

    /// The forecast chain from `origin` (whose observed alliances start it) through `through`. Actors of each
    /// year's scenario are in the order of ``GreatPowerYear/powers``.
    public static func forecast(
        history: GreatPowerHistory, origin: Int, through: Int,
        parameters: AllianceGameParameters, useOriginOutcomes: Bool = true
    ) throws -> [AllianceForecast.YearForecast] {
        guard origin <= through else { return [] }
        let scenarios = try (origin...through).map { try history.scenario(year: $0) }
        let originYear = try history.year(origin)
        let allied = useOriginOutcomes ? try history.alliedPairs(year: origin) : []
        let codes = originYear.powers.map(\.ccode)
        return try AllianceForecast.run(
            scenarios: scenarios,
            observedAllied: { i, j in
                allied.contains([min(codes[i], codes[j]), max(codes[i], codes[j])])
            }, parameters: parameters)
    }
}
