/// Out-of-sample validation of a ``DyadModel`` against great-power alliances (ATOP) and war line-ups (COW), next to
/// four baselines fitted on the same fitting years: ``BaseRateModel``, ``PersistenceModel`` (the origin year's
/// alliances persist), ``LogisticBaselineModel`` and ``NobodyAlliesModel``.
///
/// Protocol: every free parameter (the model's ``MonotoneCalibration``, the base rates, the persistence rates, the logistic coefficients) is
/// fitted on `fitYears` only, which must lie within ``fitLimit`` (1816–1890, the years with shipped outcomes). Scored
/// years need known outcomes (``GreatPowerHistory/outcomeYears``; later years only with supplied outcomes). The
/// model's `pAlliance` is reported calibrated, its `pSameSide` raw (the 8 war pairs of 1816–1890 are too few to fit
/// a map). Metrics: ``ProbabilityMetrics`` and ``PartitionAgreement``; see docs/validation.md.
///
/// Complexity: one model evaluation per year of fitYears ∪ scoreYears (years run concurrently), plus
/// O(dyad-years · iterations) for the fits.
public enum AllianceValidation {
    /// The years on which parameters may be fitted: 1816–1890.
    public static let fitLimit = 1816...1890

    /// Raw predictions of `model` for each year, checked (one per pair of the year's great powers, probabilities in
    /// [0, 1]) and sorted by codes. Years are evaluated concurrently. O(years · model cost).
    public static func rawPredictions(model: any DyadModel, years: [Int], history: GreatPowerHistory) throws -> [Int:
        [DyadPrediction]]
    {
        try ConcurrentYears.map(years) { y in
            try checked(
                try model.rawProbabilities(year: y, history: history), model: model.name, year: y, history: history)
        }
    }

    static func checked(_ p: [DyadPrediction], model: String, year: Int, history: GreatPowerHistory) throws
        -> [DyadPrediction]
    {
        let gy = try history.year(year)
        let sorted = p.sorted { ($0.ccode1, $0.ccode2) < ($1.ccode1, $1.ccode2) }
        guard sorted.count == gy.dyads.count else {
            throw HistoryError.invalidPredictions(
                model: model, year: year,
                message: "\(sorted.count) predictions for \(gy.dyads.count) pairs of great powers")
        }
        for (q, d) in zip(sorted, gy.dyads) {
            guard q.year == year, q.ccode1 == d.ccode1, q.ccode2 == d.ccode2 else {
                throw HistoryError.invalidPredictions(
                    model: model, year: year,
                    message:
                        "prediction for \(q.year) \(q.ccode1)–\(q.ccode2) does not match the pair \(d.ccode1)–\(d.ccode2)"
                )
            }
            guard (0...1).contains(q.pAlliance), (0...1).contains(q.pSameSide) else {
                throw HistoryError.invalidPredictions(
                    model: model, year: year,
                    message:
                        "probabilities must be in [0, 1], got \(q.pAlliance), \(q.pSameSide) for \(q.ccode1)–\(q.ccode2)"
                )
            }
        }
        return sorted
    }

    /// Throws ``HistoryError/invalidFitYears(_:allowed:)`` unless `fitYears` lie within ``fitLimit`` and have outcomes.
    public static func checkFitYears(_ fitYears: ClosedRange<Int>, history: GreatPowerHistory) throws {
        try checkFit(fitYears, history: history)
    }

    static func checkFit(_ fitYears: ClosedRange<Int>, history: GreatPowerHistory) throws {
        guard fitLimit.contains(fitYears.lowerBound), fitLimit.contains(fitYears.upperBound),
            history.outcomeYears.contains(fitYears.lowerBound), history.outcomeYears.contains(fitYears.upperBound)
        else {
            throw HistoryError.invalidFitYears(fitYears, allowed: fitLimit)
        }
    }

