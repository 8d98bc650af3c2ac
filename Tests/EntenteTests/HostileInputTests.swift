import Entente
import EntenteTestSupport
import Foundation
import Testing

/// Regression tests for issue 12 ("trustworthy answers under hostile input"): every item is a tiny input through the
/// public API that used to crash, hang, allocate without bound or return a wrong answer marked verified.
@Suite struct VerificationGateTests {
    static func pennies(_ s: Double) -> NormalFormGame {
        TestGames.bimatrix([[s, -s], [-s, s]], [[-s, s], [s, -s]])
    }

    @Test func nanProfileNeverPassesTheGate() throws {
        var profile = MixedProfile.uniform(TestGames.matchingPennies)
        profile.probabilities = [[.nan, .nan], [.nan, .nan]]
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) {
            try EquilibriumVerifier.verify(profile, in: TestGames.matchingPennies, tolerance: 1e-9)
        }
        #expect(TestGames.matchingPennies.regret(profile).isNaN)
    }

    @Test func profileMustBeAProbabilityVectorOfTheRightShape() throws {
        let g = TestGames.matchingPennies
        var p = MixedProfile.uniform(g)
        p.probabilities = [[0.5, 0.5], [0.7, 0.7]]  // sums to 1.4
        #expect(throws: EquilibriumError.invalidProfile(player: 1)) {
            try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9)
        }
        p.probabilities = [[1.5, -0.5], [0.5, 0.5]]  // negative entry
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) {
            try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9)
        }
        p.probabilities = [[1], [0.5, 0.5]]  // wrong length
        #expect(throws: EquilibriumError.invalidProfile(player: 0)) {
            try EquilibriumVerifier.verify(p, in: g, tolerance: 1e-9)
        }
        #expect(throws: EquilibriumError.invalidTolerance(.infinity)) {
            try EquilibriumVerifier.verify(.uniform(g), in: g, tolerance: .infinity)
        }
        #expect(throws: EquilibriumError.invalidTolerance(-1)) { try PureEquilibria.solve(g, tolerance: -1) }
    }

    @Test(arguments: [1.0, 1e8, 1e9, 1e15, 1e100, 1e300, 1e307])
    func matchingPenniesAtAnyScaleHasItsOneEquilibrium(scale: Double) throws {
        let g = Self.pennies(scale)
        for result in [
            try VertexEnumeration.solve(g), try SupportEnumeration.solve(g), try LemkeHowson.solveAllLabels(g),
        ] {
            #expect(result.equilibria.count == 1, "\(result.method) at scale \(scale)")
            if let e = result.equilibria.first {
                #expect(approxEqual(e.profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-9))
                #expect(e.regret.isFinite && e.payoffs.allSatisfy(\.isFinite))
            }
        }
        #expect(try PureEquilibria.solve(g).equilibria.isEmpty)
        #expect(try VertexEnumeration.solve(g).complete)
        let z = try ZeroSumNash.solve(g)
        #expect(approxEqual(z.equilibria[0].profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-9))
        let l = try LogitPath.solve(g).equilibria[0]
        #expect(approxEqual(l.profile.probabilities, [[0.5, 0.5], [0.5, 0.5]], 1e-6))
    }

    @Test func payoffsNearTheLargestDoubleGiveNoFakeEquilibria() throws {
        let g = Self.pennies(1e308)
        let pure = try PureEquilibria.solve(g)
        #expect(pure.equilibria.isEmpty)
        #expect(pure.tolerance.isFinite)
        let all = try VertexEnumeration.solve(g)
        #expect(all.equilibria.count == 1)
        #expect(all.equilibria.allSatisfy { $0.regret.isFinite && $0.payoffs.allSatisfy(\.isFinite) })
        let coordination = TestGames.bimatrix(
            [[1e308, -1e308], [-1e308, 1e308]], [[1e308, -1e308], [-1e308, 1e308]])
        #expect(try PureEquilibria.solve(coordination).equilibria.count == 2)
        #expect(try VertexEnumeration.solve(coordination).equilibria.count == 3)
    }

    @Test func supportLimitZeroIsATypedError() {
        #expect(throws: EquilibriumError.invalidLimit(value: 0, minimum: 1)) {
            try SupportEnumeration.solve(TestGames.matchingPennies, maxSupportSize: 0)
        }
    }

    /// Random 3-player 2×2×2 games: the logit path either fails with a typed error or returns a finite, normalised,
    /// verified profile — never NaN probabilities with regret 0.
    @Test func logitOnThreePlayerGamesNeverReturnsNonFiniteProfiles() {
        var rng = SeededGenerator(seed: 12)
        for _ in 0..<40 {
            let u = (0..<3).map { _ in (0..<8).map { _ in Double(Int.random(in: -3...3, using: &rng)) } }
            let g = try! NormalFormGame(strategyCounts: [2, 2, 2], payoffs: u)
            guard let e = try? LogitPath.solve(g).equilibria[0] else { continue }
            for v in e.profile.probabilities {
                #expect(v.allSatisfy { $0.isFinite && $0 >= -1e-9 })
                #expect(abs(v.reduce(0, +) - 1) <= 1e-9)
            }
            #expect(e.regret.isFinite && e.regret <= EquilibriumVerifier.absoluteTolerance(1e-9, for: g))
        }
    }
}

