import Testing
@testable import Entente

@Suite struct AllianceDynamicsTests {
    /// Three actors: A and B are neighbouring rivals, C lies between them.
    static func toy(types: [ActorType] = [.statusQuo, .statusQuo, .statusQuo]) throws -> Scenario {
        let actors = [Actor(id: "A", capability: 0.4, type: types[0]), Actor(id: "B", capability: 0.35, type: types[1]),
                      Actor(id: "C", capability: 0.25, type: types[2])]
        let km: [[Double]] = [[0, 300, 200], [300, 0, 200], [200, 200, 0]]
        var riv = [[Bool]](repeating: [false, false, false], count: 3)
        riv[0][1] = true; riv[1][0] = true
        return try Scenario(name: "toy", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
    }

    @Test func solvedProcessesSatisfyTheEquilibriumConditionsInEveryState() throws {
        for types in [[ActorType.statusQuo, .statusQuo, .statusQuo], [.powerAcquiring, .statusQuo, .statusQuo]] {
            for rule in Profitability.allCases {
                var p = AllianceFormationGame.Parameters()
                p.rule = rule
                let g = try AllianceFormationGame(scenario: Self.toy(types: types), parameters: p)
                #expect(g.states.count == 2 * Partition.bellNumber(4))  // exits × partitions = Bell(n+1), × window
                let r = try g.solve()
                #expect(r.verified)
                #expect(g.states.indices.allSatisfy { !g.violates(r.values, r.choice, at: $0, tolerance: 1e-9) })
                #expect(abs(r.absorbing.reduce(0) { $0 + $1.probability } - 1) < 1e-9)
            }
        }
    }

    @Test func denseAndIterativePolicyEvaluationAgree() throws {
        var dense = AllianceFormationGame.Parameters()
        dense.denseLimit = 10_000
        let s = try Self.toy(types: [.powerAcquiring, .statusQuo, .statusQuo])
        let a = try AllianceFormationGame(scenario: s, parameters: dense).solve()
        for solver in AllianceFormationGame.IterativeSolver.allCases {
            var iterative = dense
            iterative.denseLimit = 0
            iterative.iterativeSolver = solver
            let b = try AllianceFormationGame(scenario: s, parameters: iterative).solve()
            #expect(a.choice == b.choice, "\(solver)")
            for (x, y) in zip(a.values, b.values) { for (u, v) in zip(x, y) { #expect(abs(u - v) < 1e-9, "\(solver)") } }
        }
    }

    @Test func aRewardingExitEmptiesTheSystemAndAnOpenWindowIsSeized() throws {
        var p = AllianceFormationGame.Parameters()
        p.exitPayoff = 1
        let g = try AllianceFormationGame(scenario: Self.toy(), parameters: p)
        let r = try g.solve()
        #expect(r.verified && g.states[r.absorbing[0].state].exited.count == 3)
        // A power-acquiring A with a large prize and a window that rarely closes forms a coalition at once.
        var q = AllianceFormationGame.Parameters()
        q.prize = 5
        q.windowHazard = 0.05
        q.allowExit = false
        let h = try AllianceFormationGame(scenario: Self.toy(types: [.powerAcquiring, .statusQuo, .statusQuo]), parameters: q)
        let s = try h.solve()
        #expect(s.verified)
        #expect(h.choices(in: s.initialState, result: s).contains(.seize) || h.choices(in: s.initialState, result: s).contains(.join))
    }

    @Test func badParametersAreRejected() throws {
        var p = AllianceFormationGame.Parameters()
        p.delta = 1
        #expect(throws: DynamicsError.self) { try AllianceFormationGame(scenario: Self.toy(), parameters: p) }
        p = AllianceFormationGame.Parameters()
        p.kappa = -0.1
        #expect(throws: DynamicsError.self) { try AllianceFormationGame(scenario: Self.toy(), parameters: p) }
        p = AllianceFormationGame.Parameters()
        p.windowHazard = 1.5
        #expect(throws: DynamicsError.self) { try AllianceFormationGame(scenario: Self.toy(), parameters: p) }
        #expect(throws: DynamicsError.tooManyStates(players: 7, limit: 6)) {
            try AllianceFormationGame(scenario: BuiltinScenarios.scenario(named: "europe-1914"), actorLimit: 6)
        }
    }
}

@Suite struct RestrictedDynamicsTests {
    @Test func coalitionSizeLimitRestrictsTheReachableStatesAndStillVerifies() throws {
        var actors: [Actor] = []
        for i in 0..<5 {
            let x = Double(i)
            let type: ActorType = i == 0 ? .powerAcquiring : .statusQuo
            actors.append(Actor(id: "S\(i)", capability: 0.1 + 0.05 * x, type: type, capital: (latitude: 45 + x, longitude: 5 + 3 * x)))
        }
        let s = try Scenario(name: "five", actors: actors)
        var p = AllianceFormationGame.Parameters()
        p.maxCoalitionSize = 2
        let g = try AllianceFormationGame(scenario: s, parameters: p)
        let full = try AllianceFormationGame(scenario: s)
        #expect(full.states.count == 2 * Partition.bellNumber(6))
        #expect(g.states.count < full.states.count)
        #expect(g.states.allSatisfy { $0.blocs.allSatisfy { $0.count <= 2 } })
        let r = try g.solve()
        #expect(r.verified)
    }
}