    /// Fits the model's calibration on `fitYears` from raw predictions (which must include those years). O(m · iterations).
    public static func calibration(raw: [Int: [DyadPrediction]], fitYears: ClosedRange<Int>, history: GreatPowerHistory)
        throws -> MonotoneCalibration
    {
        var p: [Double] = [], y: [Bool] = []
        for t in fitYears {
            guard let r = raw[t] else {
                throw HistoryError.invalidPredictions(
                    model: "?", year: t, message: "no raw predictions for a fitting year")
            }
            p += r.map(\.pAlliance)
            y += try history.allianceOutcomes(year: t)
        }
        return try MonotoneCalibration.fit(raw: p, outcomes: y)
    }

    /// The model's reported predictions for `years` (any years of the history, outcomes not needed): calibration
    /// fitted on `fitYears` ⊂ 1816–1890, applied to the raw pAlliance; pSameSide raw. Sorted by year, then codes.
    /// O((|years ∪ fitYears|) · model cost).
    public static func predict(
        model: any DyadModel, years: ClosedRange<Int>, fitYears: ClosedRange<Int> = fitLimit,
        history: GreatPowerHistory = .embedded
    ) throws -> [DyadPrediction] {
        try checkFit(fitYears, history: history)
        for y in [years.lowerBound, years.upperBound] where !history.years.contains(y) {
            throw HistoryError.yearOutOfRange(year: y, available: history.years)
        }
        let raw = try rawPredictions(
            model: model, years: Array(Set(Array(years) + Array(fitYears))).sorted(), history: history)
        let cal = try calibration(raw: raw, fitYears: fitYears, history: history)
        return years.flatMap { y in
            raw[y]!.map {
                var q = $0; q.pAlliance = cal($0.pAlliance); return q
            }
        }
    }