@Suite struct DynamicGameBoundsTests {
    static func line(
        _ n: Int, capability: (Int) -> Double = { _ in 1 }, types: (Int) -> ActorType = { _ in .statusQuo }
    ) throws -> Scenario {
        let actors = (0..<n).map { Country(id: "A\($0)", capability: capability($0), type: types($0)) }
        let km = (0..<n).map { i in (0..<n).map { j in Double(abs(i - j)) * 400 } }
        let riv = (0..<n).map { i in (0..<n).map { j in abs(i - j) == 1 } }
        return try Scenario(name: "line", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
    }

    @Test func extremeParametersAreTypedErrorsWithTheirRange() throws {
        let s = try Self.line(3)
        let cases: [(WritableKeyPath<AllianceFormationGame.Parameters, Double>, Double)] = [
            (\.allianceCost, 1e308), (\.prize, 1e308), (\.kappa, 1e308), (\.kappa, -1), (\.exitPayoff, 1e308),
            (\.exitPayoff, -1e308),
            (\.delta, 0.9999999999999999), (\.delta, 1), (\.delta, .nan),
        ]
        for (key, value) in cases {
            var p = AllianceFormationGame.Parameters()
            p[keyPath: key] = value
            #expect(throws: DynamicsError.self) { try AllianceFormationGame(scenario: s, parameters: p) }
            do { _ = try AllianceFormationGame(scenario: s, parameters: p) } catch let e as DynamicsError {
                #expect(e.description.contains("must be"), "\(e)")
            }
        }
        var p = AllianceFormationGame.Parameters()
        p.maxCoalitionSize = 0
        #expect(throws: DynamicsError.invalidParameter(name: "max coalition size (must be ≥ 1)")) {
            try AllianceFormationGame(scenario: s, parameters: p)
        }
    }

    @Test func largestAllowedParametersGiveFiniteVerifiedOrTypedResults() throws {
        var p = AllianceFormationGame.Parameters()
        p.allianceCost = 1e12
        p.prize = 1e12
        p.kappa = 1e12
        p.exitPayoff = -1e12
        p.delta = AllianceFormationGame.Parameters.maxDelta
        let s = try Self.line(3, types: { $0 == 0 ? .powerAcquiring : .statusQuo })
        do {
            let r = try AllianceFormationGame(scenario: s, parameters: p).solve()
            #expect(r.values.allSatisfy { $0.allSatisfy(\.isFinite) })
        } catch let e as DynamicsError {
            #expect(e == .nonFinitePayoffs || e == .singularSystem)
        }
    }

