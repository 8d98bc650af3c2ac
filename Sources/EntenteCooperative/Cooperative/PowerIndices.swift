import BigInt

/// A power index: floats for every player, with exact fractions when the method was exact.
public struct PowerIndex: Sendable {
    /// The index, normalised to sum to 1 (Shapley–Shubik sums to 1 by construction).
    public let values: [Double]
    /// Exact values as fractions (enumeration, n ≤ ``PowerIndices/exactPlayerLimit``, or exact counting); nil otherwise.
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
        /// Floating point beyond exact enumeration (Shapley–Shubik: quadrature over the multilinear extension; Banzhaf:
        /// the counting dynamic programme).
        case dynamicProgramming = "dynamic-programming"
        /// Counting dynamic programme in exact big-integer arithmetic.
        case exactDynamicProgramming = "exact-dynamic-programming"

        public var description: String { rawValue }
    }
}

/// Banzhaf (1965; Penrose 1946) and Shapley–Shubik (1954) power indices of weighted majority games.
///
/// Up to ``exactPlayerLimit`` players the indices are exact: all 2ⁿ coalitions are enumerated with
/// incrementally computed weights and integer pivot counts (O(n·2ⁿ)). Beyond, the automatic method switches to
/// floating-point pseudo-polynomial algorithms (T the winning threshold, W the total weight):
/// - Banzhaf: one generating-function pass and a per-player deconvolution (Brams & Affuso 1976; Matsui & Matsui
///   2000), O(n·T) time, O(T) memory; absolute error ≲ n·ε per entry.
/// - Shapley–Shubik: Owen's (1972) multilinear extension integrated exactly by Gauss–Legendre quadrature with
///   ⌈n/2⌉ nodes, one O(W/2)-cell weight distribution per pair of mirrored nodes and an O(T/wᵢ) "un-add" per distinct
///   weight (Bilbao, Fernández, Jiménez Losada & López 2000; Uno 2012): ≈ n²·W/8 cell updates, memory 3·max(T, W−T+1)
///   doubles. Absolute error ≲ 4n·ε per index (≈ 1e-12 at n = 1000; within 1e-12 relative of exact counting at
///   n = 60); the result is checked for efficiency (Σ = 1 within 1e-9).
///
/// ``Method/exactDynamicProgramming`` counts coalitions exactly with big integers for any n (O(n²·T) big-integer
/// additions for Shapley–Shubik, O(n·T) for Banzhaf), within ``exactCellLimit`` and ``exactWorkLimit``.
public enum PowerIndices {
    /// Largest n handled by exact enumeration.
    public static let exactPlayerLimit = 20
    /// Largest weight range U = max(T, W − T + 1) of the Shapley–Shubik DP (3 arrays of U doubles: 1.2 GB at the
    /// default of 5·10⁷).
    public static let defaultCellLimit = 50_000_000
    /// Largest number of cell updates of the Shapley–Shubik DP (≈ n²·U/4); the default 2·10¹¹ is about a minute here.
    public static let defaultWorkLimit = 200_000_000_000
    /// Largest number of cells (2·T, T the winning threshold) of the Banzhaf DP arrays: 10⁸ doubles = 800 MB.
    public static let banzhafCellLimit = 100_000_000
    /// Largest number of big-integer cells of the exact counting DP (``Method/exactDynamicProgramming``): (n + 1)·T for
    /// Shapley–Shubik, T for Banzhaf.
    public static let exactCellLimit = 2_000_000
    /// Largest number of big-integer cell updates of the exact counting DP: (n + distinct weights) × its cells.
    public static let exactWorkLimit = 200_000_000
    /// Largest n for which Banzhaf swings are counted by direct enumeration of the 2ⁿ coalitions when the DP table
    /// would be too large (huge integer weights): O(n·2ⁿ) time, O(2^(n/2)) memory.
    public static let directEnumerationLimit = 25

    /// How to compute an index.
    public enum Method: String, Sendable, CaseIterable {
        /// Enumeration (exact) up to ``exactPlayerLimit`` players, floating-point dynamic programming beyond.
        case automatic
        /// Exact enumeration of all coalitions (n ≤ ``exactPlayerLimit``).
        case enumeration
        /// Pseudo-polynomial algorithms in floating point (any n).
        case dynamicProgramming
        /// Exact coalition counting with big integers (any n, (n + 1)·T ≤ ``exactCellLimit``).
        case exactDynamicProgramming
    }

    static func useEnumeration(_ g: WeightedMajorityGame, _ method: Method) throws(CooperativeError) -> Bool {
        switch method {
        case .automatic: return g.playerCount <= exactPlayerLimit
        case .enumeration:
            guard g.playerCount <= exactPlayerLimit else {
                throw .tooManyPlayers(n: g.playerCount, limit: exactPlayerLimit)
            }
            return true
        case .dynamicProgramming, .exactDynamicProgramming: return false
        }
    }

    /// Sizes the exact counting DP before allocating: (n + 1)·T cells with the size dimension (Shapley–Shubik), T
    /// without (Banzhaf); one forward pass and one un-add per distinct weight over the whole table.
    static func checkExactSize(_ g: WeightedMajorityGame, bySize: Bool) throws(CooperativeError) {
        let (cells, o) = (bySize ? g.playerCount + 1 : 1).multipliedReportingOverflow(by: g.winningThreshold)
        guard !o, cells <= exactCellLimit else {
            throw .tableTooLarge(cells: o ? Int.max : cells, limit: exactCellLimit)
        }
        let passes = g.playerCount + Set(g.weights).count
        let (work, o2) = passes.multipliedReportingOverflow(by: cells)
        guard !o2, work <= exactWorkLimit else {
            throw .workTooLarge(cellUpdates: o2 ? Int.max : work, limit: exactWorkLimit)
        }
    }