    /// Fits everything on `fitYears`, scores the model and the baselines on `scoreYears` (known outcomes required:
    /// throws ``HistoryError/outcomesUnavailable(year:available:)`` otherwise). O(years · model cost + fits).
    public static func run(
        model: any DyadModel, fitYears: ClosedRange<Int> = fitLimit, scoreYears: ClosedRange<Int>,
        history: GreatPowerHistory = .embedded
    ) throws -> AllianceValidationReport {
        try checkFit(fitYears, history: history)
        for y in [scoreYears.lowerBound, scoreYears.upperBound] {
            _ = try history.year(y)
            guard history.outcomeYears.contains(y) else {
                throw HistoryError.outcomesUnavailable(year: y, available: history.outcomeYears)
            }
        }
        let raw = try rawPredictions(
            model: model, years: Array(Set(Array(scoreYears) + Array(fitYears))).sorted(), history: history)
        let cal = try calibration(raw: raw, fitYears: fitYears, history: history)
        let base = try BaseRateModel.fit(history: history, years: fitYears)
        let logistic = try LogisticBaselineModel.fit(history: history, years: fitYears)
        let persistence = try PersistenceModel.fit(history: history, years: fitYears)
        let baselines: [any DyadModel] = [base, persistence, logistic, NobodyAlliesModel()]
        let names = [model.name] + baselines.map(\.name)

        // predictions[k][year] for predictor k, sorted like the year's dyads.
        var predictions: [[Int: [DyadPrediction]]] = [[:]]
        for y in scoreYears {
            predictions[0][y] = raw[y]!.map {
                var q = $0; q.pAlliance = cal($0.pAlliance); return q
            }
        }
        for b in baselines {
            var m: [Int: [DyadPrediction]] = [:]
            for y in scoreYears {
                m[y] = try checked(
                    try b.rawProbabilities(year: y, history: history), model: b.name, year: y, history: history)
            }
            predictions.append(m)
        }
        var outcomes: [Int: [Bool]] = [:]
        var yearRows: [YearScores] = []
        var ari: [[Int: Double]] = Array(repeating: [:], count: names.count)
        for y in scoreYears {
            let o = try history.allianceOutcomes(year: y)
            outcomes[y] = o
            let gy = try history.year(y)
            let index = Dictionary(uniqueKeysWithValues: gy.powers.enumerated().map { ($0.element.ccode, $0.offset) })
            let pairs = gy.dyads.map { (index[$0.ccode1]!, index[$0.ccode2]!) }
            let truth = PartitionAgreement.components(count: gy.powers.count, edges: zip(pairs, o).filter(\.1).map(\.0))
            var ll: [Double] = [], br: [Double] = [], ar: [Double] = []
            for k in names.indices {
                let p = predictions[k][y]!.map(\.pAlliance)
                ll.append(ProbabilityMetrics.logLoss(p, o))
                br.append(ProbabilityMetrics.brier(p, o))
                let predicted = PartitionAgreement.components(
                    count: gy.powers.count, edges: zip(pairs, p).filter { $0.1 >= 0.5 }.map(\.0))
                let a = PartitionAgreement.adjustedRandIndex(truth, predicted)
                ar.append(a)
                ari[k][y] = a
            }
            yearRows.append(
                YearScores(
                    year: y, inFitWindow: fitYears.contains(y), dyads: o.count, alliances: o.filter { $0 }.count,
                    logLoss: ll, brier: br, ari: ar))
        }
        // War pairs, scored on the start year's predictions.
        var warPairs: [WarPairOutcome] = []
        var skipped = 0
        let warSpan =
            max(
                scoreYears.lowerBound, history.warYears.lowerBound)...max(
                scoreYears.lowerBound, min(scoreYears.upperBound, history.warYears.upperBound))
        let warCoverage: ClosedRange<Int>? = scoreYears.overlaps(history.warYears) ? warSpan : nil
        let wars = try warCoverage.map { try history.wars(startingIn: $0) } ?? []
        for w in wars {
            for pair in w.pairs {
                var ps: [Double] = []
                for k in names.indices {
                    guard
                        let q = predictions[k][w.startYear]?.first(where: {
                            $0.ccode1 == pair.ccode1 && $0.ccode2 == pair.ccode2
                        })
                    else { break }
                    ps.append(q.pSameSide)
                }
                guard ps.count == names.count else { skipped += 1; continue }
                warPairs.append(
                    WarPairOutcome(
                        warnum: w.warnum, year: w.startYear, ccode1: pair.ccode1, ccode2: pair.ccode2,
                        sameSide: pair.sameSide, pSameSide: ps))
            }
        }
        func scores(_ years: [Int]) -> [ValidationScores] {
            guard !years.isEmpty else { return [] }
            let set = Set(years)
            let wp = warPairs.filter { set.contains($0.year) }
            return names.indices.map { k in
                let p = years.flatMap { predictions[k][$0]!.map(\.pAlliance) }
                let o = years.flatMap { outcomes[$0]! }
                let war: WarSideScores? =
                    wp.isEmpty
                    ? nil
                    : {
                        let q = wp.map { $0.pSameSide[k] }, s = wp.map(\.sameSide)
                        return WarSideScores(
                            pairs: wp.count, accuracy: ProbabilityMetrics.accuracy(q, s),
                            brier: ProbabilityMetrics.brier(q, s), logLoss: ProbabilityMetrics.logLoss(q, s))
                    }()
                return ValidationScores(
                    predictor: names[k], years: years.count, dyadYears: p.count, alliances: o.filter { $0 }.count,
                    logLoss: ProbabilityMetrics.logLoss(p, o), brier: ProbabilityMetrics.brier(p, o),
                    auc: ProbabilityMetrics.auc(p, o),
                    meanARI: years.map { ari[k][$0]! }.reduce(0, +) / Double(years.count),
                    war: war,
                    rawAUC: k == 0 ? ProbabilityMetrics.auc(years.flatMap { raw[$0]!.map(\.pAlliance) }, o) : nil)
            }
        }
        let scored = Array(scoreYears)
        let allO = scored.flatMap { outcomes[$0]! }
        return AllianceValidationReport(
            modelName: model.name, fitYears: fitYears, scoreYears: scoreYears, predictors: names, calibration: cal,
            baseRate: base, logistic: logistic, all: scores(scored),
            inWindow: scores(scored.filter { fitYears.contains($0) }),
            outOfWindow: scores(scored.filter { !fitYears.contains($0) }), years: yearRows, warPairs: warPairs,
            skippedWarPairs: skipped, warYears: warCoverage,
            reliability: names.indices.map { k in
                ReliabilityBin.bins(scored.flatMap { predictions[k][$0]!.map(\.pAlliance) }, allO)
            })
    }
}
