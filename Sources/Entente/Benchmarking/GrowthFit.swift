import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics
import Foundation

/// Least-squares growth laws for solver times t(n): polynomial t ≈ a·nᵇ (a line in log t against log n) and
/// exponential t ≈ a·cⁿ (a line in log t against n). Both have two parameters and the same response (log t), so the
/// smaller residual sum of squares says which law fits better — with three sizes or more (two points fit both laws
/// exactly). O(points).
public struct GrowthFit: Sendable, Equatable {
    /// The exponent b of the polynomial fit.
    public let exponent: Double
    /// The base c of the exponential fit.
    public let base: Double
    /// Residual sum of squares of log t for the polynomial fit.
    public let polynomialResidual: Double
    /// Residual sum of squares of log t for the exponential fit.
    public let exponentialResidual: Double

    /// Number of distinct sizes fitted.
    public let sizeCount: Int
    /// Whether the laws can be told apart: three sizes or more.
    public var isComparable: Bool { sizeCount >= 3 }
    /// Whether the polynomial law fits at least as well as the exponential one.
    public var polynomialFitsBetter: Bool { polynomialResidual <= exponentialResidual }

    /// Fits points (n, t) with n ≥ 1 and t > 0 finite; nil with fewer than two distinct sizes.
    public init?(sizes: [Int], seconds: [Double]) {
        let points = zip(sizes, seconds).filter { $0.0 >= 1 && $0.1 > 0 && $0.1.isFinite }
        guard Set(points.map(\.0)).count >= 2 else { return nil }
        let y = points.map { log($0.1) }
        let logN = points.map { log(Double($0.0)) }, n = points.map { Double($0.0) }
        let (bp, rp) = GrowthFit.line(logN, y), (be, re) = GrowthFit.line(n, y)
        sizeCount = Set(points.map(\.0)).count
        exponent = bp
        base = exp(be)
        polynomialResidual = rp
        exponentialResidual = re
    }

    /// Slope and residual sum of squares of the least-squares line y ≈ α + βx.
    static func line(_ x: [Double], _ y: [Double]) -> (slope: Double, residual: Double) {
        let k = Double(x.count)
        let mx = x.reduce(0, +) / k, my = y.reduce(0, +) / k
        var sxx = 0.0, sxy = 0.0
        for (a, b) in zip(x, y) {
            sxx += (a - mx) * (a - mx)
            sxy += (a - mx) * (b - my)
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        let residual = zip(x, y).reduce(0.0) { acc, p in
            let r = p.1 - (my + slope * (p.0 - mx))
            return acc + r * r
        }
        return (slope, residual)
    }
}
