import EntenteAlliances
import EntenteNumerics
import Foundation
import Testing

/// Scoring rules, partitions, the logistic fit, the calibration map and the validation run.
@Suite struct AllianceValidationTests {
    @Test func scoringRulesOnHandExamples() {
        // AUC = Mann–Whitney: 3 of 4 positive–negative pairs ordered correctly.
        #expect(ProbabilityMetrics.auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]) == 0.75)
        // Ties get average ranks: (0.5 vs 0.5) counts ½ → 3.5 / 4.
        #expect(ProbabilityMetrics.auc([0.5, 0.5, 0.2, 0.9], [true, false, false, true]) == 0.875)
        #expect(ProbabilityMetrics.auc([0.3, 0.4], [true, true]) == nil)
        #expect(abs(ProbabilityMetrics.logLoss([0.8, 0.3], [true, false]) - (-(log(0.8) + log(0.7)) / 2)) < 1e-15)
        // Clipped to [0.001, 0.999].
        #expect(abs(ProbabilityMetrics.logLoss([0, 1], [true, true]) - (-(log(0.001) + log(0.999)) / 2)) < 1e-15)
        #expect(abs(ProbabilityMetrics.brier([0.8, 0.3], [true, false]) - 0.065) < 1e-15)
        #expect(ProbabilityMetrics.accuracy([0.8, 0.3, 0.5], [true, true, false]) == 1.0 / 3)
    }

    @Test func adjustedRandIndexOfHandPartitions() {
        // {01}{23} vs {01}{2}{3}: Σ C(n_ij,2) = 1, rows Σ = 2, columns Σ = 1, C(4,2) = 6:
        // (1 − 2·1/6) / ((2 + 1)/2 − 2·1/6) = (2/3)/(7/6) = 4/7.
        #expect(abs(PartitionAgreement.adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 4.0 / 7) < 1e-15)
        // {01}{23} vs {02}{13}: index 0, expected 2·2/6 = 2/3, max 2 → (0 − 2/3)/(2 − 2/3) = −1/2.
        #expect(abs(PartitionAgreement.adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]) + 0.5) < 1e-15)
        // Identical all-singleton partitions: 1, as in scikit-learn; singletons vs one pair: 0.
        #expect(PartitionAgreement.adjustedRandIndex([0, 1, 2, 3], [5, 6, 7, 8]) == 1)
        #expect(PartitionAgreement.adjustedRandIndex([0, 1, 2], [0, 0, 2]) == 0)
        #expect(PartitionAgreement.components(count: 5, edges: [(0, 2), (4, 2)]) == [0, 1, 0, 3, 0])
    }

    @Test func logisticRegressionRecoversCoefficients() throws {
        var rng = SeededGenerator(seed: 11)
        let beta = [-0.5, 1.5, -2.0]
        var x: [[Double]] = [], y: [Bool] = []
        for _ in 0..<20_000 {
            let row = [1, Double.random(in: -1...1, using: &rng), Double.random(in: 0...2, using: &rng)]
            x.append(row)
            y.append(
                Double.random(in: 0..<1, using: &rng) < LogisticRegression.sigmoid(zip(row, beta).map(*).reduce(0, +)))
        }
        let fit = try LogisticRegression.fit(x: x, y: y, ridge: 1e-6)
        for (b, t) in zip(fit.coefficients, beta) { #expect(abs(b - t) < 0.1, "\(fit.coefficients)") }
        #expect(fit.iterations < 20)
    }

    @Test func calibrationIsMonotone() throws {
        var rng = SeededGenerator(seed: 3)
        var raw: [Double] = [], y: [Bool] = []
        for _ in 0..<2_000 {
            let r = Double.random(in: 0.01...0.99, using: &rng)
            raw.append(r)
            y.append(Double.random(in: 0..<1, using: &rng) < r * r)  // informative, miscalibrated
        }
        let c = try MonotoneCalibration.fit(raw: raw, outcomes: y)
        #expect(c.slope > 0)
        let grid = stride(from: 0.0, through: 1.0, by: 0.01).map { c($0) }
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        // An anti-informative score gets slope 0: the base rate everywhere.
        let flipped = try MonotoneCalibration.fit(raw: raw.map { 1 - $0 }, outcomes: y)
        let rate = Double(y.filter { $0 }.count) / Double(y.count)
        #expect(flipped.slope == 0 && abs(flipped(0.2) - rate) < 1e-9 && abs(flipped(0.9) - rate) < 1e-9)
    }

    @Test func persistenceBaselineUsesTheOriginYearsAlliances() throws {
        let history = GreatPowerHistory.embedded
        let fit = 1816...1870
        let m = try PersistenceModel.fit(history: history, years: fit)
        #expect(PersistenceModel.origin(of: 1850, fitYears: fit) == 1816)
        #expect(PersistenceModel.origin(of: 1880, fitYears: fit) == 1870)
        #expect(PersistenceModel.origin(of: 1815, fitYears: 1816...1870) == nil)
        func allied(_ year: Int) throws -> Set<[Int]> {
            Set(
                zip(try history.year(year).dyads, try history.allianceOutcomes(year: year)).filter(\.1).map {
                    [$0.0.ccode1, $0.0.ccode2]
                })
        }
        // The regression by hand: the same design rows (1, allied in 1816, allied in 1816 × years since 1816).
        let origin = try allied(1816)
        var x: [[Double]] = [], outcome: [Bool] = []
        for y in fit {
            for (d, a) in zip(try history.year(y).dyads, try history.allianceOutcomes(year: y)) {
                let at: Double = origin.contains([d.ccode1, d.ccode2]) ? 1 : 0
                x.append([1, at, at * Double(y - 1816)])
                outcome.append(a)
            }
        }
        #expect(m.regression == (try LogisticRegression.fit(x: x, y: outcome, ridge: 1e-3)))
        // Alliances persist (β₁ > 0) and fade (β₂ < 0).
        #expect(m.regression.coefficients[1] > 0 && m.regression.coefficients[2] < 0)
        // After the window the origin is its last year: 1880 pairs allied in 1870 get the higher rate.
        let in1870 = try allied(1870)
        let p = try m.rawProbabilities(year: 1880, history: history)
        #expect(p.count == (try history.year(1880).dyads.count))
        let beta = m.regression.coefficients
        #expect(
            p.allSatisfy {
                let expected =
                    in1870.contains([$0.ccode1, $0.ccode2])
                    ? LogisticRegression.sigmoid(beta[0] + beta[1] + beta[2] * 10) : LogisticRegression.sigmoid(beta[0])
                return abs($0.pAlliance - expected) < 1e-12 && $0.pSameSide == $0.pAlliance
            })
        #expect(!in1870.isEmpty)
    }

