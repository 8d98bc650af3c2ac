// The Swift snippets of the how-to guides (docs/howto/*.md), verbatim (each ```swift block minus its
// `import Entente` line), compiled against the public API only and run: they are small and fast. The tests check
// that the guides still contain exactly this code. The guides' shell commands are run by scripts/check-howto.sh.
import Entente
import Foundation
import Testing

enum HowToSnippets {
    static func gambit() throws {
        // BEGIN GAMBIT
        let nfg = """
            NFG 1 R "Battle of the sexes" { "Alice" "Bob" } { 2 2 }
            3 2 0 0 0 0 2 3
            """
        let battle = try GambitNFG.parse(nfg)
        let all = try VertexEnumeration.solve(battle)
        print(all.method, all.complete, all.equilibria.count)  // enumerate true 3
        // END GAMBIT
    }

    static func voting() throws {
        // BEGIN VOTING
        let council = try WeightedMajorityGame(
            weights: [4, 3, 2, 1], quota: 6, rule: .weak, players: ["North", "South", "East", "West"])
        let power = try PowerIndices.shapleyShubik(council)
        print(power.exact!, power.method)  // [5/12, 1/4, 1/4, 1/12] enumeration
        // END VOTING
    }

    static func scenario() throws {
        // BEGIN SCENARIO
        let year1900 = try GreatPowerHistory.embedded.scenario(year: 1900)
        let uncertain = try year1900.withTypes(["GMY": .uncertain(probabilityPowerAcquiring: 0.7)])
        print(ScenarioJSON.encode(uncertain).serialized())
        // END SCENARIO
    }

    static func certify() throws {
        // BEGIN CERTIFY
        let game = try GameJSON.parse(
            """
            {"players": ["Alice", "Bob"], "strategies": [["Opera", "Football"], ["Opera", "Football"]],
             "payoffs": [[[3, 0], [0, 2]], [[2, 0], [0, 3]]]}
            """)
        for e in try VertexEnumeration.solve(game).equilibria {
            if let certificate = Certify.certify(e, in: game) {
                print(certificate.probabilities)  // exact fractions, e.g. [[3/5, 2/5], [2/5, 3/5]]
            }
        }
        // END CERTIFY
    }
}

@Suite struct HowToSnippetTests {
    @Test(arguments: [
        ("solve-a-gambit-game.md", "GAMBIT"),
        ("voting-power.md", "VOTING"),
        ("scenario-for-a-year.md", "SCENARIO"),
        ("certify-an-equilibrium.md", "CERTIFY"),
    ])
    func guideSnippetIsTheCompiledCode(guide: String, name: String) throws {
        #expect(
            try DocumentationSnippetTests.documented("docs/howto/\(guide)") == DocumentationSnippetTests.compiled(name))
    }

    @Test func guideSnippetsRun() throws {
        try HowToSnippets.gambit()
        try HowToSnippets.voting()
        try HowToSnippets.scenario()
        try HowToSnippets.certify()
    }
}