    @Test(arguments: [5e-324, 1e-300, 1e300])
    func extremeCapabilitiesGiveFiniteAnswersOrATypedError(capability: Double) throws {
        for all in [true, false] {
            let s = try Self.line(
                3, capability: { all || $0 == 0 ? capability : 1 }, types: { $0 == 0 ? .powerAcquiring : .statusQuo })
            do {
                let r = try AllianceFormationGame(scenario: s).solve()
                #expect(r.values.allSatisfy { $0.allSatisfy(\.isFinite) })
            } catch let e as DynamicsError {
                #expect(e == .nonFinitePayoffs)
            }
        }
    }

    @Test func stateSpacesAreEstimatedBeforeEnumeration() throws {
        // 130 actors with --max-actors 200 used to trap on Int8 state labels.
        #expect(throws: DynamicsError.tooManyActors(actors: 130, limit: AllianceFormationGame.hardActorLimit)) {
            try AllianceFormationGame(scenario: Self.line(130), actorLimit: 200)
        }
        // 9 actors, full space: Bell(10)·2 = 231 950 states × 520 moves — refused up front instead of running for hours.
        let size = AllianceFormationGame.estimatedSize(actors: 9, parameters: .init())
        #expect(size.states == 231_950)
        do {
            _ = try AllianceFormationGame(scenario: Self.line(9), actorLimit: 9)
            Issue.record("expected a refusal")
        } catch let e as DynamicsError {
            guard case .stateSpaceTooLarge = e else { Issue.record("\(e)"); return }
            #expect(e.description.contains("maxCoalitionSize") && !e.description.contains("--"))
        }
        var p = AllianceFormationGame.Parameters()
        p.maxCoalitionSize = 2
        // great-powers-1914, k = 2
        #expect(AllianceFormationGame.estimatedSize(actors: 9, parameters: p).states == 58_372)
        #expect(
            AllianceFormationGame.estimatedSize(actors: 3, parameters: .init()).states == 2 * Partition.bellNumber(4))
    }

    @Test func beliefGridProductsAreChecked() throws {
        var info = BayesianAllianceFormationGame.Parameters()
        info.beliefPoints = 1001
        info.maxUncertainActors = 6
        let s = try Self.line(6, types: { _ in .uncertain(probabilityPowerAcquiring: 0.3) })
        do {
            _ = try BayesianAllianceFormationGame(scenario: s, information: info, actorLimit: 6)
            Issue.record("expected a refusal")
        } catch let e as DynamicsError {
            guard case .tooManyBeliefStates = e else { Issue.record("\(e)"); return }
        }
    }

    @Test func coalitionFormationGamesHaveHardLimits() {
        #expect(throws: DynamicsError.tooManyStates(players: 10, limit: 9)) {
            try CoalitionFormationGame(players: 10, discount: 0.9, playerLimit: 30) { p in
                [Double](repeating: 0, count: 10)
            }
        }
        #expect(throws: DynamicsError.self) {
            try CoalitionFormationGame(players: 2, discount: 0.9999999999999999) { _ in [0, 0] }
        }
    }
}

@Suite struct InputConversionTests {
    @Test func outcomeIndexBeyondIntIsAFormatError() throws {
        let text = """
            NFG 1 R "x" { "1" "2" } { { "a" "b" } { "c" } } ""
            { { "" 1, 1 } { "" 2, 2 } }
            1 1e19
            """
        #expect(throws: FileFormatError.self) { try GambitNFG.parse(text) }
        #expect(throws: FileFormatError.self) { try GambitNFG.parse(text.replacingOccurrences(of: "1e19", with: "3")) }
        #expect(try GambitNFG.parse(text.replacingOccurrences(of: "1e19", with: "2")).payoffs[0] == [1, 2])
    }

