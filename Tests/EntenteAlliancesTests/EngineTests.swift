import EntenteNumerics
import Foundation
import Testing

// @testable: policy evaluation and damped mixing are internal engines of the dynamic game, checked here.
@testable import EntenteAlliances

/// The shared engine of the dynamic games: policy evaluation and the mixing phase's weights.
@Suite struct EngineTests {
    @Test func policyEvaluationAgreesAcrossMethodsOnATwoStateChain() throws {
        // P = [[0.5, 0.5], [0, 1]], U = [[1, 2], [0, 4]], δ = 0.9: V₂ = U₂/(1 − δ), V₁ = (U₁ + 0.45·V₂)/(1 − 0.45).
        var p = SparseMatrix(size: 2)
        p.appendRow([(0, 0.5), (1, 0.5)])
        p.appendRow([(1, 1.0)])
        let u = [1.0, 2, 0, 4]
        let exact = [(1 + 0.45 * 0) / 0.55, (2 + 0.45 * 40) / 0.55, 0, 40]
        for (limit, method) in [(10, AllianceFormationGame.IterativeSolver.gmres), (0, .gmres), (0, .gaussSeidel)] {
            let v = try PolicyEvaluation.solve(
                p, rewards: u, players: 2, delta: 0.9, denseLimit: limit, iterative: method, start: nil)
            for (a, b) in zip(v, exact) { #expect(abs(a - b) < 1e-9, "\(limit) \(method)") }
        }
        #expect(PolicyEvaluation.rows([1, 2, 3, 4], players: 2) == [[1, 2], [3, 4]])
    }

    @Test func indifferenceMixingFindsTheRootOfTheSmallestGainOnlyGivenASignChange() throws {
        var calls = 0
        // Linear: g(q) = 0.3 − q; convex: g(q) = e^(−5q) − ½, root ln 2 / 5.
        let linear = try IndifferenceMixing.probability(tolerance: 1e-10) { q in
            calls += 1
            return 0.3 - q
        }
        #expect(abs(try #require(linear) - 0.3) < 1e-12)
        calls = 0
        let convex = try #require(
            try IndifferenceMixing.probability(tolerance: 1e-10) { q in
                calls += 1
                return exp(-5 * q) - 0.5
            })
        #expect(abs(exp(-5 * convex) - 0.5) <= IndifferenceMixing.gainTolerance)
        #expect(abs(convex - log(2) / 5) < 1e-10)
        #expect(calls <= IndifferenceMixing.maxEvaluations)
        // Waiting not excluded at q = 0, or the move still profitable at q = 1: no mixing.
        #expect(try IndifferenceMixing.probability(tolerance: 1e-10) { q in q - 0.5 } == nil)
        #expect(try IndifferenceMixing.probability(tolerance: 1e-10) { q in 1 + q } == nil)
        #expect(try IndifferenceMixing.probability(tolerance: 1e-10) { _ in 1e-11 } == nil)
    }

    @Test func dampedMixingKeepsMovesAboveFivePercentAndDecays() throws {
        // State 3 best-responded with move 1 nineteen times and move 2 once (exactly 5 %), then waited once; state 5 only waited.
        let recent: [[(state: Int, move: Int?)]] =
            Array(repeating: [(3, 1)], count: 19) + [[(3, 2)], [(3, nil), (5, nil)]]
        var m = try #require(DampedMixing(recent: recent))
        var d = m.distributions()
        #expect(d[3]!.map(\.move) == [1, 2] && abs(d[3]![0].probability - 0.95) < 1e-12)
        #expect(d[5]!.isEmpty && m.contains(5) && !m.contains(4))
        m.decay()
        m.reinforce(3, 2)  // 17.1 and 1.9: move 2 now has 10 %
        d = m.distributions()
        #expect(abs(d[3]![1].probability - 0.1) < 1e-12)
        m.remove(5)
        #expect(!m.contains(5))
        #expect(DampedMixing(recent: []) == nil)
        #expect(DampedMixing(recent: [(0..<33).map { (state: $0, move: 0) }]) == nil)  // more than 32 mixing states
    }
}
