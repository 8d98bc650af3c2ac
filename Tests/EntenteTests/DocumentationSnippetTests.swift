// The README's and the tutorial's library snippets, verbatim (each ```swift block minus its `import Entente`
// line), compiled with the public API only: this file imports `Entente` without `@testable`. The tests below check
// that the documents still contain exactly this code, so a snippet that stops compiling fails the build.
import Entente
import Foundation
import Testing

/// Holds the snippets as functions: compiling them is the point. They are not run (the forecast in the README scores
/// 75 years and the tutorial enumerates Konishi–Ray processes), so the suite stays fast.
enum DocumentationSnippets {
    static func readme() throws {
        // BEGIN README
        // The alliance analysis of a built-in scenario (Correlates of War data compiled in).
        let europe = try BuiltinScenarios.scenario(named: "europe-1890")
        let analysis = try AllianceAnalysis(scenario: europe)
        print(analysis.shapleyShubik.exact!, analysis.exactBlocs!.blocs)

        // The alliance game itself: every equilibrium structure (verified), long-run probabilities of alliance.
        let alignment = try AlignmentGame(scenario: europe, stage: ConflictStage())
        let structures = try alignment.solve()
        print(structures.equilibria.first!.blocks, structures.allied[2, 3])

        // Forecasts for any year 1816–1945 from the embedded great-power history, scored against baselines.
        let model = try AllianceGameModel()
        let report = try AllianceValidation.run(model: model, scoreYears: 1816...1890)

        // All extreme Nash equilibria of a bimatrix game (Gambit .nfg text), verified, with exact certificates.
        let nfgText = """
            NFG 1 R "Matching pennies" { "Row" "Column" } { 2 2 }
            1 -1 -1 1 -1 1 1 -1
            """
        let pennies = try GambitNFG.parse(nfgText)
        for e in try VertexEnumeration.solve(pennies).equilibria {
            print(e.profile, Certify.certify(e, in: pennies)!.probabilities)
        }

        // Zero-sum game: value and optimal strategies by linear programming (interior point, then crossover to a vertex).
        let a = try Matrix(rowArrays: [[2, -1, 0], [-1, 1, -1], [0, -1, 3]])
        let zeroSum = try ZeroSum.solve(a)  // verified: exploitability ≤ 1e-9
        print(zeroSum.value, zeroSum.rowStrategy)

        // A linear program: min c·x s.t. A_ub x ≤ b_ub, x ≥ 0.
        let lp = try LinearProgram(
            objective: [-3, -5],
            inequalityMatrix: try Matrix(rowArrays: [[1, 0], [0, 2], [3, 2]]),
            inequalityBounds: [4, 12, 18])
        let result = try SimplexSolver().solve(lp)  // status, x, duals, reduced costs
        // END README
        _ = (report, result)
    }

    static func tutorial() throws {
        // BEGIN TUTORIAL
        let scenario = try BuiltinScenarios.scenario(named: "europe-1890")
        let analysis = try AllianceAnalysis(scenario: scenario, threatModel: ThreatModel(lengthKm: 500, epsilon: 0.1))
        print(analysis.exactBlocs!.blocs.map { $0.map { scenario.actors[$0].id } })

        let nfgText = """
            NFG 1 R "Matching pennies" { "Row" "Column" } { 2 2 }
            1 -1 -1 1 -1 1 1 -1
            """
        let game = try GambitNFG.parse(nfgText)
        for e in try VertexEnumeration.solve(game).equilibria {
            print(e.profile, e.regret, Certify.certify(e, in: game)?.probabilities ?? [])
        }

        // The dynamic model: Konishi–Ray processes of coalition formation.
        let g = try CoalitionFormationGame(players: 3, discount: 0.9) { p in
            (0..<3).map { i in [0, 0, 0.5, 1.0 / 3][p.block(of: i).count] }
        }
        let processes = try KonishiRay.deterministicEquilibria(g, rule: .strict)  // 12 processes, pairs absorbing
        // END TUTORIAL
        _ = processes
    }
}

@Suite struct DocumentationSnippetTests {
    /// The repository root, from this file's path (Tests/EntenteTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The code between `// BEGIN name` and `// END name` in the calling test file, with the function's indentation
    /// removed.
    static func compiled(_ name: String, file: String = #filePath) throws -> String {
        let source = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        let begin = try #require(source.range(of: "        // BEGIN \(name)\n"))
        let end = try #require(source.range(of: "        // END \(name)\n"))
        return source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }.joined(separator: "\n")
    }

    /// The first ```swift block of a document that starts with `import Entente`, without that line.
    static func documented(_ path: String) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let start = try #require(text.range(of: "```swift\nimport Entente\n\n"))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test func theReadmeSnippetIsTheCompiledCode() throws {
        #expect(try Self.documented("README.md") == Self.compiled("README"))
    }

    @Test func theTutorialSnippetIsTheCompiledCode() throws {
        #expect(try Self.documented("docs/tutorial.md") == Self.compiled("TUTORIAL"))
    }
}
