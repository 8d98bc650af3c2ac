import Foundation

/// A monotone (non-decreasing) map from a model's raw probability to a calibrated one: Platt scaling on the logit,
/// p = σ(a + b · logit(raw)) with slope b ≥ 0, fitted by maximum likelihood (``LogisticRegression``, ridge 10⁻⁶) on
/// the fitting years. If the unconstrained slope is negative, the constrained optimum has b = 0 (a concave
/// likelihood in b restricted to b ≥ 0), i.e. the base rate. Raw values are clipped to [10⁻⁶, 1 − 10⁻⁶] before the
/// logit. Chosen over isotonic regression because it is smooth, strictly increasing when b > 0 (no ties that erase
/// the model's ranking) and has two parameters, which the ≈ 1 000 fitting dyad-years determine well.
///
/// Reference: Platt (1999), "Probabilistic outputs for support vector machines". Fit O(iterations · m), apply O(1).
public struct MonotoneCalibration: Sendable, Equatable {
    /// Intercept a and slope b ≥ 0 on the logit scale.
    public let intercept: Double, slope: Double

    /// The identity map (a = 0, b = 1). O(1).
    public static let identity = MonotoneCalibration(intercept: 0, slope: 1)

    /// A map with given parameters; the slope must be ≥ 0 (it is clamped). O(1).
    public init(intercept: Double, slope: Double) {
        self.intercept = intercept
        self.slope = max(0, slope)
    }

    /// Fits the map on raw probabilities and outcomes (same length, non-empty). O(iterations · m).
    public static func fit(raw: [Double], outcomes: [Bool]) throws -> MonotoneCalibration {
        let rows = raw.map { [1, LogisticRegression.logit(clipRaw($0))] }
        let full = try LogisticRegression.fit(x: rows, y: outcomes, ridge: 1e-6)
        if full.coefficients[1] >= 0 {
            return MonotoneCalibration(intercept: full.coefficients[0], slope: full.coefficients[1])
        }
        let rate = Double(outcomes.filter { $0 }.count) / Double(max(outcomes.count, 1))
        let r = min(max(rate, 1e-6), 1 - 1e-6)
        return MonotoneCalibration(intercept: LogisticRegression.logit(r), slope: 0)
    }

    /// The calibrated probability σ(a + b · logit(clip(raw))). O(1).
    public func callAsFunction(_ raw: Double) -> Double {
        LogisticRegression.sigmoid(intercept + slope * LogisticRegression.logit(Self.clipRaw(raw)))
    }

    static func clipRaw(_ p: Double) -> Double { min(max(p.isNaN ? 0.5 : p, 1e-6), 1 - 1e-6) }
}
