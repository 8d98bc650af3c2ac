// @testable: the quadrature rule and the work plan behind the public indices are internals checked here.
import Entente
import Foundation
import Testing

@testable import EntenteCooperative

/// The pseudo-polynomial Shapley–Shubik and Banzhaf paths: known answers, agreement of the floating-point quadrature
/// with exact big-integer counting, the axioms, size checks, and the benchmark generators.
@Suite struct LargePowerIndexTests {
    func exactStrings(_ g: WeightedMajorityGame, _ m: PowerIndices.Method) throws -> [String] {
        try PowerIndices.shapleyShubik(g, method: m).exact!.map(\.description)
    }

    @Test func knownAnswersUnderBothQuotaRules() throws {
        // Brute force over all 4! orders: [6; 4, 3, 2, 1] wins at weight ≥ 6 (weak) or > 6 (strict).
        let weak = try WeightedMajorityGame(weights: [4, 3, 2, 1], quota: 6, rule: .weak)
        let strict = try WeightedMajorityGame(weights: [4, 3, 2, 1], quota: 6, rule: .strict)
        let five = try WeightedMajorityGame(weights: [3, 2, 2, 1, 1], quota: 5, rule: .weak)
        let expected: [(WeightedMajorityGame, [String])] = [
            (weak, ["5/12", "1/4", "1/4", "1/12"]), (strict, ["7/12", "1/4", "1/12", "1/12"]),
            (five, ["2/5", "7/30", "7/30", "1/15", "1/15"]),
        ]
        for (g, answer) in expected {
            #expect(try exactStrings(g, .automatic) == answer)
            #expect(try exactStrings(g, .exactDynamicProgramming) == answer)
            let float = try PowerIndices.shapleyShubik(g, method: .dynamicProgramming)
            let reference = try PowerIndices.shapleyShubik(g, method: .enumeration).values
            for (v, a) in zip(float.values, reference) { #expect(abs(v - a) < 1e-15) }
        }
    }

    @Test func quadratureAgreesWithExactCountingAtSixtyPlayers() throws {
        var rng = SeededGenerator(seed: 60)
        let w = (0..<60).map { _ in Int.random(in: 1...30, using: &rng) }
        let g = try WeightedMajorityGame(majorityOf: w)
        let exact = try PowerIndices.shapleyShubik(g, method: .exactDynamicProgramming)
        let float = try PowerIndices.shapleyShubik(g)
        #expect(float.method == .dynamicProgramming && exact.method == .exactDynamicProgramming)
        #expect(exact.exact!.reduce(Rational.zero, +) == .one)
        for (f, e) in zip(float.values, exact.exact!) {
            #expect(abs(f - e.doubleValue) <= 1e-12 * e.doubleValue, "\(f) vs \(e)")
        }
        let bFloat = try PowerIndices.banzhaf(g), bExact = try PowerIndices.banzhaf(g, method: .exactDynamicProgramming)
        for i in 0..<60 {
            #expect(abs(bFloat.values[i] - bExact.values[i]) <= 1e-12 * bExact.values[i])
            #expect(abs(bFloat.raw[i] - bExact.raw[i]) <= 1e-12 * bExact.raw[i])
        }
    }

    @Test func exactCountingMatchesEnumeration() throws {
        var rng = SeededGenerator(seed: 14)
        let w = (0..<14).map { _ in Int.random(in: 0...12, using: &rng) }
        let g = try WeightedMajorityGame(weights: w, quota: Double(w.reduce(0, +)) * 0.6, rule: .weak)
        #expect(try exactStrings(g, .enumeration) == exactStrings(g, .exactDynamicProgramming))
        #expect(
            try PowerIndices.banzhaf(g, method: .enumeration).exact
                == PowerIndices.banzhaf(g, method: .exactDynamicProgramming).exact)
    }

