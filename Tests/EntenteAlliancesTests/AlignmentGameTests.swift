import EntenteAlliances
import EntenteNumerics
import Testing

/// A small synthetic system: `n` actors with capability shares, symmetric distances, rivalries.
private func scenario(
    _ caps: [Double], distances: [[Double]], rivals: [(Int, Int)], types: [ActorType]? = nil,
    ids: [String]? = nil
) throws -> Scenario {
    let n = caps.count
    var riv = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    for (a, b) in rivals { riv[a][b] = true; riv[b][a] = true }
    let names = ids ?? (0..<n).map { "A\($0)" }
    let actors = (0..<n).map { Country(id: names[$0], capability: caps[$0], type: types?[$0] ?? .statusQuo) }
    return try Scenario(name: "synthetic", actors: actors, distances: try Matrix(rowArrays: distances), rivalries: riv)
}

private let near: [[Double]] = [[0, 300, 300, 300], [300, 0, 300, 300], [300, 300, 0, 300], [300, 300, 300, 0]]

@Suite("Alliance game")
struct AlignmentGameTests {
    @Test func everyEquilibriumHasRegretWithinTolerance() throws {
        let s = try scenario([0.4, 0.25, 0.2, 0.15], distances: near, rivals: [(0, 1), (0, 2)])
        let game = try AlignmentGame(scenario: s, stage: ConflictStage())
        let solution = try game.solve()
        #expect(game.structureCount == 15)
        #expect(!solution.equilibria.isEmpty)
        for e in solution.equilibria {
            #expect(e.regret <= solution.tolerance)
            #expect(game.regret(ofStructure: e.index) <= solution.tolerance)
        }
        #expect(abs(solution.longRun.reduce(0, +) - 1) < 1e-9)
        #expect(solution.residual < 1e-9)
    }

    @Test func threatenedStatesBalanceAgainstTheirCommonThreat() throws {
        // A0 threatens A1 and A2; together they can stand up to it.
        let s = try scenario([0.4, 0.25, 0.2, 0.15], distances: near, rivals: [(0, 1), (0, 2)])
        let solution = try AlignmentGame(scenario: s, stage: ConflictStage()).solve()
        #expect(solution.allied[1, 2] > 0.5)
        #expect(solution.allied[0, 1] < 0.1)
        #expect(solution.sameSide[0, 1] < 0.5)
    }

