import EntenteGames
import EntenteTestSupport
import Testing

@Suite struct BimatrixSolverTests {
    @Test func matchingPenniesHasOnlyTheUniformEquilibrium() throws {
        for r in [
            try VertexEnumeration.solve(TestGames.matchingPennies),
            try SupportEnumeration.solve(TestGames.matchingPennies),
        ] {
            #expect(r.equilibria.count == 1)
            #expect(contains(r, [[0.5, 0.5], [0.5, 0.5]]))
        }
        #expect(try PureEquilibria.solve(TestGames.matchingPennies).equilibria.isEmpty)
    }

    @Test func battleOfTheSexesHasThreeEquilibria() throws {
        let r = try VertexEnumeration.solve(TestGames.battleOfTheSexes)
        #expect(r.complete && r.equilibria.count == 3)
        #expect(contains(r, [[1, 0], [1, 0]]) && contains(r, [[0, 1], [0, 1]]))
        #expect(contains(r, [[2.0 / 3, 1.0 / 3], [1.0 / 3, 2.0 / 3]]))
        #expect(try SupportEnumeration.solve(TestGames.battleOfTheSexes).equilibria.count == 3)
        #expect(try PureEquilibria.solve(TestGames.battleOfTheSexes).equilibria.count == 2)
    }

    @Test func prisonersDilemmaHasMutualDefectionOnly() throws {
        let r = try VertexEnumeration.solve(TestGames.prisonersDilemma)
        #expect(r.equilibria.count == 1 && contains(r, [[0, 1], [0, 1]]))
        #expect(r.equilibria[0].payoffs == [1, 1])
    }

    @Test func stagHuntAndChickenHaveTwoPureAndOneMixed() throws {
        let s = try VertexEnumeration.solve(TestGames.stagHunt)
        #expect(s.equilibria.count == 3 && contains(s, [[2.0 / 3, 1.0 / 3], [2.0 / 3, 1.0 / 3]]))
        let c = try VertexEnumeration.solve(TestGames.chicken)
        #expect(c.equilibria.count == 3 && contains(c, [[0.9, 0.1], [0.9, 0.1]]))
        #expect(contains(c, [[1, 0], [0, 1]]) && contains(c, [[0, 1], [1, 0]]))
    }

    @Test func rockPaperScissorsAndShapleyGameHaveUniqueUniformEquilibrium() throws {
        let third = [Double](repeating: 1.0 / 3, count: 3)
        for g in [TestGames.rockPaperScissors, TestGames.shapley] {
            let r = try VertexEnumeration.solve(g)
            #expect(r.equilibria.count == 1 && contains(r, [third, third]))
            let lh = try LemkeHowson.solve(g, label: 2).equilibria[0]
            #expect(approxEqual(lh.profile.probabilities, [third, third]))
        }
    }

    @Test func degenerateGameReportsBothEndsOfItsContinuum() throws {
        // x = (1,0,0) against every y = (t, 1−t), t ∈ [2/3, 1], is an equilibrium: one component with two extreme points.
        let r = try VertexEnumeration.solve(TestGames.degenerate)
        #expect(r.complete)
        #expect(contains(r, [[1, 0, 0], [1, 0]]) && contains(r, [[1, 0, 0], [2.0 / 3, 1.0 / 3]]))
        let ends = r.equilibria.filter { approxEqual([$0.profile.probabilities[0]], [[1, 0, 0]]) }
        #expect(ends.count == 2 && ends[0].component == ends[1].component)
        #expect(contains(r, [[0, 1.0 / 3, 2.0 / 3], [1.0 / 3, 2.0 / 3]]))
        // The nondegenerate variant (b₁₂ = 2) has the isolated equilibrium ((4/5, 1/5, 0), (2/3, 1/3)); with
        // b₁₂ = 3 it merges into the segment, leaving three extreme equilibria in two components.
        #expect(r.equilibria.count == 3)
        #expect(Set(r.equilibria.compactMap(\.component)).count == 2)
    }

    @Test func lemkeHowsonFindsAnEquilibriumFromEveryLabel() throws {
        let g = TestGames.battleOfTheSexes
        for k in 0..<4 {
            let e = try LemkeHowson.solve(g, label: k).equilibria[0]
            #expect(e.regret <= 1e-9)
        }
        let all = try LemkeHowson.solveAllLabels(TestGames.degenerate)
        #expect(!all.equilibria.isEmpty && !all.complete)
    }

    @Test(arguments: 0..<25) func solversAgreeOnRandomNondegenerateGames(seed: Int) throws {
        let m = 2 + seed % 5, n = 2 + (seed / 5) % 5
        let g = TestGames.random(m: m, n: n, seed: UInt64(seed) + 1000)
        let vertex = try VertexEnumeration.solve(g)
        let support = try SupportEnumeration.solve(g)
        let lemke = try LemkeHowson.solveAllLabels(g)
        #expect(vertex.complete && support.complete)
        #expect(vertex.equilibria.count == support.equilibria.count)
        #expect(vertex.equilibria.count % 2 == 1)  // nondegenerate games have an odd number of equilibria
        for e in support.equilibria { #expect(contains(vertex, e.profile.probabilities, 1e-7)) }
        for e in lemke.equilibria { #expect(contains(vertex, e.profile.probabilities, 1e-7)) }
        for e in vertex.equilibria { #expect(e.regret <= vertex.tolerance) }
    }

    @Test func nonTwoPlayerGamesAreRejectedByBimatrixMethods() throws {
        let g = try NormalFormGame(
            strategyCounts: [2, 2, 2], payoffs: [[Double]](repeating: [Double](repeating: 0, count: 8), count: 3))
        #expect(throws: EquilibriumError.wrongPlayerCount(expected: 2, actual: 3)) { try VertexEnumeration.solve(g) }
        #expect(throws: EquilibriumError.wrongPlayerCount(expected: 2, actual: 3)) { try LemkeHowson.solve(g) }
    }
}