    @Test(arguments: [
        #"{"players": ["A", "B", "C"], "weights": [1e19, 1, 1]}"#,
        #"{"players": ["A", "B", "C"], "weights": [5e18, 5e18, 1]}"#,
        #"{"players": ["A", "B", "C"], "weights": [1, 2, 3], "quota": 1e400}"#,
        #"{"players": ["A", "B", "C"], "weights": [1, 2, 3], "scale": 1e300}"#,
    ])
    func hugeWeightsAreFormatErrors(json: String) {
        #expect(throws: (any Error).self) { try CoalitionJSON.parse(json) }
    }

    @Test func hugeQuotaIsAFormatError() throws {
        // quota × scale beyond 2⁵³ cannot be an exact integer threshold: refused with the field named.
        #expect(throws: (any Error).self) {
            try CoalitionJSON.parse(#"{"players": ["A", "B"], "weights": [1, 2], "quota": 1e19}"#)
        }
    }

    @Test func weightTotalsAreCheckedAtTheBoundary() {
        #expect(throws: CooperativeError.weightsTooLarge(limit: 1 << 53)) {
            try WeightedMajorityGame(weights: [Int.max, 1], quota: 1, rule: .weak)
        }
        #expect(throws: CooperativeError.weightsTooLarge(limit: 1 << 53)) {
            try WeightedMajorityGame(capabilities: [1e13, 1e13, 5e12], rule: .strict)  // scale 10⁶: 2.5e19
        }
        #expect(throws: CooperativeError.invalidScale) {
            try WeightedMajorityGame(capabilities: [1, 2], scale: .infinity, rule: .strict)
        }
        #expect(throws: CooperativeError.weightsTooLarge(limit: 1 << 53)) {
            try WeightedMajorityGame(majorityOf: [Int.max, Int.max])
        }
    }

    @Test func capabilitiesInRawDollarsAreAnalysed() throws {
        let caps = [4e13, 3e13, 2e13]
        let a = try AllianceAnalysis(scenario: DynamicGameBoundsTests.line(3, capability: { caps[$0] }))
        let reference = try AllianceAnalysis(scenario: DynamicGameBoundsTests.line(3, capability: { caps[$0] / 1e14 }))
        #expect(a.shapleyShubik.values == reference.shapleyShubik.values)
        let huge = try AllianceAnalysis(scenario: DynamicGameBoundsTests.line(3, capability: { $0 == 2 ? 1 : 1e308 }))
        #expect(huge.banzhaf.values.allSatisfy { $0.isFinite })
    }

    @Test func banzhafWithHugeWeightsNeverAllocatesTheDPTable() throws {
        // 21 players, one of weight 10¹²: the DP would need 2·T ≈ 10¹² cells (8 TB); counted directly instead.
        let g = try WeightedMajorityGame(
            weights: [1_000_000_000_000] + [Int](repeating: 1, count: 20), quota: 5e11, rule: .strict)
        let b = try PowerIndices.banzhaf(g)
        #expect(b.values[0] == 1 && b.values.dropFirst().allSatisfy { $0 == 0 })
        let many = try WeightedMajorityGame(
            weights: [1_000_000_000_000] + [Int](repeating: 1, count: 30), quota: 5e11, rule: .strict)
        #expect(throws: CooperativeError.self) { try PowerIndices.banzhaf(many) }
        #expect(throws: CooperativeError.self) { try PowerIndices.shapleyShubik(many) }
    }

    @Test func coalitionTablesCheckTheLengthBeforeAllocating() {
        #expect(throws: FileFormatError.self) {
            try CoalitionJSON.parse(
                #"{"players": [\#((0..<30).map { "\"P\($0)\"" }.joined(separator: ","))], "values": []}"#,
                playerLimit: 30)
        }
        #expect(throws: FileFormatError.self) {
            try CoalitionJSON.parse(
                #"{"players": [\#((0..<30).map { "\"P\($0)\"" }.joined(separator: ","))], "coalitions": {"P0": 1}}"#,
                playerLimit: 30)
        }
    }

    @Test func cincSharesSurviveHugeColumns() {
        let records = [
            NMCRecord(
                state: "A", ccode: 1, year: 1900, milex: 1e308, milper: 1, irst: 1, pec: 1, tpop: 1, upop: 1,
                publishedCINC: 0),
            NMCRecord(
                state: "B", ccode: 2, year: 1900, milex: 1e308, milper: 1, irst: 1, pec: 1, tpop: 1, upop: 1,
                publishedCINC: 0),
        ]
        let s = CINC.scores(records)
        #expect(abs(s["A"]!.cinc + s["B"]!.cinc - 1) < 1e-12)
        #expect(abs(s["A"]!.cinc - 0.5) < 1e-12)
    }
}

