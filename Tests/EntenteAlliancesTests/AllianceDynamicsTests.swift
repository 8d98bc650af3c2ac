import EntenteGames
import EntenteNumerics
import Testing

// @testable: the equilibrium conditions are re-checked state by state with the solver's internal evaluation and transitions.
@testable import EntenteAlliances

@Suite struct AllianceDynamicsTests {
    /// Three actors: A and B are neighbouring rivals, C lies between them.
    static func toy(types: [ActorType] = [.statusQuo, .statusQuo, .statusQuo]) throws -> Scenario {
        let actors = [
            Country(id: "A", capability: 0.4, type: types[0]), Country(id: "B", capability: 0.35, type: types[1]),
            Country(id: "C", capability: 0.25, type: types[2]),
        ]
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
                #expect(
                    g.states.indices.allSatisfy {
                        !g.violates(
                            r.values, prescription: r.choice[$0], mixture: nil, at: $0,
                            alternatives: g.moverAlternatives(), tolerance: 1e-9)
                    })
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
            for (x, y) in zip(a.values, b.values) {
                for (u, v) in zip(x, y) { #expect(abs(u - v) < 1e-9, "\(solver)") }
            }
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
        let h = try AllianceFormationGame(
            scenario: Self.toy(types: [.powerAcquiring, .statusQuo, .statusQuo]), parameters: q)
        let s = try h.solve()
        #expect(s.verified)
        #expect(
            h.choices(in: s.initialState, result: s).contains(.seize)
                || h.choices(in: s.initialState, result: s).contains(.join))
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
        var actors: [Country] = []
        for i in 0..<5 {
            let x = Double(i)
            let type: ActorType = i == 0 ? .powerAcquiring : .statusQuo
            actors.append(
                Country(
                    id: "S\(i)", capability: 0.1 + 0.05 * x, type: type,
                    capital: (latitude: 45 + x, longitude: 5 + 3 * x)))
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

@Suite struct MixedProcessTests {
    /// Four status-quo actors (mix1 of a random search), no exit, no window, κ = 0.01: best responses cycle, and no
    /// deterministic process was found; the damped mixing phase finds a process that mixes over moves.
    static func cyclingScenario() throws -> Scenario {
        let caps = [0.479, 0.209, 0.347, 0.481]
        let actors = caps.enumerated().map {
            Country(id: String(UnicodeScalar(65 + $0.offset)!), capability: $0.element)
        }
        let km: [[Double]] = [[0, 500, 800, 200], [500, 0, 800, 800], [800, 800, 0, 200], [200, 800, 200, 0]]
        var riv = [[Bool]](repeating: [false, false, false, false], count: 4)
        riv[0][2] = true; riv[2][0] = true; riv[1][3] = true; riv[3][1] = true
        return try Scenario(name: "cycle", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
    }

    @Test func aCyclingGameGetsAVerifiedMixedProcess() throws {
        var p = AllianceFormationGame.Parameters()
        p.kappa = 0.01
        p.allowExit = false
        p.windowHazard = nil
        let g = try AllianceFormationGame(scenario: Self.cyclingScenario(), parameters: p)
        #expect(g.states.count == 15)
        let r = try g.solve()
        #expect(r.verified)
        #expect(!r.mixed.isEmpty)
        for (x, mix) in r.mixed {
            #expect(mix.count >= 2)
            #expect(abs(mix.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            #expect(r.choice[x] != nil)
        }
        // Independent re-check: the values are those of the mixed process, and no state violates the conditions.
        let v = try g.evaluate(g.transitions(r.choice, mixed: r.mixed), start: nil, choice: r.choice, mixed: r.mixed)
        for (a, b) in zip(v, r.values) { for (s, t) in zip(a, b) { #expect(abs(s - t) < 1e-9) } }
        #expect(
            g.states.indices.allSatisfy {
                !g.violates(
                    r.values, prescription: r.choice[$0], mixture: r.mixed[$0], at: $0,
                    alternatives: g.moverAlternatives(), tolerance: 1e-9)
            })
        #expect(abs(r.absorbing.reduce(0) { $0 + $1.probability } - 1) < 1e-6 || r.absorbing.isEmpty)
    }
}
