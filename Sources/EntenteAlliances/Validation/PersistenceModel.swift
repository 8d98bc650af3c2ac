/// The persistence baseline: the alliances of an origin year persist, and fade with time. P(allied in year t) is a
/// logistic regression (``LogisticRegression``, fitted on the fitting years) on whether the pair was allied (defense
/// or offense) in its origin year and, for such a pair, on the years since the origin:
/// p = σ(β₀ + β₁·a + β₂·a·(t − origin)), a ∈ {0, 1}. `pSameSide` is the same probability (pairs that ally fight
/// together), as for the logistic baseline.
///
/// The origins are those of the alliance game's forecast (``AllianceGameModel``): the fitting window's first year for
/// the years inside the window, its last year for the years after it, none before it (every pair "not allied"). It
/// uses the same observed alliances as the game's forecasts and nothing else, so it separates what a forecast started
/// at observed alliances adds to its starting point from what the starting point alone predicts — the simple
/// alternative such a forecast has to beat. O(n²) per year; fitting O(dyad-years).
public struct PersistenceModel: DyadModel {
    /// The fitting window (it fixes the origins).
    public let fitYears: ClosedRange<Int>
    /// β₀ (intercept), β₁ (allied at origin), β₂ (years since origin, for pairs allied at origin).
    public let regression: LogisticRegression
    /// Allied pairs (ccode1 < ccode2) of each origin year.
    let alliedPairs: [Int: Set<[Int]>]

    /// "persistence".
    public var name: String { "persistence" }

    /// The origin year of the forecast for `year`: the window's first year inside it, its last year after it, nil
    /// before it. O(1).
    public static func origin(of year: Int, fitYears: ClosedRange<Int>) -> Int? {
        if fitYears.contains(year) { return fitYears.lowerBound }
        return year > fitYears.upperBound ? fitYears.upperBound : nil
    }

    /// Fits the regression on `years` (known outcomes required; throws ``HistoryError`` otherwise, or
    /// ``LinearAlgebraError`` if the fit is singular). O(dyad-years).
    public static func fit(history: GreatPowerHistory, years: ClosedRange<Int>) throws -> PersistenceModel {
        var pairs: [Int: Set<[Int]>] = [:]
        for origin in [years.lowerBound, years.upperBound] { pairs[origin] = try history.alliedPairs(year: origin) }
        var x: [[Double]] = [], y: [Bool] = []
        for t in years {
            let gy = try history.year(t)
            let o = try history.allianceOutcomes(year: t)
            let atOrigin = pairs[years.lowerBound]!
            for (d, allied) in zip(gy.dyads, o) {
                x.append(row(allied: atOrigin.contains([d.ccode1, d.ccode2]), age: t - years.lowerBound))
                y.append(allied)
            }
        }
        return PersistenceModel(
            fitYears: years, regression: try LogisticRegression.fit(x: x, y: y, ridge: 1e-3), alliedPairs: pairs)
    }

    /// The design row (1, a, a·age).
    static func row(allied: Bool, age: Int) -> [Double] {
        let a: Double = allied ? 1 : 0
        return [1, a, a * Double(age)]
    }

    /// The fitted probability of every pair. O(n²).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        let origin = PersistenceModel.origin(of: year, fitYears: fitYears)
        let allied = origin.flatMap { alliedPairs[$0] } ?? []
        return try history.year(year).dyads.map {
            let p = regression.probability(
                PersistenceModel.row(allied: allied.contains([$0.ccode1, $0.ccode2]), age: year - (origin ?? year)))
            return DyadPrediction(year: year, ccode1: $0.ccode1, ccode2: $0.ccode2, pAlliance: p, pSameSide: p)
        }
    }
}
