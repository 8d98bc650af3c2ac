import EntenteGames
import EntenteNumerics
import Testing

@Suite struct InteriorPointTests {
    @Test func textbookLPHasKnownOptimumAndShadowPrices() throws {
        // Hillier & Lieberman's Wyndor Glass problem: max 3x₁ + 5x₂ s.t. x₁ ≤ 4, 2x₂ ≤ 12, 3x₁ + 2x₂ ≤ 18, x ≥ 0:
        // optimum 36 at (2, 6) with shadow prices (0, 3/2, 1).
        let a = try Matrix(rowArrays: [[1, 0], [0, 2], [3, 2]])
        let r = InteriorPointSolver().solve(a, b: [4, 12, 18], c: [-3, -5])
        #expect(r.status == .optimal)
        #expect(abs(r.x[0] - 2) < 1e-8 && abs(r.x[1] - 6) < 1e-8)
        #expect(abs(r.y[0]) < 1e-8 && abs(r.y[1] - 1.5) < 1e-8 && abs(r.y[2] - 1) < 1e-8)
    }

    @Test func unboundedAndInfeasibleLPsAreNotReportedOptimal() throws {
        // min −x₁ s.t. x₁ − x₂ ≤ 1: x₁ = x₂ + 1 grows without bound.
        let unbounded = InteriorPointSolver().solve(try Matrix(rowArrays: [[1, -1]]), b: [1], c: [-1, 0])
        #expect(unbounded.status == .infeasibleOrUnbounded)
        // x₁ ≤ −1 with x₁ ≥ 0 has no solution.
        let infeasible = InteriorPointSolver().solve(try Matrix(rowArrays: [[1]]), b: [-1], c: [1])
        #expect(infeasible.status == .infeasibleOrUnbounded)
    }

    @Test func textbookGamesTakeTheCrossoverPath() throws {
        let pennies = try ZeroSum.solve(Matrix(rowArrays: [[1, -1], [-1, 1]]))
        #expect(pennies.path == .interiorPointCrossover && abs(pennies.value) < 1e-12)
        #expect(pennies.rowStrategy.allSatisfy { abs($0 - 0.5) < 1e-12 })
        let rps = try ZeroSum.solve(Matrix(rowArrays: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
        #expect(rps.path == .interiorPointCrossover && abs(rps.value) < 1e-12)
        #expect(rps.columnStrategy.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    }

    @Test func degenerateGameGetsAVertexFromTheRestrictedSimplex() throws {
        // Rows 1 and 2 are identical, so every split between them is optimal: the maximal row support has three rows
        // against two columns and the square crossover cannot apply. Value 0, column strategy (1/2, 1/2).
        let a = try Matrix(rowArrays: [[1, -1], [1, -1], [-1, 1]])
        let s = try ZeroSum.solve(a)
        #expect(s.path == .interiorPointRestrictedSimplex)
        #expect(abs(s.value) < 1e-12 && s.exploitability < 1e-12)
        #expect(abs(s.columnStrategy[0] - 0.5) < 1e-12 && abs(s.rowStrategy[2] - 0.5) < 1e-12)
        // A vertex: the row strategy uses one of the two identical rows, not a mixture of both.
        #expect(s.rowStrategy[0] == 0 || s.rowStrategy[1] == 0)
    }

    @Test(arguments: 0..<12) func interiorPointValueMatchesTheSimplex(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 900)
        let m = Int.random(in: 2...45, using: &rng)
        let n = Int.random(in: 2...45, using: &rng)
        var a = Matrix(rows: m, columns: n)
        for k in a.storage.indices { a.storage[k] = Double.random(in: -1...1, using: &rng) }
        let ipm = try ZeroSum.solve(a, method: .interiorPoint)
        let simplex = try ZeroSum.solve(a, method: .simplex)
        #expect(ipm.path != .simplex)
        #expect(abs(ipm.value - simplex.value) <= 1e-9 * max(1, abs(simplex.value)))
        #expect(ipm.exploitability <= 1e-12)
    }

    @Test func degenerateInteger200GameSolvesByInteriorPoint() throws {
        // Integer payoffs in [−1000, 1000] made the simplex run out of iterations at 200 × 200 (issue 12); payoffs in
        // {−2, …, 2} have far more ties. Both solve through the interior point with a verified vertex.
        var rng = SeededGenerator(seed: 200)
        var a = Matrix(rows: 200, columns: 200)
        for k in a.storage.indices { a.storage[k] = Double(Int.random(in: -1000...1000, using: &rng)) }
        let s = try ZeroSum.solve(a)
        #expect(s.path == .interiorPointCrossover && s.exploitability <= 1e-9 * 2000)
        var small = Matrix(rows: 120, columns: 120)
        for k in small.storage.indices { small.storage[k] = Double(Int.random(in: -2...2, using: &rng)) }
        let t = try ZeroSum.solve(small)
        #expect(t.path != .simplex && t.exploitability <= 1e-9 * 4)
    }

    @Test func tallGamesAreSolvedOnTheTransposedSide() throws {
        var rng = SeededGenerator(seed: 31)
        var a = Matrix(rows: 40, columns: 9)
        for k in a.storage.indices { a.storage[k] = Double(Int.random(in: -50...50, using: &rng)) }
        let ipm = try ZeroSum.solve(a)
        let simplex = try ZeroSum.solve(a, method: .simplex)
        #expect(ipm.path != .simplex && abs(ipm.value - simplex.value) <= 1e-9 * 50)
        #expect(ipm.rowStrategy.count == 40 && ipm.columnStrategy.count == 9)
    }

    @Test func crossoverVertexIsCertifiedExactly() throws {
        var rng = SeededGenerator(seed: 5)
        let rows = (0..<15).map { _ in (0..<15).map { _ in Double(Int.random(in: -9...9, using: &rng)) } }
        let a = try Matrix(rowArrays: rows)
        var u2 = a.storage
        for k in u2.indices { u2[k] = -u2[k] }
        let game = try NormalFormGame(strategyCounts: [15, 15], payoffs: [a.storage, u2])
        let result = try ZeroSumNash.solve(game)
        let certificate = try #require(Certify.certify(result.equilibria[0], in: game))
        #expect(certificate.payoffs[0] + certificate.payoffs[1] == .zero)
    }
}