@Suite struct BoundedEnumerationTests {
    static func randomInteger(_ m: Int, _ n: Int, seed: UInt64, range: ClosedRange<Int> = -9...9) -> NormalFormGame {
        var rng = SeededGenerator(seed: seed)
        let a = (0..<m * n).map { _ in Double(Int.random(in: range, using: &rng)) }
        let b = (0..<m * n).map { _ in Double(Int.random(in: range, using: &rng)) }
        return try! NormalFormGame(strategyCounts: [m, n], payoffs: [a, b])
    }

    @Test func vertexEnumerationStopsAtItsMemoryLimitWithAReason() throws {
        let g = Self.randomInteger(20, 20, seed: 1)
        let r = try VertexEnumeration.solve(g, memoryLimit: 1 << 20)
        #expect(!r.complete)
        #expect(r.incompleteReason == "memory limit reached")
        #expect(r.equilibria.allSatisfy { $0.regret <= r.tolerance })
        #expect(throws: EquilibriumError.invalidLimit(value: 0, minimum: 1)) {
            try VertexEnumeration.solve(g, memoryLimit: 0)
        }
    }

    @Test func vertexEnumerationPollsItsStopConditionOften() throws {
        // A deadline is honoured promptly when the stop condition is polled every few dozen bases.
        var polls = 0
        let r = try VertexEnumeration.solve(Self.randomInteger(20, 20, seed: 2)) {
            polls += 1; return polls > 3
        }
        #expect(!r.complete)
        #expect(r.incompleteReason == "stopped (timeout or interrupt)")
        #expect(polls == 4)
    }

    @Test func supportEnumerationPollsInsideTheInnerLoop() throws {
        var polls = 0
        let r = try SupportEnumeration.solve(Self.randomInteger(12, 12, seed: 3)) {
            polls += 1; return polls > 5
        }
        #expect(!r.complete && r.incompleteReason == "stopped (timeout or interrupt)")
        let limited = try SupportEnumeration.solve(TestGames.rockPaperScissors, maxSupportSize: 1)
        #expect(!limited.complete && limited.incompleteReason?.contains("maxSupportSize") == true)
    }

    @Test func smallGamesStillCompleteWithoutAReason() throws {
        let r = try VertexEnumeration.solve(TestGames.battleOfTheSexes)
        #expect(r.complete && r.incompleteReason == nil && r.equilibria.count == 3)
    }
}

@Suite struct LinearProgramRobustnessTests {
    /// Both LP algorithms: the interior point (default) and the simplex, which the nucleolus's sequential LPs use.
    @Test(arguments: ZeroSum.Method.allCases) func degenerateIntegerZeroSumGameSolves(method: ZeroSum.Method) throws {
        var rng = SeededGenerator(seed: 60)
        let rows = (0..<60).map { _ in (0..<60).map { _ in Double(Int.random(in: -1000...1000, using: &rng)) } }
        let a = try Matrix(rowArrays: rows)
        let s = try ZeroSum.solve(a, method: method)
        #expect(s.exploitability <= 1e-9 * 2000)
        #expect(abs(s.rowStrategy.reduce(0, +) - 1) < 1e-9 && abs(s.columnStrategy.reduce(0, +) - 1) < 1e-9)
        #expect((s.path == .simplex) == (method == .simplex))
        // Small integer payoffs are even more degenerate (many ties).
        var rng2 = SeededGenerator(seed: 61)
        let small = try Matrix(
            rowArrays: (0..<40).map { _ in (0..<40).map { _ in Double(Int.random(in: -2...2, using: &rng2)) } })
        #expect(try ZeroSum.solve(small, method: method).exploitability <= 1e-9 * 4)
    }