    @Test func efficiencySymmetryAndNullPlayer() throws {
        // 100 players of weight 2 and one of weight 1, winning at ≥ 100: the odd player never turns 98 into 100.
        let g = try WeightedMajorityGame(weights: [Int](repeating: 2, count: 100) + [1], quota: 100, rule: .weak)
        let ss = try PowerIndices.shapleyShubik(g)
        #expect(ss.method == .dynamicProgramming)
        #expect(abs(ss.values.reduce(0, +) - 1) < 1e-12)
        #expect(abs(ss.values[100]) < 1e-15)
        for i in 0..<100 { #expect(abs(ss.values[i] - 0.01) < 1e-14) }
        // A zero weight is a null player too, and does not change the others' shares.
        let withZero = try WeightedMajorityGame(
            weights: [Int](repeating: 2, count: 100) + [1, 0], quota: 100, rule: .weak)
        let z = try PowerIndices.shapleyShubik(withZero)
        #expect(z.values[101] == 0 && abs(z.values[0] - 0.01) < 1e-14)
    }

    @Test func thousandPlayersOfTheBenchmarkRun() throws {
        // The compare-peers instance: random.Random(1000).randint(1, 100) × 1000, strict majority.
        var rng = PythonRandom(seed: 1000)
        let w = (0..<1000).map { _ in rng.randint(1, 100) }
        #expect(Array(w.prefix(5)) == [100, 55, 86, 98, 13])
        let ss = try PowerIndices.shapleyShubik(try WeightedMajorityGame(majorityOf: w))
        #expect(abs(ss.values.reduce(0, +) - 1) < 1e-10)
        let order = (0..<1000).sorted { w[$0] < w[$1] }
        for (a, b) in zip(order, order.dropFirst()) where w[a] < w[b] { #expect(ss.values[a] <= ss.values[b] + 1e-15) }
    }

    @Test func sizesAreCheckedBeforeAllocating() throws {
        let g = try WeightedMajorityGame(majorityOf: (1...200).map { $0 })
        #expect(throws: CooperativeError.workTooLarge(cellUpdates: ShapleyShubikQuadrature.plan(g).work, limit: 1000)) {
            try PowerIndices.shapleyShubik(g, workLimit: 1000)
        }
        #expect(throws: CooperativeError.tableTooLarge(cells: 10051, limit: 100)) {
            try PowerIndices.shapleyShubik(g, cellLimit: 100)
        }
        let huge = try WeightedMajorityGame(weights: [1 << 50, 1 << 50, 3], quota: Double(1 << 50), rule: .strict)
        #expect(throws: CooperativeError.self) {
            try PowerIndices.shapleyShubik(huge, method: .exactDynamicProgramming)
        }
        #expect(throws: CooperativeError.self) { try PowerIndices.shapleyShubik(huge, method: .dynamicProgramming) }
        // Small tables, many players: the exact DP's work is bounded too ((400 001 + 2 weights) passes × 400 002 cells).
        let many = try WeightedMajorityGame(weights: [Int](repeating: 1, count: 400_000) + [2], quota: 1, rule: .weak)
        #expect(
            throws: CooperativeError.workTooLarge(cellUpdates: 400_003 * 400_002, limit: PowerIndices.exactWorkLimit)
        ) {
            try PowerIndices.shapleyShubik(many, method: .exactDynamicProgramming)
        }
    }

    @Test func gaussLegendreIsExactForPolynomials() {
        for m in [1, 2, 5, 50, 501] {
            let rule = GaussLegendreRule(points: m)
            func integrate(_ f: (Double) -> Double) -> Double {
                var s = 0.0
                for k in rule.lower.indices {
                    s += rule.weights[k] * f(rule.lower[k])
                    if !(rule.hasMiddle && k == rule.lower.count - 1) { s += rule.weights[k] * f(rule.upper[k]) }
                }
                return s
            }
            #expect(abs(integrate { _ in 1 } - 1) < 1e-14)
            let k = 2 * m - 1  // ∫₀¹ tᵏ dt and ∫₀¹ (1 − t)ᵏ dt
            #expect(abs(integrate { pow($0, Double(k)) } - 1 / Double(k + 1)) < 1e-14)
            let a = k / 2, b = k - k / 2
            let reference = beta(a + 1, b + 1)
            #expect(abs(integrate { t in pow(t, Double(a)) * pow(1 - t, Double(b)) } - reference) <= 1e-12 * reference)
        }
    }

    /// B(a, b) = (a−1)!(b−1)!/(a+b−1)! in logs.
    func beta(_ a: Int, _ b: Int) -> Double { exp(lgamma(Double(a)) + lgamma(Double(b)) - lgamma(Double(a + b))) }

    @Test func generatorsReproducePythonAndNumPy() {
        // Values printed by CPython 3 and NumPy 2.4 for the same seeds.
        var p = PythonRandom(seed: 58)
        #expect(p.random() == 0.5807571649339567 && p.random() == 0.20572399898108007)
        var u = NumPyRandom(seed: 1004)
        #expect(u.uniform(-1, 1, count: 3) == [-0.99823909451857, -0.7396973757447372, -0.7230452694028173])
        var i = NumPyRandom(seed: 2010)
        #expect(i.integers(0, 1000, count: 6) == [768, 243, 757, 584, 854, 321])
        var z = NumPyRandom(seed: 3400)
        #expect(z.integers(-1000, 1001, count: 6) == [960, 190, 112, -645, 289, -609])
        var big = NumPyRandom(seed: 12_345_678_901_234)
        #expect(big.uniform(0, 1, count: 2) == [0.40637757035390765, 0.026203563409374464])
    }
}
