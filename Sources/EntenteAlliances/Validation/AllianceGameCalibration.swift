import Foundation

/// Fits the alliance game's free parameters on a window of years with known outcomes (1816–1890 at most) by grid
/// search on the calibrated log loss of P(allied) over the window's dyad-years.
///
/// For each grid point the game forecasts every year of the window from the window's first year (as
/// ``AllianceGameModel`` does), the Platt map of ``MonotoneCalibration`` is fitted on the same dyad-years, and the
/// calibrated log loss is the score; the grid point with the lowest score wins (ties: the earlier point).
/// Games are built once per (λ, ε, e, κ) and reused across (β, periods, η).
///
/// - Complexity: O(|threat × stage grid| · Σ_t Bell(n_t)·n_t³ + |grid| · Σ_t periods·moves_t).
public enum AllianceGameCalibration {
    /// One evaluated grid point.
    public struct Point: Sendable {
        /// The parameters.
        public let parameters: AllianceGameParameters
        /// Calibrated log loss, Brier score and AUC of P(allied) over the window (AUC of the raw values).
        public let logLoss: Double, brier: Double, auc: Double
    }

    /// The axes of the grid.
    public struct Grid: Sendable {
        /// Proximity length scales λ (km).
        public var lambdas: [Double] = [30, 125, 500, 1000]
        /// Intention weights ε of non-rivals.
        public var epsilons: [Double] = [0.1, 0.25, 0.5, 1]
        /// Contest decisiveness γ.
        public var decisiveness: [Double] = [1.5, 2, 3]
        /// Entanglement weights e.
        public var entanglements: [Double] = [0.03, 0.1, 0.3]
        /// Autonomy costs κ.
        public var autonomyCosts: [Double] = [0.001, 0.01, 0.05]
        /// Rationalities β of the logit dynamics.
        public var rationalities: [Double] = [5, 10, 20]
        /// Revision periods per calendar year.
        public var periodsPerYear: [Double] = [0.3, 1, 2]
        /// Weights η of the origin's alliances.
        public var originWeights: [Double] = [3]
        /// Tethering shares τ (restraint of a partner's threat).
        public var tetherings: [Double] = [0, 0.25, 0.5]
        /// The documented grid (11 664 points).
        public init() {}
        /// Number of grid points.
        public var count: Int {
            [
                lambdas.count, epsilons.count, decisiveness.count, entanglements.count, autonomyCosts.count,
                rationalities.count,
                periodsPerYear.count, originWeights.count, tetherings.count,
            ].reduce(1, *)
        }
    }

    /// Evaluates every grid point on `fitYears` (must have outcomes). `progress(done, total)` is called after each
    /// (λ, ε, e, κ) block. Returns all points in grid order.
    public static func grid(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        grid: Grid = Grid(), progress: ((Int, Int) -> Void)? = nil
    ) throws -> [Point] {
        try AllianceValidation.checkFit(fitYears, history: history)
        let scenarios = try fitYears.map { try history.scenario(year: $0) }
        var outcomes: [Bool] = []
        for t in fitYears { outcomes += try history.allianceOutcomes(year: t) }
        let originYear = try history.year(fitYears.lowerBound)
        let originOutcomes = try history.allianceOutcomes(year: fitYears.lowerBound)
        var allied = Set<[Int]>()
        for (k, d) in originYear.dyads.enumerated() where originOutcomes[k] { allied.insert([d.ccode1, d.ccode2]) }
        let codes = originYear.powers.map(\.ccode)
        let observed: (Int, Int) -> Bool = { i, j in
            allied.contains([min(codes[i], codes[j]), max(codes[i], codes[j])])
        }
        let dyadIndex: [[(Int, Int)]] = try fitYears.map { t in
            let gy = try history.year(t)
            return try gy.dyads.map { d in
                guard let a = gy.powers.firstIndex(where: { $0.ccode == d.ccode1 }),
                    let b = gy.powers.firstIndex(where: { $0.ccode == d.ccode2 })
                else {
                    throw HistoryError.malformed(
                        table: "dyads", line: 0,
                        message:
                            "dyad \(d.ccode1)–\(d.ccode2) of \(t) names a state that is not a great power that year")
                }
                return (a, b)
            }
        }
        var out: [Point] = []
        let blocks =
            grid.lambdas.count * grid.epsilons.count * grid.decisiveness.count * grid.entanglements.count
            * grid.autonomyCosts.count
            * grid.tetherings.count
        var done = 0
        for l in grid.lambdas {
            for e in grid.epsilons {
                for g in grid.decisiveness {
                    for ent in grid.entanglements {
                        for kappa in grid.autonomyCosts {
                            for tau in grid.tetherings {
                                let threat = ThreatModel(lengthKm: l, epsilon: e)
                                let stage = try ConflictStage(
                                    decisiveness: g, entanglement: ent, autonomyCost: kappa, tethering: tau)
                                let games = try scenarios.map {
                                    try AlignmentGame(scenario: $0, threatModel: threat, stage: stage)
                                }
                                for beta in grid.rationalities {
                                    for s in grid.periodsPerYear {
                                        for eta in grid.originWeights {
                                            let p = AllianceGameParameters(
                                                threatModel: threat, stage: stage, rationality: beta,
                                                periodsPerYear: s, originWeight: eta)
                                            let f = try AllianceForecast.run(
                                                games: games, years: Array(fitYears), observedAllied: observed,
                                                parameters: p)
                                            var raw: [Double] = []
                                            for (k, y) in f.enumerated() {
                                                raw += dyadIndex[k].map { min(1, max(0, y.allied[$0.0, $0.1])) }
                                            }
                                            let cal = try MonotoneCalibration.fit(raw: raw, outcomes: outcomes)
                                            let q = raw.map { cal($0) }
                                            out.append(
                                                Point(
                                                    parameters: p, logLoss: ProbabilityMetrics.logLoss(q, outcomes),
                                                    brier: ProbabilityMetrics.brier(q, outcomes),
                                                    auc: ProbabilityMetrics.auc(raw, outcomes) ?? 0.5))
                                        }
                                    }
                                }
                                done += 1
                                progress?(done, blocks)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The best point by calibrated log loss (ties: the earlier point).
    public static func best(_ points: [Point]) -> Point? {
        points.reduce(nil) { b, p in (b == nil || p.logLoss < b!.logLoss - 1e-12) ? p : b }
    }
}
