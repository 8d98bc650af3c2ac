import BigInt

/// A power index: floats for every player, with exact fractions when the method was exact.
public struct PowerIndex: Sendable {
    /// The index, normalised to sum to 1 (Shapley–Shubik sums to 1 by construction).
    public let values: [Double]
    /// Exact values as fractions (enumeration method, n ≤ ``PowerIndices/exactPlayerLimit``); nil otherwise.
    public let exact: [Rational]?
    /// Raw (non-normalised) Banzhaf index: swings / 2ⁿ⁻¹. Equal to `values` for Shapley–Shubik.
    public let raw: [Double]
    /// The method used.
    public let method: Computation

    /// How an index was computed; `description` is the name printed in reports and JSON.
    public enum Computation: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Exact enumeration of all coalitions in integer arithmetic.
        case enumeration
        /// Enumeration of all coalitions with floating-point accumulation (huge weights, n ≤ 25).
        case floatingPointEnumeration = "enumeration (floating point)"
        /// Pseudo-polynomial counting dynamic programme in floating point.
        case dynamicProgramming = "dynamic-programming"

        public var description: String { rawValue }
    }
}

/// Banzhaf (1965; Penrose 1946) and Shapley–Shubik (1954) power indices of weighted majority games.
///
/// Up to ``exactPlayerLimit`` players the indices are exact: all 2ⁿ coalitions are enumerated with
/// incrementally computed weights and integer pivot counts (O(n·2ⁿ)). Beyond, counting dynamic programmes
/// over coalition weights run in pseudo-polynomial time (Brams & Affuso 1976; Matsui & Matsui 2000):
/// Banzhaf O(n·T) by one generating-function pass and per-player deconvolution, Shapley–Shubik O(n²·W) with
/// a size dimension (rows k ≤ n/2, the rest by complement symmetry), where T is the winning threshold and W the total weight; memory O(n·W/2). DP tolerance: absolute error ≲ n·ε per entry; the
/// Shapley–Shubik result is checked for efficiency (Σ = 1 within 1e-9).
public enum PowerIndices {
    /// Largest n handled by exact enumeration.
    public static let exactPlayerLimit = 20
    /// Largest (⌊n/2⌋ + 1)·(W + 1) cells of the Shapley–Shubik DP table (4·10⁸ doubles = 3.2 GB by default).
    public static let defaultCellLimit = 400_000_000
    /// Largest number of cells (2·T, T the winning threshold) of the Banzhaf DP arrays: 10⁸ doubles = 800 MB.
    public static let banzhafCellLimit = 100_000_000
    /// Largest n for which Banzhaf swings are counted by direct enumeration of the 2ⁿ coalitions when the DP table
    /// would be too large (huge integer weights): O(n·2ⁿ) time, O(2^(n/2)) memory.
    public static let directEnumerationLimit = 25

    /// How to compute an index.
    public enum Method: String, Sendable, CaseIterable {
        /// Enumeration (exact) up to ``exactPlayerLimit`` players, dynamic programming beyond.
        case automatic
        /// Exact enumeration of all coalitions (n ≤ ``exactPlayerLimit``).
        case enumeration
        /// Pseudo-polynomial counting DP in floating point (any n).
        case dynamicProgramming
    }

    static func useEnumeration(_ g: WeightedMajorityGame, _ method: Method) throws(CooperativeError) -> Bool {
        switch method {
        case .automatic: return g.playerCount <= exactPlayerLimit
        case .enumeration:
            guard g.playerCount <= exactPlayerLimit else { throw .tooManyPlayers(n: g.playerCount, limit: exactPlayerLimit) }
            return true
        case .dynamicProgramming: return false
        }
    }

