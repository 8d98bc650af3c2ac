import EntenteCooperative
import EntenteGames
import EntenteNumerics
import Testing

@Suite struct PowerIndexTests {
    func strings(_ r: [Rational]?) -> [String] { (r ?? []).map(\.description) }

    struct Case: Sendable, CustomTestStringConvertible {
        let weights: [Int], banzhaf: [String], shapley: [String], hegemons: [Int], balancers: [Int], inessential: [Int],
            mwcs: [[Int]]
        var testDescription: String { "\(weights)" }
    }

    /// Niou, Ordeshook & Rose (1989), strict quota q = R/2 (players 0-based here).
    static let cases: [Case] = [
        Case(
            weights: [3, 3, 3, 1], banzhaf: ["1/3", "1/3", "1/3", "0"], shapley: ["1/3", "1/3", "1/3", "0"],
            hegemons: [], balancers: [], inessential: [3], mwcs: [[0, 1], [0, 2], [1, 2]]),
        Case(
            weights: [4, 3, 2, 1], banzhaf: ["5/12", "1/4", "1/4", "1/12"], shapley: ["5/12", "1/4", "1/4", "1/12"],
            hegemons: [], balancers: [], inessential: [], mwcs: [[0, 1], [0, 2], [1, 2, 3]]),
        Case(
            weights: [5, 2, 2, 1], banzhaf: ["7/10", "1/10", "1/10", "1/10"], shapley: ["3/4", "1/12", "1/12", "1/12"],
            hegemons: [], balancers: [0], inessential: [], mwcs: [[0, 1], [0, 2], [0, 3]]),
        Case(
            weights: [6, 2, 1, 1], banzhaf: ["1", "0", "0", "0"], shapley: ["1", "0", "0", "0"],
            hegemons: [0], balancers: [], inessential: [1, 2, 3], mwcs: [[0]]),
        Case(
            weights: [2, 2, 1, 1], banzhaf: ["1/3", "1/3", "1/6", "1/6"], shapley: ["1/3", "1/3", "1/6", "1/6"],
            hegemons: [], balancers: [], inessential: [], mwcs: [[0, 1], [0, 2, 3], [1, 2, 3]]),
        Case(
            weights: [1, 1, 1], banzhaf: ["1/3", "1/3", "1/3"], shapley: ["1/3", "1/3", "1/3"],
            hegemons: [], balancers: [], inessential: [], mwcs: [[0, 1], [0, 2], [1, 2]]),
    ]

    @Test(arguments: cases) func balanceOfPowerKnownAnswers(_ c: Case) throws {
        let g = try WeightedMajorityGame(majorityOf: c.weights)
        #expect(strings(try PowerIndices.banzhaf(g).exact) == c.banzhaf)
        #expect(strings(try PowerIndices.shapleyShubik(g).exact) == c.shapley)
        let roles = try SimpleGameStructure.roles(g)
        #expect(roles.hegemons == c.hegemons && roles.balancers == c.balancers && roles.inessential == c.inessential)
        #expect(try SimpleGameStructure.minimalWinningCoalitions(g).map(\.members) == c.mwcs)
    }

    @Test func unSecurityCouncilPermanentMemberPower() throws {
        // 5 permanent members with veto (weight 7), 10 others (weight 1), quota 39 (weak rule).
        let g = try WeightedMajorityGame(
            weights: [Int](repeating: 7, count: 5) + [Int](repeating: 1, count: 10), quota: 39, rule: .weak)
        let ss = try PowerIndices.shapleyShubik(g)
        #expect(abs(ss.values[0] - 0.19627) < 1e-5)
        #expect(try SimpleGameStructure.roles(g).vetoPlayers == [0, 1, 2, 3, 4])
    }

    @Test func eecCouncil1958LuxembourgIsADummy() throws {
        let g = try WeightedMajorityGame(
            weights: [4, 4, 4, 2, 2, 1], quota: 12, rule: .weak,
            players: ["FRA", "GER", "ITA", "BEL", "NLD", "LUX"])
        #expect(try SimpleGameStructure.roles(g).inessential == [5])
        #expect(try PowerIndices.banzhaf(g).values[5] == 0)
    }

