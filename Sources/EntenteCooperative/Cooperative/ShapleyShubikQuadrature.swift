/// The Shapley–Shubik index of a weighted majority game by Owen's multilinear extension, integrated exactly by
/// Gauss–Legendre quadrature, with one O(W) weight distribution per quadrature node.
///
/// Owen (1972, "Multilinear extensions of games"): φᵢ = ∫₀¹ Bᵢ(p) dp, where Bᵢ(p) is the probability that player i
/// swings a coalition S ⊆ N∖{i} drawn by including every other player independently with probability p, i.e. that
/// w(S) ∈ [T − wᵢ, T). Bᵢ is a polynomial of degree ≤ n′ − 1 (n′ players of positive weight), so the ⌈n′/2⌉-point
/// Gauss–Legendre rule gives the integral exactly up to rounding. At each node t ≤ ½:
///
/// 1. one forward pass builds Pₜ(w) = Pr[w(S) = w] for w < U = max(T, W − T + 1) over all players (O(n′·U), in place,
///    vectorised, values are probabilities so nothing overflows);
/// 2. compensated (double-double) prefix sums of Pₜ give any block sum to ≈ ε relative accuracy;
/// 3. "un-adding" player i (Bilbao, Fernández, Jiménez Losada & López 2000; Uno 2012) satisfies
///    Qᵢ(w) = Σⱼ (−r)ʲ Pₜ(w − j·wᵢ)/(1 − t), r = t/(1 − t) ≤ 1, so the window sum over [T − wᵢ, T) is an alternating
///    sum of ⌈T/wᵢ⌉ block sums: O(T/wᵢ) per distinct weight, no per-player table.
/// 4. The mirrored node 1 − t needs no second pass: by complementation, Bᵢ(1 − t) is the probability under t that the
///    players outside S weigh in [T′ − wᵢ, T′) with T′ = W − T + 1, read from the same prefix sums.
///
/// Cost: ⌈⌈n′/2⌉/2⌉ forward passes, ≈ n′²·U/4 cell updates in all; memory 3·U doubles (no n·W table).
/// Tolerance: every Pₜ(w) carries a relative error ≤ 2n′ε (each step is a convex combination of non-negative
/// terms); the alternating sum multiplies the error of block j by rʲ ≤ 1 and the blocks of Pₜ sum to ≤ 1, so each
/// Bᵢ(t) is within ≈ 4n′ε absolutely and so is φᵢ (the weights sum to 1): about 1e-12 at n = 1000, and far less in
/// practice (see the tests against exact counting).
enum ShapleyShubikQuadrature {
    /// The size of the computation: `width` = U doubles per array, `passes` forward passes, `work` cell updates.
    struct Plan: Sendable {
        let width: Int
        let passes: Int
        let work: Int
    }

    /// Sizes the computation with checked arithmetic (`work` saturates at `Int.max`).
    static func plan(_ g: WeightedMajorityGame) -> Plan {
        let total = g.totalWeight, t = g.winningThreshold
        let width = max(t, total - t + 1, 1)
        let positive = g.weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        let points = (positive + 1) / 2
        let passes = (points + 1) / 2
        let (a, o1) = passes.multipliedReportingOverflow(by: positive)
        let (work, o2) = a.multipliedReportingOverflow(by: width)
        return Plan(width: width, passes: passes, work: o1 || o2 ? Int.max : work)
    }

