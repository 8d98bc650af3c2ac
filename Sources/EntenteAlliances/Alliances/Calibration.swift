/// Calibration of the threat model's free parameters (λ, ε) on 1870 and 1890 only (later years held out): predicted
/// alignments (all-status-quo setting: two blocs plus neutrals) are scored against the recorded alignments by
/// the Rand index over great-power pairs. Later years are held out; they are never used here.
public enum Calibration {
    /// Recorded alignments among UKG FRN RUS GMY AUH ITA TUR (ATOP 5.1 defence pacts; COW war 58), as bloc labels:
    /// 1870: Prussia/Germany vs France at war, the rest neutral; 1890: the Triple Alliance GMY–AUH–ITA, the rest
    /// unaligned (the Franco-Russian alliance dates from 1892–94; Reinsurance was neutrality only).
    public static let groundTruth: [Int: [String: Int]] = [
        1870: ["GMY": 0, "FRN": 1, "UKG": 2, "RUS": 3, "AUH": 4, "ITA": 5, "TUR": 6],
        1890: ["GMY": 0, "AUH": 0, "ITA": 0, "UKG": 1, "FRN": 2, "RUS": 3, "TUR": 4],
    ]

    /// One grid point.
    public struct Point: Sendable {
        /// Proximity length scale λ (km; ∞ = no decay).
        public let lambdaKm: Double
        /// Intention weight ε of non-rivals.
        public let epsilon: Double
        /// Rand index per year and their mean.
        public let rand1870: Double
        public let rand1890: Double
        /// Mean of the two years' Rand indices.
        public var mean: Double { (rand1870 + rand1890) / 2 }
    }

    /// The default grid of capital distances λ (km).
    public static let lambdas: [Double] = [250, 500, 1000, 2000, .infinity]
    /// The ε values of the default grid.
    public static let epsilons: [Double] = [0.05, 0.1, 0.25, 0.5, 1]

    /// Scores every (λ, ε) of the grid. O(|grid| · 2ⁿ) with n = 7.
    public static func grid(
        lambdas: [Double] = lambdas, epsilons: [Double] = epsilons,
        alignment: AlignmentParameters = AlignmentParameters()
    ) throws -> [Point] {
        let scenarios = try [1870, 1890].map { try BuiltinScenarios.scenario(named: "europe-\($0)") }
        var out: [Point] = []
        for l in lambdas {
            for e in epsilons {
                var scores: [Double] = []
                for (k, year) in [1870, 1890].enumerated() {
                    let a = try AllianceAnalysis(
                        scenario: scenarios[k], threatModel: ThreatModel(lengthKm: l, epsilon: e), alignment: alignment)
                    let truth = scenarios[k].ids.map { groundTruth[year]![$0]! }
                    scores.append(Blocs.randIndex(a.statusQuo.labels, truth))
                }
                out.append(Point(lambdaKm: l, epsilon: e, rand1870: scores[0], rand1890: scores[1]))
            }
        }
        return out
    }

    /// The best grid point by mean Rand index; ties go to the earlier point (smaller λ, then smaller ε).
    public static func best(_ points: [Point]) -> Point? {
        points.reduce(nil) { best, p in (best == nil || p.mean > best!.mean + 1e-12) ? p : best }
    }
}

extension Calibration {
    /// One grid point of the dynamic game's calibration.
    public struct DynamicPoint: Sendable {
        /// Autonomy cost κ, neutral exposure ν and per-period payoff of opting out.
        public let kappa: Double, neutralExposure: Double, exitPayoff: Double
        /// Rand index of the most likely absorbing structure per year.
        public let rand1870: Double, rand1890: Double
        /// Whether both years' processes verified as equilibria.
        public let verified: Bool
        /// Mean of the two years' Rand indices.
        public var mean: Double { (rand1870 + rand1890) / 2 }
    }

    /// Default κ values of the dynamic grid.
    public static let dynamicKappas: [Double] = [0.01, 0.02, 0.05, 0.1]
    /// Default neutral exposures ν.
    public static let dynamicExposures: [Double] = [0.5, 1]
    /// Default exit payoffs (≤ 0: opting out costs something beyond the threats a neutral still faces).
    public static let dynamicExitPayoffs: [Double] = [0, -0.02, -0.05, -0.1]

    /// Scores the alliance-formation game (all status quo, exit allowed, no window: without power-acquiring actors the
    /// window carries no payoff) on 1870 and 1890: the most likely absorbing structure from the status quo against
    /// the recorded alignments, by the Rand index (actors that opted out count as singletons). Later years are held out.
    /// Grid points whose search stalls for `stallLimit` iterations count as unverified and are never chosen. When
    /// `shouldStop` (a deadline or an interrupt) says so, the grid ends with the points completed before: fewer than
    /// |grid| points mean it was stopped.
    /// - Complexity: |grid| × 2 solves of Bell(8) = 4 140 states each (under a second each in release builds when
    ///   the search verifies; a stalled search costs `stallLimit` more iterations).
    public static func dynamicGrid(
        kappas: [Double] = dynamicKappas, exposures: [Double] = dynamicExposures,
        exitPayoffs: [Double] = dynamicExitPayoffs, threatModel: ThreatModel = ThreatModel(),
        delta: Double = 0.9, stallLimit: Int = 60, progress: (Int, Int) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) throws -> [DynamicPoint] {
        let scenarios = try [1870, 1890].map { year -> Scenario in
            let s = try BuiltinScenarios.scenario(named: "europe-\(year)")
            return try s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) }))
        }
        var out: [DynamicPoint] = []
        let total = kappas.count * exposures.count * exitPayoffs.count
        for k in kappas {
            for nu in exposures {
                for c in exitPayoffs {
                    if shouldStop() { return out }
                    var p = AllianceFormationGame.Parameters()
                    p.delta = delta
                    p.kappa = k
                    p.neutralExposure = nu
                    p.exitPayoff = c
                    p.windowHazard = nil
                    p.stallLimit = stallLimit
                    var scores: [Double] = []
                    var verified = true
                    for (idx, year) in [1870, 1890].enumerated() {
                        let g = try AllianceFormationGame(
                            scenario: scenarios[idx], threatModel: threatModel, parameters: p)
                        let r = try g.solve(shouldStop: shouldStop)
                        // A stopped search is no result: the grid ends with the points completed before it.
                        if r.stopped { return out }
                        verified = verified && r.verified
                        let predicted =
                            r.absorbing.first.map { predictedLabels(g.states[$0.state]) }
                            ?? Array(0..<g.scenario.actorCount)
                        let truth = g.scenario.ids.map { groundTruth[year]![$0]! }
                        scores.append(Blocs.randIndex(predicted, truth))
                    }
                    out.append(
                        DynamicPoint(
                            kappa: k, neutralExposure: nu, exitPayoff: c, rand1870: scores[0], rand1890: scores[1],
                            verified: verified))
                    progress(out.count, total)
                }
            }
        }
        return out
    }

    /// Bloc labels of a state: actors that opted out are singletons.
    static func predictedLabels(_ s: AllianceFormationGame.State) -> [Int] {
        s.labels.enumerated().map { $0.element >= 0 ? Int($0.element) : 1000 + $0.offset }
    }

    /// The best verified dynamic grid point by mean Rand index; ties go to the earlier point.
    public static func best(_ points: [DynamicPoint]) -> DynamicPoint? {
        points.filter(\.verified).reduce(nil) { best, p in (best == nil || p.mean > best!.mean + 1e-12) ? p : best }
    }
}