    @Test func validationOf1880To1890ScoresEveryPredictor() throws {
        let history = GreatPowerHistory.embedded
        let rep = try AllianceValidation.run(
            model: ThreatAffinityModel(), fitYears: 1816...1870, scoreYears: 1880...1890)
        #expect(rep.predictors == ["affinity", "base-rate", "persistence", "logistic", "nobody"])
        #expect(rep.years.map(\.year) == Array(1880...1890) && rep.inWindow.isEmpty && rep.outOfWindow.count == 5)
        let dyadYears = try (1880...1890).map { try history.year($0).dyads.count }.reduce(0, +)
        let allied = try (1880...1890).map { try history.allianceOutcomes(year: $0).filter { $0 }.count }.reduce(0, +)
        #expect(rep.all.allSatisfy { $0.dyadYears == dyadYears && $0.alliances == allied })
        // "nobody" by hand: p = 0.001 everywhere.
        let nobody = try #require(rep.all.first { $0.predictor == "nobody" })
        let n = Double(dyadYears), a = Double(allied)
        #expect(abs(nobody.logLoss - (-(a * log(0.001) + (n - a) * log(0.999)) / n)) < 1e-12)
        #expect(abs(nobody.brier - (a * 0.999 * 0.999 + (n - a) * 1e-6) / n) < 1e-12)
        #expect(nobody.auc == 0.5)
        // The base rate is the allied share of 1816–1870.
        let fitDyads = try (1816...1870).map { try history.year($0).dyads.count }.reduce(0, +)
        let fitAllied = try (1816...1870).map { try history.allianceOutcomes(year: $0).filter { $0 }.count }.reduce(
            0, +)
        #expect(abs(rep.baseRate.pAlliance - Double(fitAllied) / Double(fitDyads)) < 1e-15)
        #expect(rep.reliability.count == 5 && rep.reliability[0].map(\.count).reduce(0, +) == dyadYears)
        #expect(rep.all.allSatisfy { $0.war == nil })  // no great-power war began in 1880–1890
        #expect(rep.warYears == 1880...1890)
        // With supplied alliance outcomes but no war file, wars are scored only where known.
        let supplied = try history.withOutcomes(
            alliances: [
                AllianceCommitment(year: 1891, ccode1: 255, ccode2: 300, defense: true, offense: false),
                AllianceCommitment(year: 1892, ccode1: 220, ccode2: 365, defense: true, offense: false),
            ], wars: nil)
        let later = try AllianceValidation.run(
            model: NobodyAlliesModel(), fitYears: 1816...1870, scoreYears: 1888...1892, history: supplied)
        #expect(later.warYears == 1888...1890 && later.years.last?.alliances == 1)
    }

