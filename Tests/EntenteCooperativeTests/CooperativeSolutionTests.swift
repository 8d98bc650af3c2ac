import EntenteCooperative
import EntenteGames
import EntenteNumerics
import Testing

@Suite struct CooperativeSolutionTests {
    static func bankruptcy(estate: Double, claims: [Double]) -> CoalitionalGame {
        try! CoalitionalGame(players: claims.indices.map { "c\($0 + 1)" }) { s in
            max(0, estate - claims.indices.filter { !s.contains($0) }.reduce(0) { $0 + claims[$1] })
        }
    }
    static let majority3 = try! CoalitionalGame(players: ["1", "2", "3"]) { $0.count >= 2 ? 1 : 0 }
    /// Glove game: player 1 holds a left glove, players 2 and 3 right gloves.
    static let glove = try! CoalitionalGame(players: ["L", "R1", "R2"]) { s in
        s.contains(0) && (s.contains(1) || s.contains(2)) ? 1 : 0
    }

    static func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
    }

    static let talmudCases: [(Double, [Double])] = [
        (100, [100.0 / 3, 100.0 / 3, 100.0 / 3]), (200, [50, 75, 75]), (300, [50, 100, 150]),
    ]

    @Test(arguments: talmudCases)
    func bankruptcyNucleolusIsTheTalmudRule(estate: Double, talmud: [Double]) throws {
        // Aumann & Maschler (1985): claims 100, 200, 300.
        let g = Self.bankruptcy(estate: estate, claims: [100, 200, 300])
        #expect(Self.close(try CoreSolutions.nucleolus(g), talmud))
        #expect(Self.close(try CoreSolutions.prenucleolus(g), talmud))
    }

    @Test func majorityGameHasEmptyCoreAndSymmetricNucleolus() throws {
        let g = Self.majority3
        let lc = try CoreSolutions.leastCore(g)
        #expect(abs(lc.epsilon - 1.0 / 3) < 1e-12)
        #expect(try !CoreSolutions.coreIsNonEmpty(g))
        #expect(Self.close(try CoreSolutions.nucleolus(g), [1.0 / 3, 1.0 / 3, 1.0 / 3]))
        #expect(Self.close(ShapleyValue.exact(g), [1.0 / 3, 1.0 / 3, 1.0 / 3]))
        #expect(g.isSimple && g.isMonotone() && !g.isConvex())
    }

    @Test func gloveGameCoreIsTheLeftGloveHoldersAlone() throws {
        let g = Self.glove
        #expect(try CoreSolutions.coreIsNonEmpty(g))
        #expect(CoreSolutions.isInCore([1, 0, 0], of: g))
        #expect(!CoreSolutions.isInCore([0.5, 0.25, 0.25], of: g))
        #expect(Self.close(try CoreSolutions.nucleolus(g), [1, 0, 0]))
        #expect(Self.close(ShapleyValue.exact(g), [2.0 / 3, 1.0 / 6, 1.0 / 6]))
    }

    @Test func kohlbergCriterionRejectsOtherPoints() throws {
        let g = Self.bankruptcy(estate: 200, claims: [100, 200, 300])
        #expect(Kohlberg.isNucleolus([50, 75, 75], of: g, individuallyRational: true))
        #expect(!Kohlberg.isNucleolus([60, 70, 70], of: g, individuallyRational: true))
        #expect(!Kohlberg.isNucleolus([50, 75, 70], of: g))
    }

    @Test(arguments: 0..<10) func randomGamesNucleolusLiesInLeastCoreAndPassesKohlberg(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 31)
        let n = 3 + seed % 4
        let g = try CoalitionalGame(players: (0..<n).map(String.init)) { s in
            Double(s.count) + Double(Int.random(in: 0...4, using: &rng))
        }
        let pre = try CoreSolutions.prenucleolus(g)
        let lc = try CoreSolutions.leastCore(g)
        // The prenucleolus is in the least core: its largest excess equals ε*.
        var maxExcess = -Double.infinity
        for m in 1..<((1 << n) - 1) {
            let s = Coalition(mask: UInt64(m))
            maxExcess = max(maxExcess, g[s] - s.members.reduce(0) { $0 + pre[$1] })
        }
        #expect(abs(maxExcess - lc.epsilon) < 1e-8)
        #expect(Kohlberg.isNucleolus(pre, of: g))
        #expect(abs(pre.reduce(0, +) - g[g.grand]) < 1e-9)
    }

    @Test(arguments: 0..<6) func shapleyAxiomsHoldOnRandomGames(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 3)
        let n = 4 + seed % 3
        var v = (0..<(1 << n)).map { _ in Double.random(in: 0...10, using: &rng) }
        v[0] = 0
        // Make player 0 a null player and players 1, 2 symmetric.
        for m in 0..<(1 << n) where m & 1 == 1 { v[m] = v[m & ~1] }
        for m in 0..<(1 << n) where (m >> 1) & 3 == 1 { v[m | 4] = v[m & ~2 | 4]; v[(m & ~2) | 4] = v[m] }
        let g = try CoalitionalGame(players: (0..<n).map(String.init), values: v)
        let phi = ShapleyValue.exact(g)
        #expect(abs(phi.reduce(0, +) - g[g.grand]) < 1e-9)  // efficiency
        #expect(abs(phi[0]) < 1e-12)  // null player
        #expect(abs(phi[1] - phi[2]) < 1e-9)  // symmetry
        let w = (0..<(1 << n)).map { m in m == 0 ? 0 : Double((m * 7919) % 13) }
        let h = try CoalitionalGame(players: g.players, values: w)
        let sum = try CoalitionalGame(players: g.players, values: zip(v, w).map(+))
        let additive = zip(ShapleyValue.exact(sum), zip(phi, ShapleyValue.exact(h)).map(+))
        #expect(additive.allSatisfy { abs($0 - $1) < 1e-9 })  // additivity
    }

    @Test func monteCarloShapleyCoversTheExactValue() throws {
        let g = Self.glove
        let est = try ShapleyValue.monteCarlo(players: 3, samples: 20_000, seed: 11) { g[$0] }
        let exact = ShapleyValue.exact(g)
        for i in 0..<3 { #expect(abs(est.values[i] - exact[i]) <= 4 * est.standardErrors[i] + 1e-12) }
    }

    @Test(arguments: 0..<5) func leastSquaresPrenucleolusMatchesClosedForm(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 500)
        let n = 3 + seed
        var v = (0..<(1 << n)).map { _ in Double.random(in: 0...5, using: &rng) }
        v[0] = 0
        let g = try CoalitionalGame(players: (0..<n).map(String.init), values: v)
        let x = try CoreSolutions.leastSquaresPrenucleolus(g)
        // Ruiz, Valenciano & Zarzuelo (1996): x_i = v(N)/n + (n·aᵢ − Σ a)/(n·2ⁿ⁻²), aᵢ = Σ_{S∋i, S≠N} v(S).
        var a = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for m in 1..<((1 << n) - 1) where m & (1 << i) != 0 { a[i] += v[m] }
        }
        let total = a.reduce(0, +)
        let nd = Double(n), scale = nd * Double(1 << (n - 2))
        var formula = [Double](repeating: 0, count: n)
        for i in 0..<n { formula[i] = v[(1 << n) - 1] / nd + (nd * a[i] - total) / scale }
        #expect(Self.close(x, formula, 1e-9))
    }

    @Test func tableLimitIsEnforcedWithAClearError() {
        #expect(throws: CooperativeError.tooManyPlayers(n: 26, limit: 25)) {
            try CoalitionalGame(players: (0..<26).map(String.init)) { _ in 0 }
        }
        #expect(throws: CooperativeError.emptyCoalitionValue) { try CoalitionalGame(players: ["a"], values: [1, 1]) }
        #expect(throws: CooperativeError.nonFinite(index: 1)) {
            try CoalitionalGame(players: ["a"], values: [0, .infinity])
        }
    }
}

