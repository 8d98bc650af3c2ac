import EntenteGames
import EntenteNumerics
import EntenteTestSupport
import Foundation
import Testing

/// Known-answer tests of the n-player enumerator (support enumeration + polynomial homotopy continuation).
@Suite struct HomotopyEnumerationTests {
    /// An n-player game from a payoff function of the pure profile (returns every player's payoff).
    static func game(_ counts: [Int], _ payoff: ([Int]) -> [Double]) -> NormalFormGame {
        let total = counts.reduce(1, *)
        var u = counts.map { _ in [Double](repeating: 0, count: total) }
        for k in 0..<total {
            var rest = k
            let profile = counts.map { c in
                defer { rest /= c }; return rest % c
            }
            for (p, v) in payoff(profile).enumerated() { u[p][k] = v }
        }
        return try! NormalFormGame(strategyCounts: counts, payoffs: u)
    }

    /// Gambit's 2x2x2.nfg (McKelvey & McLennan 1997): 9 equilibria, 2 totally mixed. Payoffs in storage order.
    static let mckelveyMcLennan: NormalFormGame = {
        let rows: [[Double]] = [
            [9, 8, 12], [0, 0, 0], [0, 0, 0], [9, 8, 2], [0, 0, 0], [3, 4, 6], [3, 4, 6], [0, 0, 0],
        ]
        return try! NormalFormGame(strategyCounts: [2, 2, 2], payoffs: (0..<3).map { p in rows.map { $0[p] } })
    }()

    /// Gambit's 2x2x2-nau.nfg (Nau, Gomez Canovas & Hansen 2004): a continuum of totally mixed equilibria.
    static let nau: NormalFormGame = {
        let rows: [[Double]] = [
            [0, 0, 2], [3, 0, 0], [0, 3, 0], [0, 0, 0], [1, 1, 0], [0, 0, 0], [0, 0, 0], [0, 0, 3],
        ]
        return try! NormalFormGame(strategyCounts: [2, 2, 2], payoffs: (0..<3).map { p in rows.map { $0[p] } })
    }()

    /// Volunteer's dilemma: volunteering (strategy 0) costs c, everyone gets b if someone volunteers.
    static func volunteer(_ n: Int, b: Double = 4, c: Double = 1) -> NormalFormGame {
        game([Int](repeating: 2, count: n)) { s in
            let someone = s.contains(0)
            return s.map { $0 == 0 ? b - c : (someone ? b : 0) }
        }
    }

