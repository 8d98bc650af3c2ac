import EntenteAlliances
import EntenteNumerics
import Testing

@Suite struct BeliefGridTests {
    @Test func bayesUpdateMatchesTheFormulaOfTheModel() throws {
        // Bayes' rule after a signal of accuracy acc: p′₁ = p·acc/(p·acc + (1−p)(1−acc)).
        #expect(abs(BeliefGrid.posterior(0.5, signal: true, accuracy: 0.8) - 0.8) < 1e-15)
        #expect(abs(BeliefGrid.posterior(0.5, signal: false, accuracy: 0.8) - 0.2) < 1e-15)
        #expect(abs(BeliefGrid.posterior(0.3, signal: true, accuracy: 0.8) - 0.24 / (0.24 + 0.14)) < 1e-15)
        #expect(BeliefGrid.posterior(0, signal: true, accuracy: 0.8) == 0)
        #expect(BeliefGrid.posterior(1, signal: false, accuracy: 0.8) == 1)
    }

    @Test func beliefsAreAMartingaleUnderThePredictiveSignalLaw() throws {
        for points in [2, 5, 11, 101] {
            let g = try BeliefGrid(points: points, accuracy: 0.7)
            for k in 0..<points {
                let mu = g.value(k)
                var mean = 0.0, mass = 0.0
                for (pa, w) in [(true, mu), (false, 1 - mu)] {
                    for s in g.successors(of: k, powerAcquiring: pa) {
                        mean += w * s.probability * g.value(s.index); mass += w * s.probability
                    }
                }
                #expect(abs(mass - 1) < 1e-12)
                #expect(abs(mean - mu) < 1e-12)
            }
            // Certainty is absorbing.
            #expect(g.successors(of: 0, powerAcquiring: false).map(\.index) == [0])
            #expect(g.successors(of: points - 1, powerAcquiring: true).map(\.index) == [points - 1])
        }
    }

    @Test func badGridsAreRejected() {
        #expect(throws: DynamicsError.self) { try BeliefGrid(points: 1) }
        #expect(throws: DynamicsError.self) { try BeliefGrid(points: 11, accuracy: 1) }
        #expect(throws: DynamicsError.self) { try BeliefGrid(points: 11, accuracy: 0.4) }
    }
}

@Suite struct PrivateTypeDynamicsTests {
    static func params(prize: Double = 2, rule: Profitability = .strict) -> AllianceFormationGame.Parameters {
        var q = AllianceFormationGame.Parameters()
        q.prize = prize
        q.rule = rule
        return q
    }

