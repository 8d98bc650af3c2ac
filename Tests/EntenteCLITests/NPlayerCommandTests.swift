import Entente
import Foundation
import Testing

/// End-to-end checks of `entente nash` on 3-player and Bayesian games.
@Suite struct NPlayerCommandTests {
    let cli = CommandLineTests()

    /// Osborne (2004, §9.2), the same file as EntenteIOTests' `BayesianGameFileTests.battleOfTheSexes`.
    static let bayesianBattleOfTheSexes = """
        {"players": ["1", "2"], "types": [["only"], ["meet", "avoid"]], "actions": [["B", "S"], ["B", "S"]],
         "prior": [["1/2", "1/2"]],
         "payoffs": [[[[[2, 0], [0, 1]], [[2, 0], [0, 1]]]], [[[[1, 0], [0, 2]], [[0, 2], [1, 0]]]]]}
        """

    @Test func threePlayerEnumerationReportsPathsAndCertificates() throws {
        // Volunteer's dilemma, b = 4, c = 1 (strategy 1 volunteers): 7 equilibria.
        var payoffs: [String] = []
        for k in 0..<8 {
            let s = [k & 1, (k >> 1) & 1, (k >> 2) & 1]
            payoffs += s.map { $0 == 0 ? "3" : (s.contains(0) ? "4" : "0") }
        }
        let file = try cli.temporaryFile(
            "NFG 1 R \"vd\" { \"A\" \"B\" \"C\" } { 2 2 2 }\n" + payoffs.joined(separator: " ") + "\n", suffix: ".nfg")
        let r = try cli.run(["nash", file, "--all", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try JSONValue.parse(r.stdout)
        #expect(d["method"] == .string("homotopy") && d["complete"] == .bool(true))
        guard case .array(let eqs)? = d["equilibria"] else { Issue.record("no equilibria"); return }
        #expect(eqs.count == 7)
        #expect(eqs.allSatisfy { $0["certificate"]?["equilibrium"] == .bool(true) })
        #expect(d["paths"]?["failed"] == .number(0))
    }

    @Test func bayesianFileIsSolvedPerType() throws {
        let file = try cli.temporaryFile(Self.bayesianBattleOfTheSexes, suffix: ".json")
        let r = try cli.run(["nash", file, "--all", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try JSONValue.parse(r.stdout)
        guard case .array(let eqs)? = d["equilibria"] else { Issue.record("no equilibria"); return }
        #expect(eqs.count == 3 && d["complete"] == .bool(true))
        #expect(eqs.allSatisfy { $0["behaviour"] != nil && $0["interimPayoffs"] != nil })
        let bad = try cli.run(["nash", file, "--method", "lemke"])
        #expect(bad.status != 0 && bad.stderr.contains("does not apply to Bayesian games"))
    }
}