    @Test func mcKelveyMcLennanGameHasNineCertifiedEquilibria() throws {
        let r = try HomotopyEnumeration.solve(Self.mckelveyMcLennan)
        #expect(r.result.complete)
        #expect(r.result.equilibria.count == 9)
        let mixed: [[[Double]]] = [
            [[0.5, 0.5], [0.4, 0.6], [0.25, 0.75]], [[0.4, 0.6], [0.5, 0.5], [1.0 / 3, 2.0 / 3]],
        ]
        for m in mixed { #expect(contains(r.result, m, 1e-10)) }
        #expect(
            r.result.equilibria.filter { $0.profile.probabilities.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 1 } } }
                .count == 4)
        #expect(r.certificates.allSatisfy { $0?.isEquilibrium == true && $0!.radius < 1e-10 })
        #expect(r.exact.allSatisfy { $0 != nil })
        #expect(r.failedPaths == 0)
    }

    @Test(arguments: [3, 4]) func volunteersDilemmaHasEveryMixerSubsetEquilibrium(n: Int) throws {
        let r = try HomotopyEnumeration.solve(Self.volunteer(n))
        #expect(r.result.complete)
        // n pure (one volunteer) + one equilibrium per set of k ≥ 2 mixers (the rest ignore): 2ⁿ − 1 in all.
        #expect(r.result.equilibria.count == (1 << n) - 1)
        for v in 0..<n {
            #expect(contains(r.result, (0..<n).map { $0 == v ? [1, 0] : [0, 1] }))
        }
        for mask in 0..<(1 << n) where mask.nonzeroBitCount >= 2 {
            let k = mask.nonzeroBitCount
            let p = 1 - pow(1.0 / 4, 1 / Double(k - 1))  // 1 − (c/b)^{1/(k−1)}
            #expect(contains(r.result, (0..<n).map { mask >> $0 & 1 == 1 ? [p, 1 - p] : [0, 1] }, 1e-10))
        }
    }

    /// Constructed here: indifference conditions q(1 + r) = 6/5, r = (2p + 1)/4, p = (2q + 1)/4 with signs that rule
    /// out pure and partially mixed equilibria; q solves 2q² + 11q − 9.6 = 0, an irrational number.
    @Test func uniqueTotallyMixedIrrationalEquilibriumIsCertifiedByAnIntervalBox() throws {
        let g = Self.game([2, 2, 2]) { s in
            let (a, b, c) = (Double(1 - s[0]), Double(1 - s[1]), Double(1 - s[2]))
            let d1 = -6 + 5 * b + 5 * b * c, d2 = 4 * c - 2 * a - 1, d3 = -(4 * a - 2 * b - 1)
            return [s[0] == 0 ? d1 : 0, s[1] == 0 ? d2 : 0, s[2] == 0 ? d3 : 0]
        }
        let r = try HomotopyEnumeration.solve(g)
        #expect(r.result.complete)
        #expect(r.result.equilibria.count == 1)
        let q = (-11 + (197.8).squareRoot()) / 4, p = (2 * q + 1) / 4, rr = (2 * p + 1) / 4
        #expect(contains(r.result, [[p, 1 - p], [q, 1 - q], [rr, 1 - rr]], 1e-12))
        let cert = try #require(r.certificates.first ?? nil)
        #expect(cert.isEquilibrium && cert.radius < 1e-12)
        #expect(r.exact.first! == nil)
    }

    @Test func nauGameReportsItsContinuumAsAComponent() throws {
        let r = try HomotopyEnumeration.solve(Self.nau)
        #expect(r.result.complete)
        let full = try #require(r.components.first { $0.supports == [[0, 1], [0, 1], [0, 1]] })
        #expect(full.dimension == 1)
        #expect(full.samples.count >= 2)
        for e in full.samples {
            #expect(Self.nau.regret(e.profile) <= 1e-9 * 3)
            #expect(abs(e.profile.probabilities[2][0] - 0.25) < 1e-9)  // player 3 mixes 1/4 on the whole continuum
        }
        // Player 1 on strategy 2, player 2 on 1: player 3's mixtures with weight ≥ 1/4 on strategy 1 form a segment
        // (player 1 needs 3σ₃ ≥ 1 − σ₃); its end points (a pure and a partially mixed equilibrium) are not isolated.
        let segment = try #require(r.components.first { $0.supports == [[1], [0], [0, 1]] })
        #expect(segment.samples.contains { approxEqual($0.profile.probabilities, [[0, 1], [1, 0], [1, 0]]) })
        #expect(!contains(r.result, [[0, 1], [1, 0], [1, 0]]))
        #expect(!contains(r.result, [[0, 1], [1, 0], [0.25, 0.75]]))
    }

    /// Every profile of the all-zero game is an equilibrium: nothing is isolated and nothing hangs.
    @Test func zeroGameHasNoIsolatedEquilibria() throws {
        let g = try NormalFormGame(
            strategyCounts: [2, 2, 2], payoffs: [[Double]](repeating: [Double](repeating: 0, count: 8), count: 3))
        let r = try HomotopyEnumeration.solve(g)
        #expect(r.result.equilibria.isEmpty)
        #expect(!r.components.isEmpty)
        #expect(r.components.allSatisfy { !$0.samples.isEmpty })
    }

    @Test(arguments: 0..<4) func singleStrategyPlayerMatchesTheTwoPlayerEnumerator(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 77)
        let counts = [3, 1, 3]
        let u = (0..<3).map { _ in (0..<9).map { _ in Double.random(in: -1...1, using: &rng) } }
        let g = try NormalFormGame(strategyCounts: counts, payoffs: u)
        let bimatrix = try NormalFormGame(strategyCounts: [3, 3], payoffs: [u[0], u[2]])
        let r = try HomotopyEnumeration.solve(g)
        let v = try VertexEnumeration.solve(bimatrix)
        #expect(r.result.complete)
        #expect(r.result.equilibria.count == v.equilibria.count)
        for e in v.equilibria {
            let p = e.profile.probabilities
            #expect(contains(r.result, [p[0], [1], p[1]], 1e-8))
        }
    }

    @Test(arguments: 0..<6) func everyProfileIsAnEquilibriumAndPlayerPermutationsPermuteTheSet(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 1000)
        let counts = seed < 3 ? [2, 2, 2] : [3, 2, 2]
        let total = counts.reduce(1, *)
        let u = counts.map { _ in (0..<total).map { _ in Double(Int.random(in: 0...9, using: &rng)) } }
        let g = try NormalFormGame(strategyCounts: counts, payoffs: u)
        let r = try HomotopyEnumeration.solve(g)
        for e in r.result.equilibria { #expect(g.regret(e.profile) <= r.result.tolerance) }
        // Players in the order (3, 1, 2).
        let perm = [2, 0, 1]
        let h = Self.game(perm.map { counts[$0] }) { s in
            var original = [Int](repeating: 0, count: 3)
            for (k, p) in perm.enumerated() { original[p] = s[k] }
            return perm.map { g.payoff(player: $0, profile: original) }
        }
        let rh = try HomotopyEnumeration.solve(h)
        #expect(r.result.complete == rh.result.complete)
        #expect(r.result.equilibria.count == rh.result.equilibria.count)
        for e in r.result.equilibria {
            #expect(contains(rh.result, perm.map { e.profile.probabilities[$0] }, 1e-8))
        }
    }

    @Test func stoppingReturnsWhatWasFoundAsIncomplete() throws {
        let r = try HomotopyEnumeration.solve(Self.mckelveyMcLennan, shouldStop: { true })
        #expect(!r.result.complete)
        #expect(r.result.incompleteReason == "stopped (timeout or interrupt)")
        #expect(throws: EquilibriumError.invalidTolerance(-1)) {
            _ = try HomotopyEnumeration.solve(Self.nau, tolerance: -1)
        }
    }

    /// The logit path on random 2×2×2 integer games (many ties): a verified, finite profile or a typed error, never NaN.
    @Test(arguments: 0..<10) func logitPathOnIntegerGamesEndsVerifiedOrSaysWhy(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 31)
        let u = (0..<3).map { _ in (0..<8).map { _ in Double(Int.random(in: seed < 5 ? 0...2 : -9...9, using: &rng)) } }
        let g = try NormalFormGame(strategyCounts: [2, 2, 2], payoffs: u)
        let outcome: Result<NashEquilibrium, EquilibriumError> = Result { () throws(EquilibriumError) in
            try LogitPath.solve(g).equilibria[0]
        }
        switch outcome {
        case .success(let e):
            #expect(e.profile.probabilities.joined().allSatisfy { $0.isFinite })
            #expect(g.regret(e.profile) <= EquilibriumVerifier.absoluteTolerance(1e-9, for: g))
        case .failure(let error):
            if case .noConvergence = error {} else { Issue.record("unexpected \(error)") }
        }
    }
}