    /// Banzhaf index (normalised, with raw values).
    ///
    /// The DP needs 2·T cells (T the winning threshold); it is sized before allocating: beyond
    /// ``banzhafCellLimit`` the swings are counted by direct enumeration up to ``directEnumerationLimit`` players, and
    /// `.tableTooLarge` is thrown beyond that (never an allocation of terabytes for weights like 10¹²).
    public static func banzhaf(_ g: WeightedMajorityGame, method: Method = .automatic) throws(CooperativeError)
        -> PowerIndex
    {
        if try useEnumeration(g, method) { return enumerate(g).banzhaf }
        let n = g.playerCount, t = g.winningThreshold
        guard t > 0, t <= g.totalWeight else { return trivial(g, banzhaf: true) }
        if method == .exactDynamicProgramming {
            try checkExactSize(g, bySize: false)
            let swings = PowerIndexCounting.banzhafSwings(g)
            let totalSwings = swings.reduce(BigInt(0), +)
            let exact = swings.map { totalSwings.isZero ? Rational.zero : Rational($0, totalSwings) }
            let half = Rational(BigInt(1), BigInt(1) << (n - 1))
            let raw = swings.map { (Rational($0) * half).doubleValue }
            return PowerIndex(
                values: exact.map(\.doubleValue), exact: exact, raw: raw, method: .exactDynamicProgramming)
        }
        if t > banzhafCellLimit / 2 {
            guard n <= directEnumerationLimit else {
                throw .tableTooLarge(
                    cells: t.multipliedReportingOverflow(by: 2).overflow ? Int.max : 2 * t, limit: banzhafCellLimit)
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
        return PowerIndex(
            values: raw.map { total > 0 ? $0 / total : 0 }, exact: nil, raw: raw, method: .dynamicProgramming)
    }

    /// Shapley–Shubik index.
    ///
    /// The floating-point path (``Method/dynamicProgramming``, automatic beyond ``exactPlayerLimit`` players) needs
    /// U = max(T, W − T + 1) ≤ `cellLimit` cells per array and ≈ n²·U/4 ≤ `workLimit` cell updates; both are checked
    /// before allocating (`.tableTooLarge`, `.workTooLarge`). Throws `.verificationFailed` if the result is not efficient
    /// (|Σφᵢ − 1| > 1e-9).
    public static func shapleyShubik(
        _ g: WeightedMajorityGame, method: Method = .automatic,
        cellLimit: Int = defaultCellLimit,
        workLimit: Int = defaultWorkLimit
    ) throws(CooperativeError) -> PowerIndex {
        if try useEnumeration(g, method) { return enumerate(g).shapleyShubik }
        let t = g.winningThreshold, total = g.totalWeight
        guard t > 0, t <= total else { return trivial(g, banzhaf: false) }
        if method == .exactDynamicProgramming {
            try checkExactSize(g, bySize: true)
            let exact = PowerIndexCounting.shapleyShubik(g)
            let values = exact.map(\.doubleValue)
            return PowerIndex(values: values, exact: exact, raw: values, method: .exactDynamicProgramming)
        }
        let plan = ShapleyShubikQuadrature.plan(g)
        guard plan.width <= cellLimit else { throw .tableTooLarge(cells: plan.width, limit: cellLimit) }
        guard plan.work <= workLimit else { throw .workTooLarge(cellUpdates: plan.work, limit: workLimit) }
        let values = ShapleyShubikQuadrature.values(g)
        guard values.allSatisfy(\.isFinite), abs(values.reduce(0, +) - 1) <= 1e-9 else { throw .verificationFailed }
        return PowerIndex(values: values, exact: nil, raw: values, method: .dynamicProgramming)
    }

    /// Banzhaf swings by enumerating every coalition; weights of a mask are the sum of precomputed weights of its low
    /// and high halves (O(2^(n/2)) memory). Floating-point result, exact swing counts. O(n·2ⁿ).
    static func directBanzhaf(_ g: WeightedMajorityGame) -> PowerIndex {
        let n = g.playerCount, t = g.winningThreshold
        let lowBits = n / 2, highBits = n - lowBits
        func table(_ offset: Int, _ bits: Int) -> [Int] {
            var w = [Int](repeating: 0, count: 1 << bits)
            if bits > 0 {
                for m in 1..<(1 << bits) { w[m] = w[m & (m - 1)] + g.weights[offset + (m & -m).trailingZeroBitCount] }
            }
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
        return PowerIndex(
            values: swings.map { totalSwings > 0 ? Double($0) / Double(totalSwings) : 0 }, exact: nil,
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
        let b = PowerIndex(
            values: bExact.map(\.doubleValue), exact: bExact, raw: swings.map { Double($0) / half },
            method: .enumeration)
        let ssExact = orders.map { Rational(BigInt($0), BigInt(factorial[n])) }
        let ss = PowerIndex(
            values: ssExact.map(\.doubleValue), exact: ssExact, raw: ssExact.map(\.doubleValue), method: .enumeration)
        return (b, ss)
    }
}
