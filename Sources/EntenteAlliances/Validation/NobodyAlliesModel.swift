/// The "nobody allies" baseline: `pAlliance` = 10⁻³ (the clip of ``ProbabilityMetrics/clip``) for every pair,
/// `pSameSide` = 0.5 (no view on war line-ups). O(n²) per year.
public struct NobodyAlliesModel: DyadModel {
    /// "nobody".
    public var name: String { "nobody" }
    /// The baseline. O(1).
    public init() {}
    /// 10⁻³ and 0.5 for every pair. O(n²).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        try history.year(year).dyads.map {
            DyadPrediction(
                year: year, ccode1: $0.ccode1, ccode2: $0.ccode2, pAlliance: ProbabilityMetrics.clip, pSameSide: 0.5)
        }
    }
}
