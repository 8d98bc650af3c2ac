import EntenteIO
import EntenteTestSupport
import Testing

/// The Bayesian JSON format and the complete Bayesian solvers.
@Suite struct BayesianGameFileTests {
    /// Osborne (2004, §9.2): player 2 wants to meet (prob. 1/2) or to avoid player 1.
    static let battleOfTheSexes = """
        {"players": ["1", "2"], "types": [["only"], ["meet", "avoid"]], "actions": [["B", "S"], ["B", "S"]],
         "prior": [["1/2", "1/2"]],
         "payoffs": [[[[[2, 0], [0, 1]], [[2, 0], [0, 1]]]], [[[[1, 0], [0, 2]], [[0, 2], [1, 0]]]]]}
        """

    @Test func bayesianBattleOfTheSexesHasThreeEquilibria() throws {
        #expect(BayesianGameJSON.isBayesian(Self.battleOfTheSexes))
        let g = try BayesianGameJSON.parse(Self.battleOfTheSexes)
        #expect(g.prior == [0.5, 0.5])
        let r = try g.allEquilibria()
        #expect(r.complete)
        #expect(r.equilibria.count == 3)
        // Osborne's pure equilibrium: 1 plays B; type meet B, type avoid S.
        #expect(
            r.equilibria.contains {
                approxEqual($0.strategies[0], [[1, 0]]) && approxEqual($0.strategies[1], [[1, 0], [0, 1]])
            })
        // Mixed: 1 plays B with 2/3, meet B with 2/3, avoid S (interim payoffs 2/3, 2/3, 4/3).
        let mixed = try #require(r.equilibria.first { abs($0.strategies[0][0][0] - 2.0 / 3) < 1e-9 })
        #expect(approxEqual(mixed.interimPayoffs, [[2.0 / 3], [2.0 / 3, 4.0 / 3]], 1e-9))
    }

    @Test func threePlayerBayesianGameUsesTheAgentFormEnumerator() throws {
        // One type each: the volunteer's dilemma (b = 4, c = 1) with its 7 equilibria.
        let text = """
            {"types": [1, 1, 1], "actions": [2, 2, 2], "prior": [[[1]]],
             "payoffs": [[[[[[[3, 3], [3, 3]], [[4, 4], [4, 0]]]]]], [[[[[[3, 3], [4, 4]], [[3, 3], [4, 0]]]]]], [[[[[[3, 4], [3, 4]], [[3, 4], [3, 0]]]]]]]}
            """
        let g = try BayesianGameJSON.parse(text)
        let r = try g.allEquilibria()
        #expect(r.method == .agentFormHomotopy)
        #expect(r.complete)
        #expect(r.equilibria.count == 7)
        #expect(r.equilibria.contains { e in e.strategies.allSatisfy { abs($0[0][0] - 0.5) < 1e-9 } })
    }

    @Test func malformedFilesGiveLocatedErrors() {
        let bad = Self.battleOfTheSexes.replacingOccurrences(of: "\"1/2\", \"1/2\"", with: "\"1/2\", \"1/3\"")
        #expect(throws: FileFormatError.self) { _ = try BayesianGameJSON.parse(bad) }
        do { _ = try BayesianGameJSON.parse(bad) } catch let e as FileFormatError { #expect(e.path == "$.prior") } catch
        { Issue.record("\(error)") }
        let shape = Self.battleOfTheSexes.replacingOccurrences(
            of: "\"types\": [[\"only\"], [\"meet\", \"avoid\"]]", with: "\"types\": [1, 3]")
        #expect(throws: FileFormatError.self) { _ = try BayesianGameJSON.parse(shape) }
        #expect(!BayesianGameJSON.isBayesian("{\"players\": [\"1\"]}"))
    }
}
