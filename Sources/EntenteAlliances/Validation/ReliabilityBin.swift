/// One bin of a reliability diagram (calibration curve): the dyad-years whose predicted pAlliance lies in
/// [lower, upper) (the last bin includes 1), their mean prediction and observed alliance rate.
public struct ReliabilityBin: Sendable, Equatable {
    /// Bin edges.
    public let lower: Double, upper: Double
    /// Dyad-years in the bin.
    public let count: Int
    /// Mean predicted probability and observed share allied (NaN for an empty bin).
    public let meanPredicted: Double, observedRate: Double

    /// Memberwise initialiser. O(1).
    public init(lower: Double, upper: Double, count: Int, meanPredicted: Double, observedRate: Double) {
        self.lower = lower; self.upper = upper; self.count = count; self.meanPredicted = meanPredicted;
        self.observedRate = observedRate
    }

    /// `bins` equal-width bins of [0, 1] over predictions `p` and outcomes `y`. O(m + bins).
    public static func bins(_ p: [Double], _ y: [Bool], count bins: Int = 10) -> [ReliabilityBin] {
        var n = [Int](repeating: 0, count: bins), sp = [Double](repeating: 0, count: bins),
            sy = [Double](repeating: 0, count: bins)
        for (q, o) in zip(p, y) {
            let b = min(bins - 1, max(0, Int(q * Double(bins))))
            n[b] += 1; sp[b] += q; sy[b] += o ? 1 : 0
        }
        return (0..<bins).map { b in
            ReliabilityBin(
                lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: n[b],
                meanPredicted: n[b] > 0 ? sp[b] / Double(n[b]) : .nan,
                observedRate: n[b] > 0 ? sy[b] / Double(n[b]) : .nan)
        }
    }
}
