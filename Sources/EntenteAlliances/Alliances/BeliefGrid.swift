/// Public beliefs about one actor's private type on a grid, updated by Bayes' rule after a noisy public signal
/// (Bayesian persuasion by costly signals, Kydd 2005).
///
/// Each period a signal s ∈ {1 ("looks power-acquiring"), 0} arrives with Pr(s = 1 | PA) = a and Pr(s = 1 | SQ) = 1 − a,
/// a the accuracy. Bayes: p′₁ = p·a / (p·a + (1−p)(1−a)), p′₀ = p(1−a) / (p(1−a) + (1−p)a). A posterior between two grid
/// points is represented by the lottery over them with the same mean — the Markov-chain form of linear interpolation,
/// so beliefs stay a martingale under the predictive signal law and 0 and 1 (certainty) are absorbing.
public struct BeliefGrid: Sendable, Equatable {
    public static func == (a: BeliefGrid, b: BeliefGrid) -> Bool { a.points == b.points && a.accuracy == b.accuracy }

    /// Number of grid points G ≥ 2: beliefs k/(G − 1), k = 0 … G − 1.
    public let points: Int
    /// Signal accuracy a ∈ [½, 1): ½ is uninformative.
    public let accuracy: Double
    /// `kernel[t][k]`: successors (grid index, probability) of grid point k when the actor's true type is t
    /// (0 = status quo, 1 = power-acquiring), over both signals and the interpolation lottery.
    let kernel: [[[(Int, Double)]]]

    /// A grid of `points` beliefs and signals of the given accuracy. Throws for fewer than 2 points or an accuracy
    /// outside [½, 1). Complexity O(G).
    public init(points: Int = 11, accuracy: Double = 0.8) throws(DynamicsError) {
        guard points >= 2, points <= 1001 else {
            throw .invalidParameter(name: "belief grid points (must be in 2…1001)")
        }
        guard accuracy >= 0.5, accuracy < 1 else {
            throw .invalidParameter(name: "signal accuracy (must be in [0.5, 1))")
        }
        self.points = points
        self.accuracy = accuracy
        var kernel: [[[(Int, Double)]]] = [[], []]
        for t in 0..<2 {
            let pHigh = t == 1 ? accuracy : 1 - accuracy
            for k in 0..<points {
                let p = Double(k) / Double(points - 1)
                var row: [Int: Double] = [:]
                for (signal, w) in [(true, pHigh), (false, 1 - pHigh)] where w > 0 {
                    for (j, q) in BeliefGrid.lottery(
                        BeliefGrid.posterior(p, signal: signal, accuracy: accuracy), points: points)
                    {
                        row[j, default: 0] += w * q
                    }
                }
                kernel[t].append(row.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            }
        }
        self.kernel = kernel
    }

    /// The belief at grid index k.
    public func value(_ k: Int) -> Double { Double(k) / Double(points - 1) }

    /// Bayes' rule after one signal: the posterior probability of power-acquiring.
    public static func posterior(_ p: Double, signal: Bool, accuracy a: Double) -> Double {
        let num = signal ? p * a : p * (1 - a)
        let den = signal ? p * a + (1 - p) * (1 - a) : p * (1 - a) + (1 - p) * a
        return den > 0 ? num / den : p
    }

    /// The mean-preserving lottery over the two grid points around p (one point if p lies on the grid).
    public func lottery(_ p: Double) -> [(index: Int, probability: Double)] {
        BeliefGrid.lottery(p, points: points).map { (index: $0.0, probability: $0.1) }
    }

    static func lottery(_ p: Double, points: Int) -> [(Int, Double)] {
        let x = min(max(p, 0), 1) * Double(points - 1)
        let lo = Int(x.rounded(.down))
        let frac = x - Double(lo)
        if frac < 1e-12 || lo >= points - 1 { return [(min(lo, points - 1), 1)] }
        if frac > 1 - 1e-12 { return [(lo + 1, 1)] }
        return [(lo, 1 - frac), (lo + 1, frac)]
    }

    /// Successor distribution of grid point k when the true type is power-acquiring (`true`) or status quo.
    public func successors(of k: Int, powerAcquiring: Bool) -> [(index: Int, probability: Double)] {
        kernel[powerAcquiring ? 1 : 0][k].map { (index: $0.0, probability: $0.1) }
    }
}
