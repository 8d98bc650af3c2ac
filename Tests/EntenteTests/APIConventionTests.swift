// Conventions of the public API (issue 15), tested as users see it: plain `import Entente`, no `@testable`.
import Entente
import Testing

@Suite struct APIConventionTests {
    @Test func moduleQualifiedNamesResolveAndNoTypeShadowsConcurrency() throws {
        // No type is named `Entente`, so the module name qualifies re-exported types.
        let m: Entente.Matrix = try Entente.Matrix(rowArrays: [[1, 2], [3, 4]])
        #expect(m[1, 0] == 3)
        #expect(!EntenteLibrary.version.isEmpty)
        // `Actor` is Swift concurrency's protocol, not a scenario type.
        let nothing: (any Actor)? = nil
        #expect(nothing == nil)
    }

    @Test func scenarioTypesAreValidatedWhenReplaced() throws {
        let s = try Scenario(
            name: "pair", actors: [Country(id: "A", capability: 0.6), Country(id: "B", capability: 0.4)],
            distances: Matrix(rowArrays: [[0, 100], [100, 0]]))
        #expect(throws: ScenarioError.self) { try s.withTypes(["A": .uncertain(probabilityPowerAcquiring: 2)]) }
        #expect(throws: ScenarioError.self) { try s.withTypes(["Z": .powerAcquiring]) }
        #expect(try s.withTypes(["B": .powerAcquiring]).actors[1].type == .powerAcquiring)
    }

    @Test func shapeErrorsSayWhatIsWrong() {
        #expect(throws: LinearAlgebraError.raggedRows(row: 1, expectedColumns: 2, actualColumns: 1)) {
            try Matrix(rowArrays: [[1, 2], [3]])
        }
        #expect(
            LinearAlgebraError.raggedRows(row: 1, expectedColumns: 2, actualColumns: 1).description
                == "row 2 has 1 entries, the first row has 2")
        #expect(throws: LinearAlgebraError.elementCount(expected: 4, actual: 3)) {
            try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3])
        }
        #expect(throws: GameError.shapeMismatch(rows: 2, columns: 1, otherRows: 1, otherColumns: 2)) {
            try NormalFormGame(rowPayoffs: Matrix(rowArrays: [[1], [2]]), columnPayoffs: Matrix(rowArrays: [[1, 2]]))
        }
    }

    @Test func aBayesianGameTooLargeForItsExAnteFormReportsItsSize() throws {
        // Player 1: 12 types × 8 actions → 8¹² = 68 719 476 736 ex-ante strategies.
        let types = [(0..<12).map { "t\($0)" }, ["only"]]
        let actions = [(0..<8).map { "a\($0)" }, (0..<8).map { "b\($0)" }]
        let payoffs = (0..<12).map { t in (0..<2).map { p in (0..<64).map { Double(($0 + t + p) % 5) } } }
        let g = try BayesianGame(
            players: ["1", "2"], types: types, actions: actions,
            prior: [Double](repeating: 1.0 / 12, count: 12), payoffs: payoffs)
        let result = Result { () throws(EquilibriumError) in try g.solve(all: true) }
        guard case .failure(.invalidGame(.tooLarge(let size, let limit))) = result else {
            Issue.record("expected invalidGame(tooLarge), got \(result)")
            return
        }
        #expect(size == 68_719_476_736 && limit == NormalFormGame.defaultProfileLimit)
    }

    @Test func theQuotaRuleIsExplicitAndFilesReadAQuotaAsVotingToolsDo() throws {
        // [6; 4, 3, 2, 1]: weak (≥ 6) gives 5/12, 1/4, 1/4, 1/12; strict (> 6) gives 7/12, 1/4, 1/12, 1/12.
        let weak = try WeightedMajorityGame(weights: [4, 3, 2, 1], quota: 6, rule: .weak)
        let strict = try WeightedMajorityGame(weights: [4, 3, 2, 1], quota: 6, rule: .strict)
        #expect(try PowerIndices.shapleyShubik(weak).exact?.map(\.description) == ["5/12", "1/4", "1/4", "1/12"])
        #expect(try PowerIndices.shapleyShubik(strict).exact?.map(\.description) == ["7/12", "1/4", "1/12", "1/12"])
        guard
            case .weightedMajority(let file) = try CoalitionJSON.parse(
                #"{"players": ["A", "B", "C", "D"], "weights": [4, 3, 2, 1], "quota": 6}"#)
        else { Issue.record("not a weighted game"); return }
        #expect(file.rule == .weak)
        // Without a quota: the strict majority of the total (more than half wins), as before.
        guard
            case .weightedMajority(let majority) = try CoalitionJSON.parse(
                #"{"players": ["A", "B"], "weights": [1, 1]}"#)
        else { Issue.record("not a weighted game"); return }
        #expect(majority.rule == .strict && majority.quota == 1)
    }
}
