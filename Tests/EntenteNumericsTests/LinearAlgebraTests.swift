import EntenteNumerics
import Testing

@Suite struct LinearAlgebraTests {
    @Test func luSolvesKnownSystem() throws {
        let a = try Matrix(rowArrays: [[2, 1, 1], [4, -6, 0], [-2, 7, 2]])
        let lu = try LUFactorization(a)
        let x = try lu.solve([5, -2, 9])
        #expect(zip(x, [1.0, 1, 2]).allSatisfy { abs($0 - $1) < 1e-12 })
        let xt = try lu.solveTransposed([5, -2, 9])
        let back = try a.multiplyTransposed(xt)
        #expect(zip(back, [5.0, -2, 9]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(try lu.reciprocalCondition() > 1e-3)
    }

    @Test func luSolvesManyRightHandSidesAtOnce() throws {
        var rng = SeededGenerator(seed: 7)
        let n = 30
        var a = Matrix(rows: n, columns: n)
        for k in a.storage.indices { a.storage[k] = Double.random(in: -1...1, using: &rng) }
        for i in 0..<n { a[i, i] += Double(n) }
        let lu = try LUFactorization(a)
        let b = Matrix.identity(n)
        let inverse = try lu.solve(b)
        let product = try a.multiply(inverse)
        for i in 0..<n { for j in 0..<n { #expect(abs(product[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
    }

    @Test func singularMatrixThrowsTypedError() throws {
        let a = try Matrix(rowArrays: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(index: 1)) { try LUFactorization(a) }
    }

    @Test func nearlySingularMatrixHasTinyConditionEstimate() throws {
        let a = try Matrix(rowArrays: [[1, 1], [1, 1 + 1e-15]])
        let lu = try LUFactorization(a)
        #expect(try lu.reciprocalCondition() < 1e-14)
    }

    @Test func nonFiniteAndMisshapenInputsAreRejected() throws {
        let nan = try Matrix(rowArrays: [[1, .nan], [0, 1]])
        #expect(throws: LinearAlgebraError.nonFinite(index: 2)) { try LUFactorization(nan) }
        let inf = try Matrix(rowArrays: [[1, 0], [.infinity, 1]])
        #expect(throws: LinearAlgebraError.nonFinite(index: 1)) { try LUFactorization(inf) }
        let rect = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try LUFactorization(rect) }
        let lu = try LUFactorization(.identity(3))
        #expect(throws: LinearAlgebraError.dimensionMismatch(expectedRows: 3, actualRows: 2)) { try lu.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rowArrays: [[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
    }

    @Test func workspaceSolveMatchesFactorisationAndFlagsSingular() throws {
        var ws = LUWorkspace()
        let a: [Double] = [4, 1, 2, 3]  // [[4,2],[1,3]]
        var rhs: [Double] = [6, 4]
        let ok = a.withUnsafeBufferPointer { ab in
            rhs.withUnsafeMutableBufferPointer { ws.solve(ab, order: 2, rhs: $0) }
        }
        #expect(ok)
        #expect(abs(rhs[0] - 1) < 1e-12 && abs(rhs[1] - 1) < 1e-12)
        let s: [Double] = [1, 2, 2, 4]
        var r2: [Double] = [1, 1]
        let ok2 = s.withUnsafeBufferPointer { sb in
            r2.withUnsafeMutableBufferPointer { ws.solve(sb, order: 2, rhs: $0) }
        }
        #expect(!ok2)
    }

    @Test func leastSquaresFitsLineAndHandlesRankDeficiency() throws {
        // Fit y = 1 + 2t exactly through 4 points.
        let t: [Double] = [0, 1, 2, 3]
        let a = try Matrix(rowArrays: t.map { [1, $0] })
        let sol = try LeastSquares.solve(a, t.map { 1 + 2 * $0 })
        #expect(abs(sol.x[0] - 1) < 1e-12 && abs(sol.x[1] - 2) < 1e-12)
        #expect(sol.rank == 2)
        // Rank-deficient: two identical columns get the minimum-norm split.
        let d = try Matrix(rowArrays: [[1, 1], [1, 1]])
        let s2 = try LeastSquares.solve(d, [2, 2])
        #expect(s2.rank == 1)
        #expect(abs(s2.x[0] - 1) < 1e-12 && abs(s2.x[1] - 1) < 1e-12)
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(d, [1, .nan]) }
    }

    @Test func symmetricEigenDecompositionReconstructsMatrix() throws {
        let a = try Matrix(rowArrays: [[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
        let (values, vectors) = try Eigen.symmetric(a)
        let expected = [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot()]
        #expect(zip(values, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        for k in 0..<3 {
            let v = (0..<3).map { vectors[$0, k] }
            let av = try a.multiply(v)
            for i in 0..<3 { #expect(abs(av[i] - values[k] * v[i]) < 1e-12) }
        }
    }

    @Test func generalEigenvaluesOfRotationAreImaginary() throws {
        let a = try Matrix(rowArrays: [[0, -1], [1, 0]])
        let e = try Eigen.general(a)
        #expect(e.real.allSatisfy { abs($0) < 1e-14 })
        #expect(Set(e.imaginary.map { $0.rounded() }) == [1, -1])
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) {
            try Eigen.general(Matrix(rows: 1, columns: 2))
        }
    }
}