    @Test func emptyImputationSetIsNamed() throws {
        // v({1}) + v({2}) = 2 > v(N) = 1.
        let g = try CoalitionalGame(players: ["1", "2"], values: [0, 1, 1, 1])
        #expect(throws: CooperativeError.emptyImputationSet) { try CoreSolutions.nucleolus(g) }
        #expect(CooperativeError.emptyImputationSet.description.contains("the imputation set is empty"))
        #expect(try CoreSolutions.prenucleolus(g).count == 2)
    }

    @Test func infeasibleAndUnboundedLPsAreReportedAsSuch() throws {
        // x ≥ 0, x ≤ −1: infeasible.  min −x, x ≥ 0: unbounded.
        let infeasible = try LinearProgram(
            objective: [1], inequalityMatrix: Matrix(rowArrays: [[1]]), inequalityBounds: [-1])
        #expect(try SimplexSolver().solve(infeasible).status == .infeasible)
        let unbounded = try LinearProgram(objective: [-1])
        #expect(try SimplexSolver().solve(unbounded).status == .unbounded)
    }
}

@Suite struct IterationCapTests {
    @Test func gaussSeidelNearDeltaOneFailsWithATypedError() throws {
        var p = AllianceFormationGame.Parameters()
        p.delta = AllianceFormationGame.Parameters.maxDelta
        p.denseLimit = 0
        p.iterativeSolver = .gaussSeidel
        p.windowHazard = nil
        p.allowExit = false
        let g = try AllianceFormationGame(scenario: DynamicGameBoundsTests.line(2), parameters: p)
        // Evaluating a process by Gauss–Seidel sweeps hits the sweep budget…
        let waiting = [Int?](repeating: nil, count: g.states.count)
        let result = Result { () throws(DynamicsError) in try g.values(of: waiting) }
        guard case .failure(let e) = result, case .evaluationDidNotConverge = e else {
            Issue.record("expected a sweep-budget error"); return
        }
        #expect(e.description.contains("GMRES") && !e.description.contains("--"))
        // …while the search evaluates deterministic block processes exactly on their functional graph, so it still
        // returns a verified process with finite values.
        let solved = try g.solve()
        #expect(solved.verified)
        #expect(solved.values.allSatisfy { $0.allSatisfy(\.isFinite) })
    }

    @Test func buckPassingGameSizesAreChecked() {
        #expect(throws: DynamicsError.self) { try BuckPassing.normalFormGame(states: 0, cost: 0.5) }
        #expect(throws: DynamicsError.self) { try BuckPassing.normalFormGame(states: 64, cost: 0.5) }
    }
}

@Suite struct SizeProductTests {
    @Test func bayesianGameSizeProductsAreChecked() {
        let many = [[String]](repeating: (0..<100).map(String.init), count: 10)  // 100¹⁰ type profiles
        #expect(throws: GameError.self) {
            try BayesianGame(
                players: (0..<10).map(String.init), types: many, actions: [[String]](repeating: ["a"], count: 10),
                typePriors: many.map { $0.map { _ in 0.01 } }
            ) { _, _ in [Double](repeating: 0, count: 10) }
        }
    }

    @Test func lemkeLabelOutOfRangeNamesTheOption() {
        #expect(throws: EquilibriumError.invalidLabel(label: 4, count: 4)) {
            try LemkeHowson.solve(TestGames.matchingPennies, label: 4)
        }
        #expect(EquilibriumError.invalidLabel(label: 4, count: 4).description.contains("0…3"))
    }
}