    @Test func greatPowers1914ShapleyShubikFromCINC() throws {
        // The great powers of 1914: USA GMY UKG RUS FRN AUH JPN ITA TUR, weights round(CINC·10⁶).
        let g = try WeightedMajorityGame(majorityOf: [
            206364, 158201, 137909, 110805, 74748, 68234, 31595, 25675, 12148,
        ])
        #expect(
            strings(try PowerIndices.shapleyShubik(g).exact) == [
                "39/140", "11/60", "23/140", "13/105", "2/21", "8/105", "1/28", "1/35", "1/70",
            ])
        #expect(try SimpleGameStructure.minimalWinningCoalitions(g).count == 32)
        #expect(try SimpleGameStructure.roles(g).inessential.isEmpty)
        let six = try WeightedMajorityGame(majorityOf: [158201, 137909, 110805, 74748, 68234, 25675])
        #expect(strings(try PowerIndices.shapleyShubik(six).exact) == ["1/3", "4/15", "1/6", "1/10", "1/10", "1/30"])
        #expect(try SimpleGameStructure.minimalWinningCoalitions(six).count == 8)
    }

    @Test func quotaConventionDecidesTheTie() throws {
        // (2, 1, 1): under the strict rule player 1 is a balancer; under the weak rule with q = 2 a hegemon.
        let strict = try WeightedMajorityGame(majorityOf: [2, 1, 1])
        let weak = try WeightedMajorityGame(weights: [2, 1, 1], quota: 2, rule: .weak)
        #expect(try SimpleGameStructure.roles(strict).balancers == [0])
        #expect(try SimpleGameStructure.roles(weak).hegemons == [0])
    }

    @Test(arguments: 0..<12) func dynamicProgrammingMatchesEnumeration(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 9)
        let n = Int.random(in: 3...14, using: &rng)
        let w = (0..<n).map { _ in Int.random(in: 0...30, using: &rng) }
        guard w.reduce(0, +) > 0 else { return }
        let g = try WeightedMajorityGame(majorityOf: w)
        let be = try PowerIndices.banzhaf(g, method: .enumeration),
            bd = try PowerIndices.banzhaf(g, method: .dynamicProgramming)
        let se = try PowerIndices.shapleyShubik(g, method: .enumeration),
            sd = try PowerIndices.shapleyShubik(g, method: .dynamicProgramming)
        for i in 0..<n {
            #expect(abs(be.raw[i] - bd.raw[i]) < 1e-12)
            #expect(abs(se.values[i] - sd.values[i]) < 1e-12)
        }
    }

    @Test func largeGamesUseTheDPAndSatisfyEfficiencyAndSymmetry() throws {
        var rng = SeededGenerator(seed: 5)
        var w = (0..<120).map { _ in Int.random(in: 1...20, using: &rng) }
        w[1] = w[0]
        let g = try WeightedMajorityGame(majorityOf: w)
        let ss = try PowerIndices.shapleyShubik(g)
        let bz = try PowerIndices.banzhaf(g)
        #expect(ss.method == .dynamicProgramming && ss.exact == nil)
        #expect(abs(ss.values.reduce(0, +) - 1) < 1e-9 && abs(bz.values.reduce(0, +) - 1) < 1e-12)
        #expect(abs(ss.values[0] - ss.values[1]) < 1e-12 && abs(bz.values[0] - bz.values[1]) < 1e-12)
        // Monotonicity in weight (desirability order of weighted games).
        let order = (0..<120).sorted { w[$0] < w[$1] }
        for (a, b) in zip(order, order.dropFirst()) where w[a] < w[b] { #expect(ss.values[a] <= ss.values[b] + 1e-12) }
    }

    @Test func invalidGamesAreRejected() {
        #expect(throws: CooperativeError.negativeWeight(player: 1)) { try WeightedMajorityGame(majorityOf: [1, -1]) }
        #expect(throws: CooperativeError.nonFinite(index: 0)) {
            try WeightedMajorityGame(capabilities: [.nan, 1], rule: .strict)
        }
        #expect(throws: CooperativeError.tooManyPlayers(n: 21, limit: 20)) {
            try PowerIndices.banzhaf(
                WeightedMajorityGame(majorityOf: [Int](repeating: 1, count: 21)), method: .enumeration)
        }
    }
}
