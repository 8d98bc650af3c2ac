import EntenteNumerics
import Testing

@testable import EntenteAlliances

/// The block search's last resorts: wider cycle breaking (``AllianceFormationGame/wideAttempts``, a repeated process
/// may switch to any prescription) and the enumeration of small blocks (``AllianceFormationGame/enumerateBlock``).
@Suite struct BlockSearchCompletenessTests {
    /// A three-actor game (all status quo, no exit, no window) with six deterministic Konishi–Ray equilibrium
    /// processes among its 7 560, which the search breaking cycles with justified moves only never reached.
    static func game() throws -> AllianceFormationGame {
        let actors = [("A", 0.177), ("B", 0.154), ("C", 0.371)].map { Country(id: $0.0, capability: $0.1) }
        let km: [[Double]] = [[0, 500, 200], [500, 0, 300], [200, 300, 0]]
        let rivalries = [[false, true, false], [true, false, false], [false, false, false]]
        let s = try Scenario(name: "three", actors: actors, distances: Matrix(rowArrays: km), rivalries: rivalries)
        var p = AllianceFormationGame.Parameters()
        p.kappa = 0.005
        p.allowExit = false
        p.windowHazard = nil
        return try AllianceFormationGame(scenario: s, parameters: p)
    }

    /// Every deterministic process of a small game, each checked by the public verifier.
    static func deterministicEquilibria(_ g: AllianceFormationGame) throws -> [[Int?]] {
        var found: [[Int?]] = []
        var choice = [Int?](repeating: nil, count: g.states.count)
        func visit(_ x: Int) throws {
            if x == g.states.count {
                if try g.violations(of: choice).isEmpty { found.append(choice) }
                return
            }
            for k in [nil] + g.moves[x].indices.map({ Optional($0) }) {
                choice[x] = k
                try visit(x + 1)
            }
        }
        try visit(0)
        return found
    }

    @Test func theSearchReachesAnEquilibriumThatEnumerationConfirms() throws {
        let g = try Self.game()
        #expect(g.states.count == 5)
        let all = try Self.deterministicEquilibria(g)
        #expect(all.count == 6)
        let r = try g.solve()
        #expect(r.verified)
        if r.mixed.isEmpty {
            #expect(all.contains(r.choice))
        } else {
            #expect(try g.violations(of: r.choice).isEmpty || !r.mixed.isEmpty)
        }
    }
}