@Suite struct CapabilityShareTests {
    @Test func sharesStayFiniteForHugeCapabilities() throws {
        let s = try DynamicGameBoundsTests.line(3, capability: { $0 == 2 ? 1 : 1e308 })
        let shares = s.capabilityShares
        #expect(shares.allSatisfy { $0.isFinite })
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12 && abs(shares[0] - 0.5) < 1e-12)
    }
}

@Suite struct SimplexPerturbationTests {
    /// The free-value zero-sum LP (max v s.t. Aᵀx ≥ v, Σx = 1) is highly degenerate (right-hand side 0): forcing the
    /// bounded perturbation early must give the same optimum as plain Dantzig/Bland pivoting.
    @Test func perturbationIsRemovedAndGivesTheSameOptimum() throws {
        var rng = SeededGenerator(seed: 40)
        let n = 40
        let a = try Matrix(
            rowArrays: (0..<n).map { _ in (0..<n).map { _ in Double(Int.random(in: -1000...1000, using: &rng)) } })
        var aub = Matrix(rows: n, columns: n + 1)
        for j in 0..<n {
            for i in 0..<n { aub[j, i] = -a[i, j] }
            aub[j, n] = 1
        }
        var aeq = Matrix(rows: 1, columns: n + 1, repeating: 1)
        aeq[0, n] = 0
        var c = [Double](repeating: 0, count: n + 1)
        c[n] = -1
        var lower = [Double](repeating: 0, count: n + 1)
        lower[n] = -.infinity
        let lp = try LinearProgram(
            objective: c, inequalityMatrix: aub, inequalityBounds: [Double](repeating: 0, count: n),
            equalityMatrix: aeq, equalityBounds: [1], lowerBounds: lower)
        var early = SimplexSolver.Options()
        early.perturbationStreak = 1
        var plain = SimplexSolver.Options()
        plain.perturbation = false
        let p = try SimplexSolver(options: early).solve(lp), q = try SimplexSolver(options: plain).solve(lp)
        #expect(p.status == .optimal && q.status == .optimal)
        #expect(abs(p.objectiveValue - q.objectiveValue) <= 1e-9 * 1000)
        #expect(p.x.dropLast().allSatisfy { $0 >= 0 } && abs(p.x.dropLast().reduce(0, +) - 1) < 1e-9)
    }
}

@Suite struct SaturatingCountTests {
    @Test func bellNumbersSaturateInsteadOfTrapping() {
        #expect(Partition.bellNumber(10) == 115_975)
        #expect(Partition.bellNumber(30) == Int.max)
    }
}

@Suite struct NegativeCountTests {
    @Test func negativeCountsAndLimitsDoNotTrap() throws {
        #expect(Array(Partition.all(players: -1)).isEmpty)
        #expect(Partition.bellNumber(-3) == 1)
        let h = try HedonicGame(players: 2) { _, _ in 0 }
        #expect(h.nashStableByImprovingMoves(maxMoves: -1) == nil)
    }
}

/// Findings of `scripts/hostile-corpus.py` (issue 12's corpus, reproducible from the repository), one test each.
@Suite struct HostileCorpusRegressionTests {
    @Test func aCoalitionFileDescribesItsGameOnce() throws {
        // Both "values" and "weights" used to be read as the weighted game, silently.
        for text in [
            #"{"players": ["A", "B"], "values": [0, 0, 0, 1], "weights": [1, 1]}"#,
            #"{"players": ["A", "B"], "values": [0, 0, 0, 1], "coalitions": {"A,B": 1}}"#,
            #"{"players": ["A", "B"]}"#,
        ] {
            #expect(throws: FileFormatError.self) { try CoalitionJSON.parse(text) }
        }
        #expect(throws: Never.self) { try CoalitionJSON.parse(#"{"players": ["A", "B"], "values": [0, 0, 0, 1]}"#) }
    }

