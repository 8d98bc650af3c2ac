/// Calibration of the threat model's free parameters (λ, ε) on 1870 and 1890 only (models.md §5.4): predicted
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

    /// The default grid of models.md §5.3.
    public static let lambdas: [Double] = [250, 500, 1000, 2000, .infinity]
    /// The ε values of the default grid.
    public static let epsilons: [Double] = [0.05, 0.1, 0.25, 0.5, 1]

    /// Scores every (λ, ε) of the grid. O(|grid| · 2ⁿ) with n = 7.
    public static func grid(lambdas: [Double] = lambdas, epsilons: [Double] = epsilons,
                            alignment: AlignmentParameters = AlignmentParameters()) throws -> [Point] {
        let scenarios = try [1870, 1890].map { try BuiltinScenarios.scenario(named: "europe-\($0)") }
        var out: [Point] = []
        for l in lambdas {
            for e in epsilons {
                var scores: [Double] = []
                for (k, year) in [1870, 1890].enumerated() {
                    let a = try AllianceAnalysis(scenario: scenarios[k], threatModel: ThreatModel(lengthKm: l, epsilon: e), alignment: alignment)
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
