import Foundation

/// The logistic-regression baseline: P(alliance) = σ(β · x) with x = (1, rivalry, land contiguity (COW type 1),
/// any contiguity (types 1–5), log capital distance in km, |log(CINC_i / CINC_j)|), fitted by ``LogisticRegression``
/// (ridge 10⁻³) on the dyad-years of the fitting years. `pSameSide` = the same probability (pairs that ally fight
/// together). Inputs of year t only (with the hindsight caveats of the data README for rivalries). O(n²) per year.
public struct LogisticBaselineModel: DyadModel {
    /// The fitted regression (coefficients in the order of ``featureNames``).
    public let regression: LogisticRegression
    /// "logistic".
    public var name: String { "logistic" }
    /// Names of the features, intercept first.
    public static let featureNames = [
        "intercept", "rivalry", "land contiguity", "any contiguity", "log capital distance", "|log capability ratio|",
    ]

    /// A model with given coefficients. O(1).
    public init(regression: LogisticRegression) { self.regression = regression }

    /// The feature row of a pair in a year. O(n).
    public static func features(_ d: GreatPowerDyad, in year: GreatPowerYear) -> [Double] {
        let c1 = year.power(ccode: d.ccode1)?.cinc ?? 0, c2 = year.power(ccode: d.ccode2)?.cinc ?? 0
        let ratio = c1 > 0 && c2 > 0 ? abs(log(c1 / c2)) : 0
        return [
            1, d.rivalry ? 1 : 0, d.landContiguous ? 1 : 0, d.contiguous ? 1 : 0, log(max(d.capitalDistanceKm, 1)),
            ratio,
        ]
    }

    /// Fits on every pair of every year in `years` (known outcomes required). O(iterations · dyad-years).
    public static func fit(history: GreatPowerHistory, years: ClosedRange<Int>) throws -> LogisticBaselineModel {
        var x: [[Double]] = [], y: [Bool] = []
        for t in years {
            let gy = try history.year(t)
            let o = try history.allianceOutcomes(year: t)
            for (k, d) in gy.dyads.enumerated() { x.append(features(d, in: gy)); y.append(o[k]) }
        }
        return LogisticBaselineModel(regression: try LogisticRegression.fit(x: x, y: y, ridge: 1e-3))
    }

    /// σ(β · x) for every pair. O(n³) (feature lookup).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        let gy = try history.year(year)
        return gy.dyads.map {
            let p = regression.probability(Self.features($0, in: gy))
            return DyadPrediction(year: year, ccode1: $0.ccode1, ccode2: $0.ccode2, pAlliance: p, pSameSide: p)
        }
    }
}