    @Test func coalitionValuesAreBoundedSoSolutionsStayFinite() throws {
        // v = (0, −1e308, −1e308, 1e308) gave Shapley and Banzhaf values of +inf (a difference of values overflowed).
        #expect(throws: CooperativeError.valueTooLarge(index: 1, limit: CoalitionalGame.maxValueMagnitude)) {
            try CoalitionalGame(players: ["A", "B"], values: [0, -1e308, -1e308, 1e308])
        }
        let m = CoalitionalGame.maxValueMagnitude
        let g = try CoalitionalGame(players: ["A", "B", "C"], values: [0, -m, -m, m, -m, m, m, m])
        #expect(try ShapleyValue.exact(g).allSatisfy(\.isFinite))
        #expect(try BanzhafValue.exact(g).allSatisfy(\.isFinite))
    }

    @Test func scenarioPairsAreDistinctAndGivenOnce() throws {
        let actors =
            #"[{"id": "A", "capability": 1, "capital": {"lat": 50, "lng": 10}}, {"id": "B", "capability": 1, "capital": {"lat": 48, "lng": 2}}]"#
        for extra in [
            #""distances_km": [["A", "B", 5], ["B", "A", 7]]"#, #""distances_km": [["A", "A", 5]]"#,
            #""rivalries": [["A", "A"]]"#, #""contiguous": [["A", "B"], ["B", "A"]]"#,
        ] {
            #expect(throws: FileFormatError.self) {
                try ScenarioJSON.parse(#"{"name": "x", "actors": \#(actors), \#(extra)}"#)
            }
        }
        // The public initialiser: asymmetric distances or rivalries and self-rivalries are refused.
        let two = [Country(id: "A", capability: 1), Country(id: "B", capability: 1)]
        #expect(throws: ScenarioError.self) {
            try Scenario(name: "x", actors: two, distances: Matrix(rowArrays: [[0, 5], [7, 0]]))
        }
        #expect(throws: ScenarioError.self) {
            try Scenario(
                name: "x", actors: two, distances: Matrix(rowArrays: [[0, 5], [5, 0]]),
                rivalries: [[false, true], [false, false]])
        }
        #expect(throws: ScenarioError.self) {
            try Scenario(
                name: "x", actors: two, distances: Matrix(rowArrays: [[0, 5], [5, 0]]),
                rivalries: [[true, false], [false, false]])
        }
        #expect(throws: Never.self) {
            try Scenario(name: "x", actors: two, distances: Matrix(rowArrays: [[0, 5], [5, 0]]))
        }
    }

    @Test func nmcRowsHaveExactlyTheHeadersFields() {
        let head = "stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng\n"
        for body in [
            "AAA,1900,1,1,1,1,1,1,0,0,5,6\nBBB,1900,1,1,1,1,1,1,1,1\n",  // extra fields were ignored
            "\"AAA,1900,1,1,1,1,1,1,0,0\nBBB,1900,1,1,1,1,1,1,1,1\n",  // a quote was part of the name
            "AAA,1900,1,1,1,1,1,1,0,0\nAAA,1900,2,2,2,2,2,2,1,1\n",
        ] {  // a state counted twice in the sums
            #expect(throws: FileFormatError.self) { try NMCCSV.scenario(head + body, year: 1900) }
        }
        #expect(throws: FileFormatError.self) {
            try NMCCSV.scenario("stateabb,stateabb,year,milex,milper,irst,pec,tpop,upop\n", year: 1900)
        }
        #expect(throws: Never.self) {
            try NMCCSV.scenario(head + "AAA,1900,1,1,1,1,1,1,0,0\nBBB,1900,1,1,1,1,1,1,1,1\n", year: 1900)
        }
    }
}