    @Test func withoutPrivateTypesTheGameIsThePublicGame() throws {
        let s = try AllianceDynamicsTests.toy(types: [.powerAcquiring, .statusQuo, .statusQuo])
        let g = try BayesianAllianceFormationGame(scenario: s, parameters: Self.params())
        #expect(g.uncertain.isEmpty && g.stateCount == g.base.states.count)
        let r = try g.solve()
        let pub = try g.base.solve()
        #expect(r.verified && pub.verified)
        for x in 0..<g.stateCount { for i in 0..<3 { #expect(abs(r.values[0][x * 3 + i] - pub.values[x][i]) < 1e-9) } }
    }

    @Test func returnedProcessesArePerfectBayesianEquilibria() throws {
        var coarse = BayesianAllianceFormationGame.Parameters()
        coarse.beliefPoints = 5
        for rule in Profitability.allCases {
            for p in [0.2, 0.5, 0.8] {
                let one = [ActorType.uncertain(probabilityPowerAcquiring: p), .statusQuo, .statusQuo]
                let two = [
                    ActorType.uncertain(probabilityPowerAcquiring: p), .uncertain(probabilityPowerAcquiring: 1 - p),
                    .statusQuo,
                ]
                for (types, info) in [(one, BayesianAllianceFormationGame.Parameters()), (two, coarse)] {
                    let g = try BayesianAllianceFormationGame(
                        scenario: AllianceDynamicsTests.toy(types: types), parameters: Self.params(rule: rule),
                        information: info)
                    let r = try g.solve()
                    #expect(r.verified)
                    #expect(g.violations(r).isEmpty)
                    #expect(abs(r.outcomes.reduce(0) { $0 + $1.priorProbability } - 1) < 1e-12)
                    for o in r.outcomes { #expect(abs(o.structures.reduce(0) { $0 + $1.probability } - 1) < 1e-6) }
                }
            }
        }
    }

    @Test func aLikelyRevisionistIsBalancedAtOnceAnUnlikelyOneIsWaitedOut() throws {
        func firstMoveOfB(_ p: Double) throws -> DynamicChoice? {
            let s = try AllianceDynamicsTests.toy(types: [
                .uncertain(probabilityPowerAcquiring: p), .statusQuo, .statusQuo,
            ])
            let g = try BayesianAllianceFormationGame(scenario: s, parameters: Self.params())
            let r = try g.solve()
            #expect(r.verified)
            // B's choice at the status quo when A is in fact status quo, over the prior's grid points.
            return r.outcomes[0].firstChoices[1].max { $0.value < $1.value }?.key
        }
        #expect(try firstMoveOfB(0.8) == .join)  // preemptive balancing against a probable revisionist
        #expect(try firstMoveOfB(0.2) == .wait)  // fence-sitting: signals will tell
    }

    @Test func denseAndKrylovEvaluationAgree() throws {
        let s = try AllianceDynamicsTests.toy(types: [
            .uncertain(probabilityPowerAcquiring: 0.5), .statusQuo, .statusQuo,
        ])
        var dense = Self.params()
        dense.denseLimit = 10_000
        var krylov = dense
        krylov.denseLimit = 0
        let a = try BayesianAllianceFormationGame(scenario: s, parameters: dense).solve()
        let b = try BayesianAllianceFormationGame(scenario: s, parameters: krylov).solve()
        #expect(a.prescriptions == b.prescriptions)
        for (x, y) in zip(a.values, b.values) { for (u, v) in zip(x, y) { #expect(abs(u - v) < 1e-8) } }
    }

    @Test func tooManyPrivateTypesAreRejectedWithTheLimit() throws {
        let u = ActorType.uncertain(probabilityPowerAcquiring: 0.5)
        let s = try AllianceDynamicsTests.toy(types: [u, u, u])
        #expect(throws: DynamicsError.self) { try BayesianAllianceFormationGame(scenario: s) }
        var info = BayesianAllianceFormationGame.Parameters()
        info.beliefPoints = 5
        info.maxUncertainActors = 3
        #expect(try BayesianAllianceFormationGame(scenario: s, information: info).stateCount == 30 * 125)
        var small = AllianceFormationGame.Parameters()
        small.stateLimit = 1000
        #expect(throws: DynamicsError.tooManyBeliefStates(states: 30 * 125, limit: 1000)) {
            try BayesianAllianceFormationGame(scenario: s, parameters: small, information: info)
        }
    }
}

/// The pre-contract options of the dynamic game (its payoffs are the alliance game's conflict stage).
@Suite struct DynamicMechanismTests {
    /// A (strong, power-acquiring) next to its rival B and to C; D small and remote.
    static func system() throws -> Scenario {
        let actors = [
            Country(id: "A", capability: 0.45, type: .powerAcquiring), Country(id: "B", capability: 0.25),
            Country(id: "C", capability: 0.22), Country(id: "D", capability: 0.08),
        ]
        let far = 9000.0
        let km: [[Double]] = [[0, 300, 400, far], [300, 0, 350, far], [400, 350, 0, far], [far, far, far, 0]]
        var riv = [[Bool]](repeating: [false, false, false, false], count: 4)
        riv[0][1] = true; riv[1][0] = true
        return try Scenario(name: "toy", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
    }

    static func solve(hazard: Double) throws -> (AllianceFormationGame, AllianceDynamicsResult) {
        var p = AllianceFormationGame.Parameters()
        p.windowHazard = hazard
        let g = try AllianceFormationGame(scenario: system(), parameters: p)
        let r = try g.solve()
        #expect(r.verified)
        return (g, r)
    }

    @Test func threatenedStatesBalanceARevisionistWhileItsWindowStaysOpen() throws {
        let (g, r) = try Self.solve(hazard: 0)
        let first = g.choices(in: r.initialState, result: r)
        // B faces its top threat (A) and does not opt out: B and C ally against A (once D, small and remote, has
        // opted out — the open-window search starts from the closed-window equilibrium, where D exits first).
        #expect(first[1] != .exit && first[2] != .exit)
        #expect(r.path.contains { g.describe($0).contains("{B,C}") })
        #expect(r.absorbing.allSatisfy { g.describe($0.state).contains("{B,C}") })
    }

    @Test func aClosingWindowRemovesTheReasonToBalance() throws {
        // With λ = 1 the revisionist's opportunity is gone after one period: nobody joins at the status quo.
        let (g, r) = try Self.solve(hazard: 1)
        let first = g.choices(in: r.initialState, result: r)
        #expect(!first.contains(.join))
        #expect(!r.absorbing.contains { g.describe($0.state).contains("{B,C}") })
    }

    @Test func aWindowThatChangesNoPayoffChangesNoChoice() throws {
        // Everyone status quo: the window's prize goes to nobody, so the open-window game has the closed-window
        // game's payoffs. The hazard must then change nothing — no choice, no value, no long-run structure — rather
        // than select another of several equilibria.
        let s = try DynamicMechanismTests.system().withTypes(["A": .statusQuo])
        var results: [(choices: [DynamicChoice], values: [Double], ends: Set<String>)] = []
        for hazard in [0.0, 0.05, 0.5, 1.0] {
            var p = AllianceFormationGame.Parameters()
            p.windowHazard = hazard
            let g = try AllianceFormationGame(scenario: s, parameters: p)
            let r = try g.solve()
            #expect(r.verified)
            let ends = Set(r.absorbing.map { g.describe($0.state).replacingOccurrences(of: " window open", with: "") })
            results.append(
                (
                    g.choices(in: r.initialState, result: r), r.values[r.initialState],
                    Set(ends.map { $0.replacingOccurrences(of: " window closed", with: "") })
                ))
        }
        for r in results.dropFirst() {
            #expect(r.choices == results[0].choices && r.ends == results[0].ends)
            #expect(zip(r.values, results[0].values).allSatisfy { abs($0 - $1) < 1e-9 })
        }
    }

    @Test func theSmallRemoteStateOptsOut() throws {
        for hazard in [0.0, 0.5] {
            let (g, r) = try Self.solve(hazard: hazard)
            #expect(r.absorbing.allSatisfy { $0.state == r.initialState || g.states[$0.state].exited.contains(3) })
        }
    }
}

@Suite struct BayesianMixingTests {
    @Test func aCyclingGameWithAPrivateTypeStillGetsAVerifiedProcess() throws {
        var s = try MixedProcessTests.cyclingScenario()
        s = try s.withTypes([s.ids[0]: .uncertain(probabilityPowerAcquiring: 0.5)])
        var p = AllianceFormationGame.Parameters()
        p.kappa = 0.01
        p.allowExit = false
        p.windowHazard = nil
        let g = try BayesianAllianceFormationGame(scenario: s, parameters: p)
        let r = try g.solve()
        #expect(r.verified)
        #expect(g.violations(r).isEmpty)
        var mixtures = 0
        for pr in r.prescriptions {
            if case .mixture(let mix) = pr {
                mixtures += 1
                #expect(mix.count >= 2 && abs(mix.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            }
        }
        // The belief-certain slices are the public games, which need mixing here (see MixedProcessTests).
        #expect(mixtures > 0)
    }
}

@Suite struct DynamicOrderInvarianceTests {
    /// Per-actor choices at the status quo and the absorbing structures (sorted text) of the solved process.
    static func summary(_ s: Scenario, hazard: Double) throws -> (
        choices: [String: String], ends: Set<String>, verified: Bool
    ) {
        var p = AllianceFormationGame.Parameters()
        p.windowHazard = hazard
        let g = try AllianceFormationGame(scenario: s, parameters: p)
        let r = try g.solve()
        return (
            Dictionary(
                uniqueKeysWithValues: zip(g.scenario.ids, g.choices(in: r.initialState, result: r).map(\.rawValue))),
            Set(r.absorbing.map { String(g.describe($0.state).sorted()) }), r.verified
        )
    }

    @Test func dynamicChoicesDoNotDependOnTheOrderOfActorsWhenTheEquilibriumIsUnique() throws {
        let s = try DynamicMechanismTests.system()
        let base = try Self.summary(s, hazard: 0)
        for order in [[3, 2, 1, 0], [1, 3, 0, 2]] {
            let other = try Self.summary(OrderInvarianceTests.permuted(s, order), hazard: 0)
            #expect(base.verified && other.verified)
            #expect(other.choices == base.choices && other.ends == base.ends, "order \(order)")
        }
    }

    @Test func equilibriumSelectionDoesNotDependOnActorOrderWhenSeveralProcessesExist() throws {
        // With λ = 0.5 several Konishi–Ray processes exist (B or D opts out first); the game orders actors by id, so
        // the search selects the same one whatever the input order.
        let s = try DynamicMechanismTests.system()
        let base = try Self.summary(s, hazard: 0.5)
        for order in [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]] {
            let other = try Self.summary(OrderInvarianceTests.permuted(s, order), hazard: 0.5)
            #expect(base.verified && other.verified)
            #expect(other.choices == base.choices && other.ends == base.ends, "order \(order)")
        }
    }
}
