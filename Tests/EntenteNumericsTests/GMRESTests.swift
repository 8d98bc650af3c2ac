// Moved from EntenteAlliancesTests/PrivateTypeDynamicsTests.swift: GMRES is a numerics layer solver.
import EntenteNumerics
import Testing

/// GMRES against dense LU solves.
@Suite struct GMRESTests {
    @Test func solvesANonsymmetricSystemLikeLU() throws {
        var rng = SeededGenerator(seed: 7)
        let n = 60
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { a[i, j] = Double(rng.next() % 1000) / 1000 - 0.5 }; a[i, i] += 8 }
        let b = (0..<n).map { Double($0 % 7) - 3 }
        let exact = try LUFactorization(a).solve(Matrix(rows: n, columns: 1, columnMajor: b))
        let r = GMRES.solve(size: n, rhs: b, restart: 10, tolerance: 1e-13) { x, y in
            for i in 0..<n { var s = 0.0; for j in 0..<n { s += a[i, j] * x[j] }; y[i] = s }
        }
        #expect(r.converged)
        for i in 0..<n { #expect(abs(r.solution[i] - exact[i, 0]) < 1e-10) }
    }

    @Test func evaluatesAMarkovChainPolicy() throws {
        // I − δP with P a random walk on a cycle: V = (I − δP)⁻¹u by GMRES equals the dense solve.
        let m = 50, delta = 0.95
        var p = SparseMatrix(size: m)
        var dense = Matrix.identity(m)
        for z in 0..<m {
            p.appendRow([((z + 1) % m, 0.7), ((z + m - 1) % m, 0.3)])
            dense[z, (z + 1) % m] -= delta * 0.7
            dense[z, (z + m - 1) % m] -= delta * 0.3
        }
        let u = (0..<m).map { Double(($0 * 37) % 11) - 5 }
        let exact = try LUFactorization(dense).solve(Matrix(rows: m, columns: 1, columnMajor: u))
        let r = GMRES.solve(size: m, rhs: u, tolerance: 1e-13) { p.applyShifted(delta: delta, $0, $1) }
        #expect(r.converged && r.iterations < 1000)
        for z in 0..<m { #expect(abs(r.solution[z] - exact[z, 0]) < 1e-10) }
    }
}
