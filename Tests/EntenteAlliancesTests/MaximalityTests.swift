import EntenteAlliances
import EntenteGames
import EntenteNumerics
import Testing

/// Konishi–Ray's clause (a) in the dynamic verifiers: a move that is profitable for its movers but dominated by another
/// move of the same movers is rejected.
@Suite struct MaximalityTests {
    /// Two status-quo actors; opting out pays 5 per period and leaves no exposure, so it beats everything.
    static func pair() throws -> Scenario {
        try Scenario(
            name: "pair", actors: [Country(id: "A", capability: 0.5), Country(id: "B", capability: 0.5)],
            distances: Matrix(rowArrays: [[0, 400], [400, 0]]))
    }

    static func game() throws -> AllianceFormationGame {
        let s = try pair()
        var p = AllianceFormationGame.Parameters()
        p.windowHazard = nil
        p.exitPayoff = 5
        p.neutralExposure = 0
        return try AllianceFormationGame(scenario: s, parameters: p)
    }

    /// Two processes that differ only in the allied state {A, B}: A leaves the alliance to stand alone (then exits next
    /// period), or A exits at once. Elsewhere: anyone still active exits (A first).
    static func processes(_ g: AllianceFormationGame) -> (allied: Int, dominated: [Int?], maximal: [Int?]) {
        let allied = g.states.firstIndex { $0.labels == [0, 0] }!
        var choice = [Int?](repeating: nil, count: g.states.count)
        for x in g.states.indices {
            let active = g.states[x].labels.indices.filter { g.states[x].labels[$0] >= 0 }
            if let i = active.first { choice[x] = g.moves[x].firstIndex { $0.move == .exit(i) } }
        }
        var dominated = choice
        dominated[allied] = g.moves[allied].firstIndex { $0.move == .form(Coalition([0])) }
        return (allied, dominated, choice)
    }

    @Test func aProfitableButDominatedMoveIsRejected() throws {
        let g = try Self.game()
        let (allied, dominated, maximal) = Self.processes(g)
        let alone = g.moves[allied][dominated[allied]!].target
        #expect(g.states[alone].labels == [0, 1])
        // Leaving the alliance is profitable for A (it exits from there) ...
        let v = try g.values(of: dominated)
        #expect(v[alone][0] > v[allied][0] + 1)
        // ... but exiting at once is better for A, the same mover: clause (a) fails in the allied state only.
        #expect(try g.violations(of: dominated) == [allied])
        #expect(try g.violations(of: maximal).isEmpty)
        // The search returns a verified process whose move in the allied state is maximal.
        let r = try g.solve()
        #expect(r.verified)
        #expect(try g.violations(of: r.choice).isEmpty)
        if let k = r.choice[allied] { #expect(g.moves[allied][k].move != .form(Coalition([0]))) }
    }

    @Test func thePrivateTypeGameRejectsADominatedPoolingMove() throws {
        var s = try Self.pair()
        s = try s.withTypes([s.ids[0]: .uncertain(probabilityPowerAcquiring: 0.5)])
        let g = try BayesianAllianceFormationGame(scenario: s, parameters: Self.game().parameters)
        let (allied, dominated, maximal) = Self.processes(g.base)
        func prescriptions(_ choice: [Int?]) -> [BayesianPrescription] {
            (0..<g.stateCount).map { z in choice[z / g.beliefCount].map { .pooling(move: $0) } ?? .wait }
        }
        let flagged = try g.violations(of: prescriptions(dominated))
        #expect(flagged == (0..<g.beliefCount).map { allied * g.beliefCount + $0 })
        #expect(try g.violations(of: prescriptions(maximal)).isEmpty)
        let r = try g.solve()
        #expect(r.verified && g.violations(r).isEmpty)
    }
}
