import EntenteGames
import EntenteNumerics
import EntenteTestSupport
import Testing

@Suite struct LogitPathTests {
    /// Jordan (1993): 1 matches 2, 2 matches 3, 3 mismatches 1; the unique equilibrium is uniform mixing.
    static let jordan: NormalFormGame = {
        var u: [[Double]] = [[], [], []]
        for k in 0..<8 {
            let s = [k & 1, (k >> 1) & 1, (k >> 2) & 1]
            u[0].append(s[0] == s[1] ? 1 : 0)
            u[1].append(s[1] == s[2] ? 1 : 0)
            u[2].append(s[2] != s[0] ? 1 : 0)
        }
        return try! NormalFormGame(strategyCounts: [2, 2, 2], payoffs: u)
    }()

    @Test func threePlayerJordanGameConvergesToUniformMixing() throws {
        let e = try LogitPath.solve(Self.jordan).equilibria[0]
        #expect(approxEqual(e.profile.probabilities, [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], 1e-9))
        #expect(e.regret <= 1e-9)
    }

    @Test func twoPlayerLogitLimitIsAmongAllEquilibria() throws {
        for g in [TestGames.battleOfTheSexes, TestGames.stagHunt, TestGames.matchingPennies, TestGames.shapley] {
            let e = try LogitPath.solve(g).equilibria[0]
            #expect(contains(try VertexEnumeration.solve(g), e.profile.probabilities, 1e-7))
        }
    }

    @Test(arguments: 0..<12) func randomThreeAndFourPlayerGamesYieldVerifiedEquilibria(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 4242)
        let counts = seed < 8 ? [2, 3, 2] : [2, 2, 2, 2]
        let total = counts.reduce(1, *)
        let payoffs = counts.map { _ in (0..<total).map { _ in Double(Int.random(in: 0...9, using: &rng)) } }
        let g = try NormalFormGame(strategyCounts: counts, payoffs: payoffs)
        let e = try LogitPath.solve(g).equilibria[0]
        #expect(g.regret(e.profile) <= 1e-9 * g.payoffRange)
    }

    @Test func pureDominantStrategyGameEndsAtThePureEquilibrium() throws {
        let e = try LogitPath.solve(TestGames.prisonersDilemma).equilibria[0]
        #expect(approxEqual(e.profile.probabilities, [[0, 1], [0, 1]], 1e-9))
    }
}
