/// The constant base-rate baseline: every pair gets the share of allied dyad-years (defense or offense) in the
/// fitting years, and the share of same-side pairs among the great-power war pairs whose wars started in the fitting
/// years as `pSameSide` (0.5 if there are none). O(n²) per year.
public struct BaseRateModel: DyadModel {
    /// The constant probabilities.
    public let pAlliance: Double, pSameSide: Double
    /// "base-rate".
    public var name: String { "base-rate" }

    /// A constant model. O(1).
    public init(pAlliance: Double, pSameSide: Double) {
        self.pAlliance = pAlliance; self.pSameSide = pSameSide
    }

    /// Fits the two rates on `years` (which must have known outcomes). O(dyad-years).
    public static func fit(history: GreatPowerHistory, years: ClosedRange<Int>) throws -> BaseRateModel {
        var allied = 0, total = 0
        for y in years {
            let o = try history.allianceOutcomes(year: y)
            allied += o.filter { $0 }.count
            total += o.count
        }
        let pairs = try history.wars(startingIn: years).flatMap(\.pairs)
        let same = pairs.filter(\.sameSide).count
        return BaseRateModel(
            pAlliance: total > 0 ? Double(allied) / Double(total) : 0.5,
            pSameSide: pairs.isEmpty ? 0.5 : Double(same) / Double(pairs.count))
    }

    /// The constants for every pair. O(n²).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        try history.year(year).dyads.map {
            DyadPrediction(year: year, ccode1: $0.ccode1, ccode2: $0.ccode2, pAlliance: pAlliance, pSameSide: pSameSide)
        }
    }
}