    /// Banzhaf index (normalised, with raw values).
    ///
    /// The DP needs 2·T cells (T the winning threshold); it is sized before allocating: beyond
    /// ``banzhafCellLimit`` the swings are counted by direct enumeration up to ``directEnumerationLimit`` players, and
    /// `.tableTooLarge` is thrown beyond that (never an allocation of terabytes for weights like 10¹²).
    public static func banzhaf(_ g: WeightedMajorityGame, method: Method = .automatic) throws(CooperativeError) -> PowerIndex {
        if try useEnumeration(g, method) { return enumerate(g).banzhaf }
        let n = g.playerCount, t = g.winningThreshold
        guard t > 0, t <= g.totalWeight else { return trivial(g, banzhaf: true) }
        if t > banzhafCellLimit / 2 {
            guard n <= directEnumerationLimit else {
                throw .tableTooLarge(cells: t.multipliedReportingOverflow(by: 2).overflow ? Int.max : 2 * t, limit: banzhafCellLimit)
            }
            return directBanzhaf(g)
        }
        // Probability that a random subset (each player with prob. 1/2) has weight w, for w < T.
        var p = [Double](repeating: 0, count: t)
        p[0] = 1
        for wj in g.weights where wj > 0 {
            if wj >= t { for w in 0..<t { p[w] *= 0.5 }; continue }
            for w in stride(from: t - 1, through: wj, by: -1) { p[w] = 0.5 * (p[w] + p[w - wj]) }
            for w in 0..<wj { p[w] *= 0.5 }
        }
        var raw = [Double](repeating: 0, count: n)
        var q = [Double](repeating: 0, count: t)
        for i in 0..<n {
            let wi = g.weights[i]
            if wi == 0 { continue }
            // Remove player i: p = (q + shift(q, wi)) / 2  ⇒  q[w] = 2p[w] − q[w − wi].
            for w in 0..<t { q[w] = 2 * p[w] - (w >= wi ? q[w - wi] : 0) }
            var s = 0.0
            for w in max(0, t - wi)..<t { s += q[w] }
            raw[i] = max(0, s)
        }
        let total = raw.reduce(0, +)
        return PowerIndex(values: raw.map { total > 0 ? $0 / total : 0 }, exact: nil, raw: raw, method: .dynamicProgramming)
    }

    /// Shapley–Shubik index.
    public static func shapleyShubik(_ g: WeightedMajorityGame, method: Method = .automatic,
                                     cellLimit: Int = defaultCellLimit) throws(CooperativeError) -> PowerIndex {
        if try useEnumeration(g, method) { return enumerate(g).shapleyShubik }
        let n = g.playerCount, t = g.winningThreshold, total = g.totalWeight
        guard t > 0, t <= total else { return trivial(g, banzhaf: false) }
        // Rows k ≤ h only: counts of larger subsets follow by complement symmetry, which keeps the
        // deconvolution below free of cancellation (each step subtracts at most a k/(n−k) ≤ 1 share).
        let h = n / 2
        let width = total + 1
        let (cells, overflow) = (h + 1).multipliedReportingOverflow(by: width)
        guard !overflow, cells <= cellLimit else { throw .tableTooLarge(cells: overflow ? Int.max : cells, limit: cellLimit) }
        // c[k][w] = (# size-k subsets of N with weight w) / C(n, k); row k at offset k·width.
        var c = [Double](repeating: 0, count: (h + 1) * width)
        c[0] = 1
        var added = 0
        var reach = 0
        for wj in g.weights {
            added += 1
            reach += wj
            for k in stride(from: min(added, h), through: 1, by: -1) {
                let f = Double(k) / Double(n - k + 1)
                let row = k * width, prev = (k - 1) * width
                if wj <= reach { for w in stride(from: reach, through: wj, by: -1) { c[row + w] += f * c[prev + w - wj] } }
            }
        }
        var values = [Double](repeating: 0, count: n)
        var d = [Double](repeating: 0, count: (h + 1) * width)
        for i in 0..<n {
            let wi = g.weights[i]
            if wi == 0 { continue }
            // d[k][w] = (# size-k subsets of N∖{i} with weight w) / C(n, k), for k ≤ h. Split loops on raw pointers
            // (no bounds or overflow checks, no branch) so they vectorise: this is the O(n²·W) hot spot.
            c.withUnsafeBufferPointer { cb in
                d.withUnsafeMutableBufferPointer { db in
                    let cp = cb.baseAddress!, dp = db.baseAddress!
                    for w in 0..<width { dp[w] = cp[w] }
                    if h >= 1 {
                        for k in 1...h {
                            let f = Double(k) / Double(n - k + 1)
                            let row = dp + k &* width, prev = dp + (k &- 1) &* width, src = cp + k &* width
                            let split = min(wi, width)
                            for w in 0..<split { row[w] = src[w] }
                            if split < width {
                                let shifted = prev - wi
                                for w in split..<width { row[w] = src[w] - f * shifted[w] }
                            }
                        }
                    }
                }
            }
            // SS_i = Σ_k Σ_{w ∈ [T−wᵢ, T)} count₋ᵢ[k][w] · k!(n−k−1)!/n!.
            var s = 0.0
            let lo = max(0, t - wi)
            for k in 0..<n {
                var window = 0.0
                if k <= h {
                    let row = k * width
                    for w in lo..<t { window += d[row + w] }
                    s += window / Double(n - k)
                } else {
                    // A k-subset of weight w has a complement in N∖{i} of size n−1−k and weight W − wᵢ − w.
                    let row = (n - 1 - k) * width
                    for w in lo..<t {
                        let cw = total - wi - w
                        if cw >= 0 && cw < width { window += d[row + cw] }
                    }
                    s += window / Double(k + 1)
                }
            }
            values[i] = max(0, s)
        }
        guard abs(values.reduce(0, +) - 1) <= 1e-9 else { throw .verificationFailed }
        return PowerIndex(values: values, exact: nil, raw: values, method: .dynamicProgramming)
    }

