/// The persistence baseline: the alliances of an origin year persist. A pair allied (defense or offense) in the origin
/// year gets the allied share, over the fitting years, of the pairs that were allied in their origin year; every other
/// pair gets the allied share of the pairs that were not (both shares with add-one smoothing, (k + 1)/(n + 2)).
/// `pSameSide` is the same probability (pairs that ally fight together), as for the logistic baseline.
///
/// The origins are those of the alliance game's forecast (``AllianceGameModel``): the fitting window's first year for
/// the years inside the window, its last year for the years after it, none before it (every pair "not allied"). It
/// uses the same observed alliances as the game's forecast and nothing else, so it is the baseline that separates
/// what the game adds to its starting point from what the starting point alone predicts — the simple alternative a
/// forecast started from observed alliances has to beat. O(n²) per year; fitting O(dyad-years).
public struct PersistenceModel: DyadModel {
    /// The fitting window (it fixes the origins).
    public let fitYears: ClosedRange<Int>
    /// P(allied) for a pair allied in its origin year, fitted on the fitting years.
    public let pAlliedAtOrigin: Double
    /// P(allied) for every other pair, fitted on the fitting years.
    public let pNotAlliedAtOrigin: Double
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

    /// Fits the two rates on `years` (known outcomes required; throws ``HistoryError`` otherwise). O(dyad-years).
    public static func fit(history: GreatPowerHistory, years: ClosedRange<Int>) throws -> PersistenceModel {
        var pairs: [Int: Set<[Int]>] = [:]
        for origin in [years.lowerBound, years.upperBound] {
            let gy = try history.year(origin)
            let o = try history.allianceOutcomes(year: origin)
            pairs[origin] = Set(zip(gy.dyads, o).filter(\.1).map { [$0.0.ccode1, $0.0.ccode2] })
        }
        var counts = [[0, 0], [0, 0]]  // [allied at origin][allied now]
        for y in years {
            let gy = try history.year(y)
            let o = try history.allianceOutcomes(year: y)
            let atOrigin = pairs[years.lowerBound]!
            for (d, allied) in zip(gy.dyads, o) {
                counts[atOrigin.contains([d.ccode1, d.ccode2]) ? 1 : 0][allied ? 1 : 0] += 1
            }
        }
        func rate(_ c: [Int]) -> Double { Double(c[1] + 1) / Double(c[0] + c[1] + 2) }
        return PersistenceModel(
            fitYears: years, pAlliedAtOrigin: rate(counts[1]), pNotAlliedAtOrigin: rate(counts[0]),
            alliedPairs: pairs)
    }

    /// Each pair's rate, by whether it was allied in the year's origin. O(n²).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        let allied = PersistenceModel.origin(of: year, fitYears: fitYears).flatMap { alliedPairs[$0] } ?? []
        return try history.year(year).dyads.map {
            let p = allied.contains([$0.ccode1, $0.ccode2]) ? pAlliedAtOrigin : pNotAlliedAtOrigin
            return DyadPrediction(year: year, ccode1: $0.ccode1, ccode2: $0.ccode2, pAlliance: p, pSameSide: p)
        }
    }
}
