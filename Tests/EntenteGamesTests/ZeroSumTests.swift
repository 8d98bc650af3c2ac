import EntenteGames
import EntenteNumerics
import Testing

@Suite struct ZeroSumTests {
    @Test func matchingPenniesHasValueZeroAndUniformStrategies() throws {
        let s = try ZeroSum.solve(Matrix(rowArrays: [[1, -1], [-1, 1]]))
        #expect(abs(s.value) < 1e-12)
        #expect(s.rowStrategy.allSatisfy { abs($0 - 0.5) < 1e-12 })
        #expect(s.columnStrategy.allSatisfy { abs($0 - 0.5) < 1e-12 })
    }

    @Test func rockPaperScissorsIsUniform() throws {
        let s = try ZeroSum.solve(Matrix(rowArrays: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
        #expect(abs(s.value) < 1e-12)
        #expect(s.rowStrategy.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
        #expect(s.columnStrategy.allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    }

    @Test func saddlePointGameHasPureSolution() throws {
        // Row 2 / column 1 is a saddle point with value 2.
        let s = try ZeroSum.solve(Matrix(rowArrays: [[1, 5], [2, 3]]))
        #expect(abs(s.value - 2) < 1e-12)
        #expect(abs(s.rowStrategy[1] - 1) < 1e-12 && abs(s.columnStrategy[0] - 1) < 1e-12)
    }

    @Test func knownMixedValueOfA2x3Game() throws {
        // [[3,-1,2],[-2,4,1]]: column 3 is dominated; on columns 1–2 the row player mixes x₁ = 0.6
        // (3x₁ − 2(1−x₁) = −x₁ + 4(1−x₁)), so the value is 3·0.6 − 2·0.4 = 1.
        let s = try ZeroSum.solve(Matrix(rowArrays: [[3, -1, 2], [-2, 4, 1]]))
        #expect(abs(s.value - 1) < 1e-12)
        #expect(abs(s.rowStrategy[0] - 0.6) < 1e-12)
        #expect(s.exploitability < 1e-12)
    }

    @Test(arguments: 0..<20) func randomGamesHaveZeroExploitability(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed) + 100)
        let m = Int.random(in: 1...12, using: &rng), n = Int.random(in: 1...12, using: &rng)
        var a = Matrix(rows: m, columns: n)
        for k in a.storage.indices { a.storage[k] = Double(Int.random(in: -9...9, using: &rng)) }
        let s = try ZeroSum.solve(a)
        #expect(s.exploitability <= 1e-9)
        #expect(abs(s.rowStrategy.reduce(0, +) - 1) < 1e-12 && abs(s.columnStrategy.reduce(0, +) - 1) < 1e-12)
    }

    @Test func nonFinitePayoffIsRejected() throws {
        #expect(throws: EquilibriumError.nonFinitePayoff(player: 0, index: 1)) {
            try ZeroSum.solve(Matrix(rowArrays: [[1, 2], [.nan, 0]]))
        }
        #expect(throws: EquilibriumError.emptyGame) { try ZeroSum.solve(Matrix(rows: 0, columns: 2)) }
    }
}

@Suite struct BuiltinExampleTests {
    @Test func defenderAttackerExampleHasValueOneTwentyFirst() throws {
        let s = try ZeroSum.solve(BuiltinExamples.zeroSum.payoffs)
        #expect(abs(s.value - 1.0 / 21) < 1e-12)
        #expect(zip(s.rowStrategy, [6.0 / 21, 11.0 / 21, 4.0 / 21]).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}