    @Test func aSmallRemoteUnthreatenedStateOptsOut() throws {
        let far: [[Double]] = [
            [0, 300, 300, 9000], [300, 0, 300, 9000], [300, 300, 0, 9000], [9000, 9000, 9000, 0],
        ]
        let s = try scenario([0.4, 0.25, 0.3, 0.05], distances: far, rivals: [(0, 1), (0, 2)])
        let game = try AlignmentGame(scenario: s, stage: ConflictStage())
        let solution = try game.solve()
        for e in solution.equilibria { #expect(e.blocks.contains([3])) }
        #expect((0..<3).allSatisfy { solution.allied[3, $0] < 0.2 })
    }

    @Test func revisionistCoalitionFormsOnlyWhenSpoilsExceedCosts() throws {
        // Two weak revisionists A2, A3 next to a strong status-quo pair.
        let types: [ActorType] = [.statusQuo, .statusQuo, .powerAcquiring, .powerAcquiring]
        let s = try scenario([0.3, 0.3, 0.2, 0.2], distances: near, rivals: [], types: types)
        let rich = try AlignmentGame(scenario: s, stage: ConflictStage(prize: 5)).solve()
        let poor = try AlignmentGame(scenario: s, stage: ConflictStage(autonomyCost: 0.5, prize: 0)).solve()
        #expect(rich.allied[2, 3] > 0.5)
        #expect(poor.allied[2, 3] < rich.allied[2, 3])
        // At the default costs the spoils decide whether the revisionists are allied most of the time: with G = 5
        // they are, with G = 0 they are not (an equilibrium with the pair remains — two weak states balancing the
        // strong status-quo pair, a defensive alliance — but the long run spends little time there).
        let noSpoils = try AlignmentGame(scenario: s, stage: ConflictStage(prize: 0)).solve()
        #expect(noSpoils.allied[2, 3] < 0.25 && rich.allied[2, 3] > 0.5)
    }

    @Test func reorderingActorsChangesNothing() throws {
        let dist: [[Double]] = [
            [0, 300, 800, 1500, 400], [300, 0, 600, 900, 700], [800, 600, 0, 400, 1200],
            [1500, 900, 400, 0, 1000], [400, 700, 1200, 1000, 0],
        ]
        let caps = [0.3, 0.2, 0.25, 0.1, 0.15]
        let rivals = [(0, 2), (1, 3), (0, 4)]
        let base = try AlignmentGame(scenario: scenario(caps, distances: dist, rivals: rivals), stage: ConflictStage())
            .solve()
        let order = [3, 0, 4, 2, 1]
        let permuted = try AlignmentGame(
            scenario: scenario(
                order.map { caps[$0] }, distances: order.map { i in order.map { dist[i][$0] } },
                rivals: rivals.map { (a, b) in (order.firstIndex(of: b)!, order.firstIndex(of: a)!) },
                ids: order.map { "A\($0)" }),
            stage: ConflictStage()
        ).solve()
        for i in 0..<5 {
            for j in 0..<5 {
                let pi = order.firstIndex(of: i)!, pj = order.firstIndex(of: j)!
                #expect(abs(base.allied[i, j] - permuted.allied[pi, pj]) < 1e-9)
                #expect(abs(base.sameSide[i, j] - permuted.sameSide[pi, pj]) < 1e-9)
            }
        }
        let names = { (sol: AlignmentSolution, ids: [String]) in
            Set(sol.equilibria.map { e in Set(e.blocks.map { Set($0.map { ids[$0] }) }) })
        }
        #expect(names(base, (0..<5).map { "A\($0)" }) == names(permuted, order.map { "A\($0)" }))
    }

    @Test func withoutHostilityEitherWarSideIsEquallyLikely() throws {
        let s = try scenario([0.4, 0.3, 0.2, 0.1], distances: near, rivals: [])
        let game = try AlignmentGame(
            scenario: s, threatModel: ThreatModel(lengthKm: 500, epsilon: 0), stage: ConflictStage())
        for st in 0..<game.structureCount {
            for i in 0..<4 {
                for j in 0..<4 where i != j {
                    let same = game.sameSide(i, j, inStructure: st)
                    #expect(game.allied(i, j, inStructure: st) ? same == 1 : abs(same - 0.5) < 1e-6)
                }
            }
        }
    }

    @Test func tinyCapabilitiesDoNotUnderflow() throws {
        let s = try scenario([1, 1e-170, 1e-170, 1e-200], distances: near, rivals: [(0, 1)])
        let solution = try AlignmentGame(scenario: s, stage: ConflictStage()).solve()
        #expect(solution.allied.storage.allSatisfy(\.isFinite) && !solution.equilibria.isEmpty)
    }

    @Test func tetheringMakesPactsOfRestraintBetweenRivalsPossible() throws {
        // A0 and A1 are neighbouring rivals: without restraint they never ally; if an alliance restrains most of a
        // partner's threat (Schroeder's pacts of restraint), they do.
        let s = try scenario([0.35, 0.3, 0.2, 0.15], distances: near, rivals: [(0, 1)])
        let free = try AlignmentGame(scenario: s, stage: ConflictStage()).solve()
        let tethered = try AlignmentGame(scenario: s, stage: ConflictStage(tethering: 1)).solve()
        #expect(free.allied[0, 1] < 0.1)
        #expect(tethered.allied[0, 1] > free.allied[0, 1] + 0.2)
        #expect(throws: AllianceGameError.invalidParameter(name: "tethering", value: 2, range: "[0, 1]")) {
            try ConflictStage(tethering: 2)
        }
    }