    @Test func inSampleRunScoresTheEightWarPairs() throws {
        let rep = try AllianceValidation.run(
            model: ThreatAffinityModel(), fitYears: 1816...1890, scoreYears: 1816...1890)
        #expect(rep.outOfWindow.isEmpty && rep.inWindow == rep.all)
        #expect(rep.warPairs.count == 8 && rep.skippedWarPairs == 0)
        #expect(rep.all.allSatisfy { $0.war?.pairs == 8 })
        // Nobody: 0.5 for every pair; 2 of the 8 pairs fought on the same side.
        #expect(rep.all.first { $0.predictor == "nobody" }?.war?.accuracy == 0.25)
        #expect(rep.baseRate.pSameSide == 0.25)
    }

    @Test func heldOutYearsAndBadFitWindowsAreErrors() throws {
        let m = ThreatAffinityModel()
        #expect(throws: HistoryError.outcomesUnavailable(year: 1900, available: 1816...1890)) {
            try AllianceValidation.run(model: m, scoreYears: 1880...1900)
        }
        #expect(throws: HistoryError.invalidFitYears(1816...1900, allowed: 1816...1890)) {
            try AllianceValidation.predict(model: m, years: 1891...1900, fitYears: 1816...1900)
        }
        #expect(throws: HistoryError.yearOutOfRange(year: 1950, available: 1816...1945)) {
            try AllianceValidation.predict(model: m, years: 1940...1950)
        }
    }

    /// A model that forgets a pair.
    struct Forgetful: DyadModel {
        var name: String { "forgetful" }
        func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
            Array(try NobodyAlliesModel().rawProbabilities(year: year, history: history).dropLast())
        }
    }

    @Test func dynamicGameModelPredictsTheLongRunBlocsOfEachYearsEquilibrium() throws {
        let history = GreatPowerHistory.embedded
        let model = try DynamicGameModel(history: history, years: 1816...1817)
        for year in [1816, 1817] {
            let rows = try model.rawProbabilities(year: year, history: history)
            let gy = try history.year(year)
            #expect(rows.map { [$0.ccode1, $0.ccode2] } == gy.dyads.map { [$0.ccode1, $0.ccode2] })
            #expect(rows.allSatisfy { (0...1).contains($0.pAlliance) && $0.pSameSide == $0.pAlliance })
            // Cross-check with the game solved directly: where the process is absorbing, the long-run share of a pair
            // is the probability of the absorbing structures that put the two in one bloc.
            let game = try AllianceFormationGame(scenario: try history.scenario(year: year))
            let result = try game.solve()
            #expect(result.verified == !model.unverifiedYears.contains(year))
            let absorbed = result.absorbing.reduce(0) { $0 + $1.probability }
            guard abs(absorbed - 1) < 1e-9 else { continue }
            let ids = game.scenario.ids
            let abb = Dictionary(uniqueKeysWithValues: gy.powers.map { ($0.ccode, $0.abb) })
            for r in rows {
                let i = ids.firstIndex(of: abb[r.ccode1]!)!, j = ids.firstIndex(of: abb[r.ccode2]!)!
                let expected = result.absorbing.filter { a in
                    let l = game.states[a.state].labels
                    return l[i] >= 0 && l[i] == l[j]
                }.reduce(0) { $0 + $1.probability }
                #expect(abs(r.pAlliance - expected) < 1e-6)
            }
        }
        // A year not solved at construction is solved on demand, from that year's inputs only.
        let later = try model.rawProbabilities(year: 1818, history: history)
        #expect(
            later
                == (try DynamicGameModel(history: history, years: 1818...1818).rawProbabilities(
                    year: 1818, history: history)))
        #expect(throws: HistoryError.self) { try DynamicGameModel.fitted(history: history, fitYears: 1880...1900) }
    }

    @Test func predictionsCoverEveryPairOfEveryYear() throws {
        let p = try AllianceValidation.predict(model: ThreatAffinityModel(), years: 1816...1945)
        #expect(p.count == 2090)
        #expect(zip(p, p.dropFirst()).allSatisfy { ($0.year, $0.ccode1, $0.ccode2) < ($1.year, $1.ccode1, $1.ccode2) })
        #expect(
            p.allSatisfy { $0.ccode1 < $0.ccode2 && (0...1).contains($0.pAlliance) && (0...1).contains($0.pSameSide) })
        #expect(throws: HistoryError.self) { try AllianceValidation.predict(model: Forgetful(), years: 1900...1900) }
        #expect(try DyadModels.named(DyadModels.defaultName).name == DyadModels.defaultName)
        #expect(throws: HistoryError.self) { try DyadModels.named("oracle") }
    }
}