@Suite struct RulingCoalitionTests {
    func members(_ powers: [Double]) throws -> [[Int]] {
        try RulingCoalitions.ruling(powers: powers).map(\.members)
    }

    @Test func acemogluEgorovSoninKnownAnswers() throws {
        #expect(try members([2, 3, 4]) == [[0, 1, 2]])
        #expect(try members([1, 2, 4]) == [[2]])
        #expect(try members([3, 4, 5, 6]) == [[0, 1, 2]])
        #expect(try members([1, 1.1, 1.2, 1.3]) == [[0, 1, 2]])
    }

    @Test func nearEqualPowersRuleWithSizesOneThreeSevenFifteen() throws {
        var rng = SeededGenerator(seed: 2008)
        let expected = [1, 1, 3, 3, 3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 15]
        for n in 1...15 {
            let powers = (0..<n).map { _ in 1 + Double.random(in: -0.05...0.05, using: &rng) }
            let ruling = try RulingCoalitions.ruling(powers: powers)
            #expect(ruling.count == 1 && ruling[0].count == expected[n - 1], "n = \(n)")
        }
    }

    @Test func badPowersAreRejected() {
        #expect(throws: CooperativeError.negativeWeight(player: 0)) { try RulingCoalitions.ruling(powers: [-1, 2]) }
        #expect(throws: CooperativeError.tooManyPlayers(n: 21, limit: 20)) {
            try RulingCoalitions.ruling(powers: [Double](repeating: 1, count: 21))
        }
    }
}