    /// Banzhaf swings by enumerating every coalition; weights of a mask are the sum of precomputed weights of its low
    /// and high halves (O(2^(n/2)) memory). Floating-point result, exact swing counts. O(n·2ⁿ).
    static func directBanzhaf(_ g: WeightedMajorityGame) -> PowerIndex {
        let n = g.playerCount, t = g.winningThreshold
        let lowBits = n / 2, highBits = n - lowBits
        func table(_ offset: Int, _ bits: Int) -> [Int] {
            var w = [Int](repeating: 0, count: 1 << bits)
            if bits > 0 { for m in 1..<(1 << bits) { w[m] = w[m & (m - 1)] + g.weights[offset + (m & -m).trailingZeroBitCount] } }
            return w
        }
        let low = table(0, lowBits), high = table(lowBits, highBits)
        var swings = [Int](repeating: 0, count: n)
        let lowMask = (1 << lowBits) - 1
        for m in 0..<(1 << n) {
            let w = low[m & lowMask] + high[m >> lowBits]
            guard w < t else { continue }
            var rest = ~m & ((1 << n) - 1)
            while rest != 0 {
                let i = rest.trailingZeroBitCount
                rest &= rest - 1
                if w + g.weights[i] >= t { swings[i] += 1 }
            }
        }
        let half = Double(1 << (n - 1))
        let totalSwings = swings.reduce(0, +)
        return PowerIndex(values: swings.map { totalSwings > 0 ? Double($0) / Double(totalSwings) : 0 }, exact: nil,
                          raw: swings.map { Double($0) / half }, method: .floatingPointEnumeration)
    }

    /// Games where nobody is ever pivotal (T ≤ 0: even ∅ wins; T > W: nothing wins).
    static func trivial(_ g: WeightedMajorityGame, banzhaf: Bool) -> PowerIndex {
        let z = [Double](repeating: 0, count: g.playerCount)
        return PowerIndex(values: z, exact: nil, raw: z, method: .dynamicProgramming)
    }

    /// Exact pivot counts by enumeration.
    static func enumerate(_ g: WeightedMajorityGame) -> (banzhaf: PowerIndex, shapleyShubik: PowerIndex) {
        let n = g.playerCount
        let full = 1 << n
        var weight = [Int](repeating: 0, count: full)
        var swings = [UInt64](repeating: 0, count: n)
        var orders = [UInt64](repeating: 0, count: n)
        var factorial = [UInt64](repeating: 1, count: n + 1)
        for k in 1...n { factorial[k] = factorial[k - 1] &* UInt64(k) }
        let t = g.winningThreshold
        for m in 1..<full { weight[m] = weight[m & (m - 1)] + g.weights[(m & -m).trailingZeroBitCount] }
        for m in 0..<full where weight[m] < t {
            let k = m.nonzeroBitCount
            if k == n { continue }
            let ordersHere = factorial[k] * factorial[n - k - 1]
            var rest = ~m & (full - 1)
            while rest != 0 {
                let i = rest.trailingZeroBitCount
                rest &= rest - 1
                if weight[m] + g.weights[i] >= t {
                    swings[i] += 1
                    orders[i] += ordersHere
                }
            }
        }
        let totalSwings = swings.reduce(0, +)
        let bExact = swings.map { totalSwings > 0 ? Rational(BigInt($0), BigInt(totalSwings)) : .zero }
        let half = Double(UInt64(1) << UInt64(n - 1))
        let b = PowerIndex(values: bExact.map(\.doubleValue), exact: bExact, raw: swings.map { Double($0) / half }, method: .enumeration)
        let ssExact = orders.map { Rational(BigInt($0), BigInt(factorial[n])) }
        let ss = PowerIndex(values: ssExact.map(\.doubleValue), exact: ssExact, raw: ssExact.map(\.doubleValue), method: .enumeration)
        return (b, ss)
    }
}
