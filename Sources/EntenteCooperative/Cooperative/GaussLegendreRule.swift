import Foundation

/// Gauss–Legendre quadrature on [0, 1]: m nodes integrate every polynomial of degree ≤ 2m − 1 exactly (Gauss 1814;
/// computed as in Golub & Welsch 1969's characterisation, here by Newton's method on Pₘ in the angle θ, x = cos θ).
///
/// Nodes are returned as pairs (t, 1 − t) for t ≤ ½, both computed to full relative accuracy (t = sin²(θ/2),
/// 1 − t = cos²(θ/2)), so nodes near 0 and near 1 are equally accurate. O(m²) time, O(m) memory; the weights sum to 1
/// within a few ulps.
struct GaussLegendreRule: Sendable {
    /// Nodes t ≤ ½ in increasing order (the rule also has the mirrored nodes 1 − t).
    let lower: [Double]
    /// 1 − t for each lower node, computed without cancellation.
    let upper: [Double]
    /// The quadrature weight of the node t (and of its mirror 1 − t) on [0, 1].
    let weights: [Double]
    /// Whether the last lower node is t = ½ itself (m odd): it has no separate mirror.
    let hasMiddle: Bool

    /// The m-point rule; `m ≥ 1`.
    init(points m: Int) {
        precondition(m >= 1)
        let half = (m + 1) / 2
        var lower = [Double](), upper = [Double](), weights = [Double]()
        lower.reserveCapacity(half)
        upper.reserveCapacity(half)
        weights.reserveCapacity(half)
        let md = Double(m)
        for k in 1...half {
            // Roots of Pₘ(cos θ) in (0, π/2]: θₖ ≈ π(k − ¼)/(m + ½) (Tricomi), refined by Newton in θ.
            var theta = m % 2 == 1 && k == half ? Double.pi / 2 : Double.pi * (Double(k) - 0.25) / (md + 0.5)
            var pm = 0.0, pm1 = 0.0
            for _ in 0..<12 {
                (pm, pm1) = GaussLegendreRule.legendre(m, cos(theta))
                let x = cos(theta), s = sin(theta)
                // d/dθ Pₘ(cos θ) = −m (Pₘ₋₁ − x Pₘ) / sin θ.
                let derivative = -md * (pm1 - x * pm) / s
                let step = pm / derivative
                theta -= step
                if abs(step) <= 1e-15 * theta { break }
            }
            (pm, pm1) = GaussLegendreRule.legendre(m, cos(theta))
            let x = cos(theta), s = sin(theta)
            let d = pm1 - x * pm
            // Weight on [−1, 1]: 2 sin²θ / (m² (Pₘ₋₁ − x Pₘ)²); on [0, 1] half of it.
            weights.append(s * s / (md * md * d * d))
            let h = sin(theta / 2), c = cos(theta / 2)
            lower.append(h * h)
            upper.append(c * c)
        }
        self.lower = lower
        self.upper = upper
        self.weights = weights
        hasMiddle = m % 2 == 1
    }

    /// (Pₘ(x), Pₘ₋₁(x)) by the three-term recurrence (Bonnet), stable for x ∈ [−1, 1].
    static func legendre(_ m: Int, _ x: Double) -> (Double, Double) {
        var p0 = 1.0, p1 = x
        if m == 0 { return (1, 0) }
        if m >= 2 {
            for k in 1..<m {
                let kd = Double(k)
                let p2 = ((2 * kd + 1) * x * p1 - kd * p0) / (kd + 1)
                p0 = p1
                p1 = p2
            }
        }
        return (p1, p0)
    }
}