    /// φᵢ for every player; the game must have 1 ≤ T ≤ W (callers handle the trivial games).
    static func values(_ g: WeightedMajorityGame) -> [Double] {
        let total = g.totalWeight, threshold = g.winningThreshold
        let blocking = total - threshold + 1  // T′: the complement side of the mirrored node
        let width = max(threshold, blocking)
        let positive = g.weights.filter { $0 > 0 }
        guard !positive.isEmpty else { return [Double](repeating: 0, count: g.playerCount) }
        let distinct = Array(Set(positive)).sorted()
        let rule = GaussLegendreRule(points: (positive.count + 1) / 2)
        var sums = [Double](repeating: 0, count: distinct.count)
        var p = [Double](repeating: 0, count: width)
        var hi = [Double](repeating: 0, count: width + 1), lo = [Double](repeating: 0, count: width + 1)
        for node in rule.lower.indices {
            let t = rule.lower[node], s = rule.upper[node], a = rule.weights[node]
            let middle = rule.hasMiddle && node == rule.lower.count - 1
            p.withUnsafeMutableBufferPointer { pb in
                let base = pb.baseAddress!
                base[0] = 1
                for w in 1..<width { base[w] = 0 }
                // Cells at or above the weight of the players added so far are still 0: skip them.
                var reach = 1
                for wj in positive {
                    reach = min(width, reach + wj)
                    addPlayer(base, width: reach, weight: wj, stay: s, join: t)
                }
            }
            prefixSums(p, hi: &hi, lo: &lo)
            let r = t / s, inverse = 1 / s
            hi.withUnsafeBufferPointer { hb in
                lo.withUnsafeBufferPointer { lb in
                    for (d, v) in distinct.enumerated() {
                        var b = window(hb, lb, top: threshold, weight: v, ratio: r)
                        if !middle { b += window(hb, lb, top: blocking, weight: v, ratio: r) }
                        sums[d] += a * b * inverse
                    }
                }
            }
        }
        var index = [Int: Int]()
        for (d, v) in distinct.enumerated() { index[v] = d }
        return g.weights.map { $0 > 0 ? max(0, sums[index[$0]!]) : 0 }
    }

    /// P ← (1 − t)·P + t·shift(P, w) on [0, width) (P is 0 from `width` on), in place from the top down (every read of P[x − w] happens before
    /// P[x − w] is overwritten, also inside one vector), eight lanes at a time.
    @inline(__always)
    static func addPlayer(
        _ base: UnsafeMutablePointer<Double>, width: Int, weight wj: Int, stay s: Double, join t: Double
    ) {
        let raw = UnsafeMutableRawPointer(base)
        let stride = MemoryLayout<Double>.stride
        if wj >= width {
            for w in 0..<width { base[w] *= s }
            return
        }
        let vs = SIMD8<Double>(repeating: s), vt = SIMD8<Double>(repeating: t)
        var top = width
        while top - 8 >= wj {
            let i = top &- 8
            let x = raw.loadUnaligned(fromByteOffset: i &* stride, as: SIMD8<Double>.self)
            let y = raw.loadUnaligned(fromByteOffset: (i &- wj) &* stride, as: SIMD8<Double>.self)
            raw.storeBytes(of: vs * x + vt * y, toByteOffset: i &* stride, as: SIMD8<Double>.self)
            top = i
        }
        var w = top &- 1
        while w >= wj {
            base[w] = s * base[w] + t * base[w &- wj]
            w &-= 1
        }
        for w in 0..<wj { base[w] *= s }
    }

    /// hi[x] + lo[x] = Σ_{w < x} P[w] to ≈ ε² relative accuracy (Knuth's TwoSum; Ogita, Rump & Oishi 2005).
    static func prefixSums(_ p: [Double], hi: inout [Double], lo: inout [Double]) {
        var sh = 0.0, sl = 0.0
        hi[0] = 0
        lo[0] = 0
        for w in p.indices {
            let x = p[w]
            let sum = sh + x
            let bp = sum - sh
            sl += (sh - (sum - bp)) + (x - bp)
            sh = sum
            hi[w + 1] = sh
            lo[w + 1] = sl
        }
    }

    /// Σ_{x ∈ [top − v, top)} Q(x)·(1 − t), Q the distribution without one player of weight v:
    /// Σⱼ (−r)ʲ · (block of P over [top − (j+1)v, top − jv)). O(top / v).
    @inline(__always)
    static func window(
        _ hi: UnsafeBufferPointer<Double>, _ lo: UnsafeBufferPointer<Double>, top: Int, weight v: Int,
        ratio r: Double
    ) -> Double {
        var upper = top, coefficient = 1.0, total = 0.0
        while upper > 0 && coefficient != 0 {
            let lower = max(0, upper - v)
            total += coefficient * ((hi[upper] - hi[lower]) + (lo[upper] - lo[lower]))
            coefficient *= -r
            upper = lower
        }
        return total
    }
}
