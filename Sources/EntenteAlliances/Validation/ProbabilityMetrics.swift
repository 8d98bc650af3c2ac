import Foundation

/// Scoring rules for binary outcomes: mean log loss, Brier score, AUC and accuracy.
///
/// Log loss clips every probability to [``clip``, 1 − ``clip``] = [10⁻³, 1 − 10⁻³] first, so one confident miss
/// costs at most −log(10⁻³) ≈ 6.91 (and "nobody allies" at p = 10⁻³ is the clip itself). All O(m), AUC O(m log m).
public enum ProbabilityMetrics {
    /// The clip applied before the logarithm: 10⁻³.
    public static let clip = 1e-3

    /// Mean −[y log p + (1 − y) log(1 − p)] with p clipped to [10⁻³, 1 − 10⁻³]; NaN for no observations. O(m).
    public static func logLoss(_ p: [Double], _ y: [Bool]) -> Double {
        guard !p.isEmpty else { return .nan }
        var s = 0.0
        for (q, o) in zip(p, y) {
            let c = min(max(q, clip), 1 - clip)
            s -= o ? log(c) : log(1 - c)
        }
        return s / Double(p.count)
    }

    /// Mean (p − y)²; NaN for no observations. O(m).
    public static func brier(_ p: [Double], _ y: [Bool]) -> Double {
        guard !p.isEmpty else { return .nan }
        var s = 0.0
        for (q, o) in zip(p, y) { let d = q - (o ? 1 : 0); s += d * d }
        return s / Double(p.count)
    }

    /// Share of observations with (p ≥ threshold) == y. O(m).
    public static func accuracy(_ p: [Double], _ y: [Bool], threshold: Double = 0.5) -> Double {
        guard !p.isEmpty else { return .nan }
        return Double(zip(p, y).filter { ($0.0 >= threshold) == $0.1 }.count) / Double(p.count)
    }

    /// Area under the ROC curve = the Mann–Whitney statistic: (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋), R₊ the rank sum of the
    /// positives, tied scores getting their average rank (so a tie between a positive and a negative counts ½).
    /// `nil` if either class is empty. O(m log m).
    public static func auc(_ p: [Double], _ y: [Bool]) -> Double? {
        let pos = y.filter { $0 }.count, neg = y.count - pos
        guard pos > 0, neg > 0 else { return nil }
        let order = p.indices.sorted { p[$0] < p[$1] }
        var ranks = [Double](repeating: 0, count: p.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && p[order[j + 1]] == p[order[i]] { j += 1 }
            let r = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = r }
            i = j + 1
        }
        var sum = 0.0
        for k in y.indices where y[k] { sum += ranks[k] }
        return (sum - Double(pos) * Double(pos + 1) / 2) / (Double(pos) * Double(neg))
    }
}
