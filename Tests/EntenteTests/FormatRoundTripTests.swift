// Inputs that Entente writes back read back as the same value (scenario, game and coalition JSON, same field names
// in and out), the examples in docs/formats.md work as written, and every solver family reports one result shape.
// Public API only: plain `import Entente`.
import Entente
import Foundation
import Testing

@Suite struct FormatRoundTripTests {
    /// The repository root (this file is Tests/<target>/FormatRoundTripTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The ```json blocks of one `## ` section of docs/formats.md, in order.
    static func jsonBlocks(section: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/formats.md"), encoding: .utf8)
        let start = try #require(text.range(of: "\n## \(section)\n"))
        let rest = text[start.upperBound...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```json" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    @Test func coalitionExamplesInFormatsMdWorkAsWritten() throws {
        let blocks = try Self.jsonBlocks(section: "Coalitional games")
        #expect(blocks.count == 3)
        let games = try blocks.map { try CoalitionJSON.parse($0) }
        // The by-name example is the same game as the bitmask example.
        guard case .transferableUtility(let byMask) = games[0], case .transferableUtility(let byName) = games[1] else {
            Issue.record("expected two TU games, got \(games)")
            return
        }
        #expect(byName == byMask)
        #expect(byName.values == [0, 0, 0, 1, 0, 1, 1, 1])
        guard case .weightedMajority(let w) = games[2] else {
            Issue.record("expected a weighted majority game")
            return
        }
        #expect(w.players == ["GMY", "UKG", "RUS"] && w.rule == .strict)
    }

    @Test func coalitionJSONRoundTripsWithTheSameFieldNames() throws {
        let tu = try CoalitionalGame(players: ["A", "B", "C"], values: [0, 0, 0, 0.5, 0, 1, 1.0 / 3, 2])
        let weak = try WeightedMajorityGame(
            weights: [4, 3, 2, 1], quota: 6, rule: .weak, players: ["P", "Q", "R", "S"])
        let strict = try WeightedMajorityGame(
            weights: [4, 3, 2, 1], quota: 5, rule: .strict, players: ["P", "Q", "R", "S"])
        let text = CoalitionJSON.encode(.transferableUtility(tu)).serialized()
        guard case .transferableUtility(let back) = try CoalitionJSON.parse(text) else {
            Issue.record("expected a TU game")
            return
        }
        #expect(back == tu)
        for g in [weak, strict] {
            let text = CoalitionJSON.encode(.weightedMajority(g)).serialized()
            #expect(text.contains("\"quota_rule\""))
            guard case .weightedMajority(let back) = try CoalitionJSON.parse(text) else {
                Issue.record("expected a weighted majority game")
                return
            }
            #expect(back == g)
        }
    }

    @Test func gameJSONRoundTripsIncludingTheFormatsMdExample() throws {
        let example = try #require(try Self.jsonBlocks(section: "Strategic-form games").first)
        var games = [try GameJSON.parse(example)]
        var payoffs: [[Double]] = []
        for p in 0..<3 {
            var u: [Double] = []
            for k in 0..<12 { u.append(Double(k * (p + 2)) / 7 - 1) }
            payoffs.append(u)
        }
        let strategies: [[String]] = [["a1", "a2"], ["b1", "b2", "b3"], ["c1", "c2"]]
        games.append(
            try NormalFormGame(
                title: "three players", players: ["A", "B", "C"], strategies: strategies, payoffs: payoffs))
        for g in games {
            let back = try GameJSON.parse(GameJSON.encode(g).serialized())
            #expect(back == g)
            // The written file is the same format GambitNFG writes: both read back to the same payoffs.
            #expect(try GambitNFG.parse(GambitNFG.write(g)).payoffs == back.payoffs)
        }
        #expect(games[0].payoffs[0] == [1, 4, 2, 5, 3, 6])
    }

    @Test func scenarioJSONRoundTripsWithUncertainTypesAndTheSameFieldNames() throws {
        let example = try #require(try Self.jsonBlocks(section: "Scenarios").first)
        let s = try ScenarioJSON.parse(example)
        #expect(s.actors.map(\.type) == [.powerAcquiring, .uncertain(probabilityPowerAcquiring: 0.3)])
        let text = ScenarioJSON.encode(s).serialized()
        for key in ["\"capability\"", "\"military_share\"", "\"distances_km\"", "\"contiguous\"", "\"rivalries\""] {
            #expect(text.contains(key), "\(key) missing from \(text)")
        }
        #expect(!text.contains("militaryShare") && !text.contains("P(powerAcquiring)"))
        #expect(try ScenarioJSON.parse(text) == s)
    }

    @Test func everyNashSolverReturnsNashResultWithItsMethod() throws {
        let pennies = try NormalFormGame(
            strategyCounts: [2, 2], payoffs: [[1, -1, -1, 1], [-1, 1, 1, -1]])
        let lemke = try LemkeHowson.solve(pennies, label: 1)
        #expect(lemke.method == .lemkeHowson && !lemke.complete && lemke.equilibria.count == 1)
        let logit = try LogitPath.solve(pennies)
        #expect(logit.method == .logit && !logit.complete && logit.equilibria.count == 1)
        #expect(logit.tolerance == lemke.tolerance)
        #expect(try VertexEnumeration.solve(pennies).method == .vertexEnumeration)
        #expect(try PureEquilibria.solve(pennies).method == .pure)
        #expect(try SupportEnumeration.solve(pennies).method == .supportEnumeration)
        #expect(try ZeroSumNash.solve(pennies).method == .zeroSum)
        // The raw values are the method names the command line accepts and prints.
        #expect(
            Set(NashResult.Method.allCases.map(\.rawValue))
                == ["pure", "enumerate", "support", "lemke", "zero-sum", "logit", "homotopy"])
        var options = LogitPath.Options()
        options.maxLambda = .nan
        #expect(throws: EquilibriumError.invalidPathOption(value: .infinity)) {
            options.maxLambda = .infinity
            return try LogitPath.solve(pennies, options: options)
        }
    }

    @Test func coalitionsPrintFromZeroOrByName() {
        let c = Coalition([0, 2])
        #expect(c.description == "{0,2}" && c.members == [0, 2])
        #expect(c.description(names: ["A", "B", "C"]) == "{A,C}")
        let p = Partition([Coalition([0, 1]), Coalition([2])])
        #expect(p.description == "{0,1} | {2}" && p.description(names: ["A", "B", "C"]) == "{A,B} | {C}")
    }

    @Test func blocsRefuseMalformedHostilityWithOneErrorType() throws {
        let empty = Matrix(rows: 0, columns: 0)
        #expect(throws: CooperativeError.noPlayers) { try Blocs.spectral(hostility: empty) }
        #expect(throws: CooperativeError.noPlayers) { try Blocs.exact(hostility: empty) }
        let wide = Matrix(rows: 2, columns: 3)
        #expect(throws: CooperativeError.dimensionMismatch(expected: 2, actual: 3)) {
            try Blocs.spectral(hostility: wide)
        }
        var nan = Matrix(rows: 2, columns: 2)
        nan[0, 1] = .nan
        #expect(throws: CooperativeError.nonFinite(index: 2)) { try Blocs.exact(hostility: nan) }
    }

    /// Every reader reports a malformed or invalid file as a `FileFormatError`, whatever layer found the problem.
    @Test func everyReaderThrowsOnlyFileFormatError() {
        func error(_ body: () throws -> Void) -> Error? {
            do {
                try body()
                return nil
            } catch {
                return error
            }
        }
        let csvHeader = "stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng\n"
        let failures: [(String, Error?)] = [
            ("game JSON syntax", error { _ = try GameJSON.parse("{\"players\": [") }),
            (
                "game JSON shape",
                error { _ = try GameJSON.parse(#"{"players": ["A"], "strategies": [[]], "payoffs": [[]]}"#) }
            ),
            ("nfg", error { _ = try GambitNFG.parse("NFG 1 R \"t\" { \"A\" } { 2 }\n1\n") }),
            ("coalition", error { _ = try CoalitionJSON.parse(#"{"players": ["A", "B"], "coalitions": {"A,B": 1}}"#) }),
            ("weights", error { _ = try CoalitionJSON.parse(#"{"players": ["A"], "weights": [-1]}"#) }),
            (
                "scenario value",
                error { _ = try ScenarioJSON.parse(#"{"actors": [{"id": "A", "capability": 1, "type": 2}]}"#) }
            ),
            ("scenario model", error { _ = try ScenarioJSON.parse(#"{"actors": [{"id": "A", "capability": 0}]}"#) }),
            ("bayesian", error { _ = try BayesianGameJSON.parse(#"{"players": ["A"], "types": [0]}"#) }),
            (
                "nmc state",
                error { _ = try NMCCSV.scenario(csvHeader + "AAA,1900,1,1,1,1,1,1,0,0\n", year: 1900, states: ["ZZZ"]) }
            ),
            ("nmc year", error { _ = try NMCCSV.scenario(csvHeader + "AAA,1900,1,1,1,1,1,1,0,0\n", year: 1901) }),
        ]
        for (what, e) in failures {
            #expect(e is FileFormatError, "\(what): \(String(describing: e))")
        }
    }
}

/// Library errors name API parameters, never command-line options or commands: the command-line tool adds those.
@Suite struct LibraryErrorWordingTests {
    @Test func noLibraryErrorNamesACommandLineOption() {
        var errors: [any Error & CustomStringConvertible] = []
        errors +=
            [
                EquilibriumError.emptyGame, .nonFinitePayoff(player: 0, index: 1),
                .verificationFailed(regret: 1, tolerance: 0), .linearProgramFailed,
                .wrongPlayerCount(expected: 2, actual: 3), .tooLarge(size: 200, limit: 128), .notZeroSum(deviation: 1),
                .noConvergence(steps: 9), .invalidProfile(player: 1), .nonFiniteResult(player: 0),
                .invalidTolerance(-1),
                .invalidLabel(label: 4, count: 4), .invalidLimit(value: 0, minimum: 1), .invalidPathOption(value: .nan),
                .invalidGame(.empty),
            ] as [EquilibriumError]
        errors +=
            [
                GameError.empty, .dimensionMismatch(expected: 2, actual: 1),
                .shapeMismatch(rows: 2, columns: 1, otherRows: 1, otherColumns: 2), .nonFinite(player: 0, index: 0),
                .notAProbability(player: 1), .tooLarge(size: 10, limit: 5),
            ] as [GameError]
        errors +=
            [
                CooperativeError.noPlayers, .tooManyPlayers(n: 40, limit: 25),
                .dimensionMismatch(expected: 8, actual: 4),
                .nonFinite(index: 0), .negativeWeight(player: 0), .emptyCoalitionValue, .invalidQuota,
                .linearProgramFailed, .verificationFailed, .weightsTooLarge(limit: 1 << 53), .invalidScale,
                .tableTooLarge(cells: 10, limit: 5), .workTooLarge(cellUpdates: 10, limit: 5), .emptyImputationSet,
                .eigenDecompositionFailed,
            ] as [CooperativeError]
        errors +=
            [
                DynamicsError.invalidParameter(name: "delta"), .tooManyStates(players: 9, limit: 7), .singularSystem,
                .iterativeSolverDidNotConverge(iterations: 100, residual: 1e-3), .searchLimit(limit: 10),
                .tooManyBeliefStates(states: 10, limit: 5), .tooManyActors(actors: 20, limit: 16),
                .stateSpaceTooLarge(states: 10, moves: 10, stateLimit: 5, moveLimit: 5), .nonFinitePayoffs,
                .evaluationDidNotConverge(sweeps: 10),
            ] as [DynamicsError]
        errors +=
            [
                AllianceGameError.invalidParameter(name: "epsilon", value: 2, range: "[0, 1]"),
                .tooManyActors(count: 20, limit: 10), .yearOutOfRange(year: 1700, range: 1816...1945),
                .nonFinite("threat"), .notConverged(what: "logit dynamics"),
            ] as [AllianceGameError]
        errors +=
            [
                HistoryError.yearOutOfRange(year: 1700, available: 1816...1945),
                .outcomesUnavailable(year: 1900, available: 1816...1890),
                .invalidFitYears(1800...1900, allowed: 1816...1890), .malformed(table: "wars", line: 2, message: "bad"),
                .invalidPredictions(model: "m", year: 1850, message: "bad"), .unknownModel(name: "x", known: ["game"]),
            ] as [HistoryError]
        errors +=
            [
                BenchmarkError.unknownFamily("x"), .invalidSizes("empty"),
                .sizeOutOfRange(family: "lemke", size: 0, limits: 2...500), .invalidRepeats(0),
            ] as [BenchmarkError]
        do {
            _ = try BuiltinScenarios.scenario(named: "atlantis")
            Issue.record("expected an unknown-scenario error")
        } catch {
            #expect("\(error)".contains("europe-1914"), "the message lists the known names")
            #expect(!"\(error)".contains("entente "))
        }
        for e in errors {
            let text = e.description
            #expect(!text.contains("--") && !text.contains("entente "), "\(type(of: e)): \(text)")
            #expect(!text.isEmpty && !text.contains("\n"), "\(type(of: e)): one line")
        }
    }
}