    @Test func isolationIsToldApartFromChoosingToStayOut() throws {
        // 1870, all status quo: France would gain from allying with any of the others, and every one of them refuses
        // (Bismarck's isolation of France); Britain gains from no alliance and stays out by choice.
        let s = try BuiltinScenarios.scenario(named: "europe-1870")
        let o = try AlignmentModel.outcome(
            scenario: s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) })),
            threatModel: ThreatModel())
        let (frn, ukg) = (try #require(s.ids.firstIndex(of: "FRN")), try #require(s.ids.firstIndex(of: "UKG")))
        #expect(o.choices[frn] == .isolated && o.choices[ukg] == .stayOut)
        // The label's definition, checked on the game: an isolated actor has a gainful move into another block
        // that a receiving member refuses, and no gainful move is accepted.
        let game = try AlignmentGame(
            scenario: s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) })),
            stage: try AlignmentParameters().stage())
        let x = try #require(game.structureIndex(blocks: o.structure))
        #expect(game.isIsolated(frn, inStructure: x, tolerance: o.regretTolerance))
        #expect(!game.isIsolated(ukg, inStructure: x, tolerance: o.regretTolerance))
    }

    @Test func tooManyActorsIsATypedError() throws {
        let n = 10
        let d = (0..<n).map { i in (0..<n).map { j in i == j ? 0.0 : 500 } }
        let s = try scenario([Double](repeating: 0.1, count: n), distances: d, rivals: [])
        #expect(throws: AllianceGameError.tooManyActors(count: 10, limit: 9)) {
            try AlignmentGame(scenario: s, stage: ConflictStage())
        }
    }

    /// Pairwise only: the equilibrium structure itself splits the two revisionists ({FRN, RUS, AUH} vs {GMY, ITA, TUR};
    /// docs/theory.md), but P(allied) still ranks Germany–Austria above Germany–France and France–Russia above
    /// France–Germany.
    @Test func europe1914TiesGermanyToAustriaAndFranceToRussiaMoreThanToTheirRivals() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1914")
        let game = try AlignmentGame(scenario: s, stage: ConflictStage())
        let solution = try game.solve()
        let ids = s.ids
        func p(_ a: String, _ b: String) -> Double { solution.allied[ids.firstIndex(of: a)!, ids.firstIndex(of: b)!] }
        #expect(p("GMY", "AUH") > p("GMY", "FRN"))
        #expect(p("FRN", "RUS") > p("FRN", "GMY"))
    }
}

/// Reordering the actors of a scenario (and the order inside every pair) changes nothing in the analysis.
@Suite("Order invariance of the built-in scenarios")
struct OrderInvarianceTests {
    static func permuted(_ s: Scenario, _ order: [Int]) throws -> Scenario { try s.reordered(order) }

    static func named(_ o: AlignmentOutcome, _ ids: [String]) -> (
        choices: [String: String], structure: Set<Set<String>>, equilibria: Set<Set<Set<String>>>
    ) {
        (
            Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], o.choices[$0].rawValue) }),
            Set(o.structure.map { Set($0.map { ids[$0] }) }),
            Set(o.equilibria.map { e in Set(e.blocks.map { Set($0.map { ids[$0] }) }) })
        )
    }

    @Test(arguments: BuiltinScenarios.all.map(\.name).filter { $0 != "great-powers-1914" })
    func analysisDoesNotDependOnTheOrderOfActors(name: String) throws {
        let s = try BuiltinScenarios.scenario(named: name)
        let n = s.actorCount
        let base = try AllianceAnalysis(scenario: s)
        for order in [Array((0..<n).reversed()), (0..<n).map { ($0 * 3 + 1) % n }] where Set(order).count == n {
            let p = try AllianceAnalysis(scenario: Self.permuted(s, order))
            for (x, y) in [
                (base.statusQuo, p.statusQuo), (base.powerAcquiring, p.powerAcquiring),
                (base.balanceOfPower, p.balanceOfPower),
            ] {
                let a = Self.named(x, s.ids), b = Self.named(y, p.scenario.ids)
                #expect(a.choices == b.choices, "\(name) \(order)")
                #expect(a.structure == b.structure, "\(name) \(order)")
                #expect(a.equilibria == b.equilibria, "\(name) \(order)")
            }
            for i in 0..<n {
                for j in 0..<n {
                    let pi = order.firstIndex(of: i)!, pj = order.firstIndex(of: j)!
                    #expect(abs(base.statusQuo.allied[i, j] - p.statusQuo.allied[pi, pj]) < 1e-9)
                }
            }
        }
    }
}
