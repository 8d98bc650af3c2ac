import Testing
@testable import Entente

/// Regression tests for issue 12 ("trustworthy answers under hostile input"): every item is a tiny input through the
/// public API that used to crash, hang, allocate without bound or return a wrong answer marked verified.
@Suite struct VerificationGateTests {
    static func pennies(_ s: Double) -> NormalFormGame {
        TestGames.bimatrix([[s, -s], [-s, s]], [[-s, s], [s, -s]])
    }

    @Test func nanProfileNeverPassesTheGate() throws {
        var profile = MixedProfile.uniform(TestGames.matchingPennies)
        profile.probabilities = [[.nan, .nan], [.nan, .nan]]
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) {
            try EquilibriumVerifier.verify(profile, in: TestGames.matchingPennies, tolerance: 1e-9)
        }
        #expect(TestGames.matchingPennies.regret(profile).isNaN)
    }

    @Test func profileMustBeAProbabilityVectorOfTheRightShape() throws {
        let g = TestGames.matchingPennies
        var p = MixedProfile.uniform(g)
        p.probabilities = [[0.5, 0.5], [0.7, 0.7]]  // sums to 1.4
        #expect(throws: EquilibriumError.invalidProfile(player: 1)) { try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9) }
        p.probabilities = [[1.5, -0.5], [0.5, 0.5]]  // negative entry
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) { try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9) }
        p.probabilities = [[1], [0.5, 0.5]]  // wrong length
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) { try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9) }
        #expect(throws: EquilibriumError.invalidTolerance(.infinity)) {
            try EquilibriumVerifier.verify(.uniform(g), in: g, tolerance: .infinity)
        }
        #expect(throws: EquilibriumError.invalidTolerance(-1)) { try PureEquilibria.solve(g, tolerance: -1) }
    }

    @Test(arguments: [1.0, 1e8, 1e9, 1e15, 1e100, 1e300, 1e307])
    func matchingPenniesAtAnyScaleHasItsOneEquilibrium(scale: Double) throws {
        let g = Self.pennies(scale)
        for result in [try VertexEnumeration.solve(g), try SupportEnumeration.solve(g), try LemkeHowson.solveAllLabels(g)] {
            #expect(result.equilibria.count == 1, "\(result.method) at scale \(scale)")
            if let e = result.equilibria.first {
                #expect(approxEqual(e.profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-9))
                #expect(e.regret.isFinite && e.payoffs.allSatisfy(\.isFinite))
            }
        }
        #expect(try PureEquilibria.solve(g).equilibria.isEmpty)
        #expect(try VertexEnumeration.solve(g).complete)
        let z = try ZeroSumNash.solve(g)
        #expect(approxEqual(z.equilibria[0].profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-9))
        let l = try LogitPath.solve(g)
        #expect(approxEqual(l.profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-6))
    }

    @Test func payoffsNearTheLargestDoubleGiveNoFakeEquilibria() throws {
        let g = Self.pennies(1e308)
        let pure = try PureEquilibria.solve(g)
        #expect(pure.equilibria.isEmpty)
        #expect(pure.tolerance.isFinite)
        let all = try VertexEnumeration.solve(g)
        #expect(all.equilibria.count == 1)
        #expect(all.equilibria.allSatisfy { $0.regret.isFinite && $0.payoffs.allSatisfy(\.isFinite) })
        let coordination = TestGames.bimatrix([[1e308, -1e308], [-1e308, 1e308]], [[1e308, -1e308], [-1e308, 1e308]])
        #expect(try PureEquilibria.solve(coordination).equilibria.count == 2)
        #expect(try VertexEnumeration.solve(coordination).equilibria.count == 3)
    }

    @Test func supportLimitZeroIsATypedError() {
        #expect(throws: EquilibriumError.invalidLimit(value: 0, minimum: 1)) {
            try SupportEnumeration.solve(TestGames.matchingPennies, maxSupportSize: 0)
        }
    }

    /// Random 3-player 2×2×2 games: the logit path either fails with a typed error or returns a finite, normalised,
    /// verified profile — never NaN probabilities with regret 0.
    @Test func logitOnThreePlayerGamesNeverReturnsNonFiniteProfiles() {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<40 {
            let u = (0..<3).map { _ in (0..<8).map { _ in Double(Int.random(in: -3...3, using: &rng)) } }
            let g = try! NormalFormGame(strategyCounts: [2, 2, 2], payoffs: u)
            guard let e = try? LogitPath.solve(g) else { continue }
            for v in e.profile.probabilities {
                #expect(v.allSatisfy { $0.isFinite && $0 >= -1e-9 })
                #expect(abs(v.reduce(0, +) - 1) <= 1e-9)
            }
            #expect(e.regret.isFinite && e.regret <= EquilibriumVerifier.absoluteTolerance(1e-9, for: g))
        }
    }
}
