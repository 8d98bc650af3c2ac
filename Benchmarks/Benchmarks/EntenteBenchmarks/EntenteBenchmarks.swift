import Benchmark
import Entente

// Inputs are generated from fixed seeds outside the measured region. Metrics: wall clock, malloc count and peak
// memory (ARC metrics crash on Linux without a package that is not mirrored here).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(2), maxIterations: 200)

    func randomMatrix(_ r: Int, _ c: Int, seed: UInt64, range: ClosedRange<Double> = -1...1) -> Matrix {
        var rng = SeededGenerator(seed: seed)
        return try! Matrix(rows: r, columns: c, columnMajor: (0..<r * c).map { _ in Double.random(in: range, using: &rng) })
    }

    func randomGame(_ n: Int, seed: UInt64) -> NormalFormGame {
        try! NormalFormGame(rowPayoffs: randomMatrix(n, n, seed: seed), columnPayoffs: randomMatrix(n, n, seed: seed + 1))
    }

    // Linear algebra: dgesv-style factor + solve.
    for n in [100, 500, 1000, 2000] {
        let a = randomMatrix(n, n, seed: UInt64(n))
        let b = [Double](repeating: 1, count: n)
        Benchmark("LU solve n=\(n)", configuration: .init(maxIterations: n >= 1000 ? 20 : 200)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try LUFactorization(a).solve(b)) }
        }
    }

    // Dense LPs: max c·x, A x ≤ 1, x ≥ 0 with positive data (feasible and bounded).
    for m in [50, 100, 200, 400] {
        let a = randomMatrix(m, m, seed: UInt64(m) + 7, range: 0...1)
        let c = randomMatrix(1, m, seed: UInt64(m) + 8, range: -1...0).storage
        let lp = try! LinearProgram(objective: c, inequalityMatrix: a, inequalityBounds: [Double](repeating: 1, count: m))
        Benchmark("LP simplex m=n=\(m)", configuration: .init(maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try SimplexSolver().solve(lp)) }
        }
    }

    // All extreme equilibria of random n×n games.
    for n in [4, 6, 8, 10, 12] {
        let g = randomGame(n, seed: UInt64(100 + n))
        Benchmark("Vertex enumeration n=\(n)", configuration: .init(maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try VertexEnumeration.solve(g)) }
        }
    }
    for n in [10, 50, 100, 200, 400] {
        let g = randomGame(n, seed: UInt64(200 + n))
        Benchmark("Lemke-Howson n=\(n)", configuration: .init(maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try LemkeHowson.solve(g)) }
        }
    }
    for n in [50, 100, 200, 500, 1000] {
        let a = randomMatrix(n, n, seed: UInt64(300 + n))
        Benchmark("Zero-sum LP n=\(n)", configuration: .init(maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ZeroSum.solve(a)) }
        }
    }
    for counts in [[2, 2, 2], [3, 3, 3], [2, 2, 2, 2], [3, 3, 3, 3]] {
        var rng = SeededGenerator(seed: 42)
        let total = counts.reduce(1, *)
        let g = try! NormalFormGame(strategyCounts: counts, payoffs: counts.map { _ in (0..<total).map { _ in Double.random(in: 0...1, using: &rng) } })
        Benchmark("Logit path \(counts.map(String.init).joined(separator: "x"))", configuration: .init(maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try LogitPath.solve(g)) }
        }
    }

    // Cooperative: power indices of weighted games with weights 1..100, nucleolus, Shapley from a table.
    for n in [10, 50, 200, 1000] {
        var rng = SeededGenerator(seed: UInt64(n))
        let g = try! WeightedMajorityGame(majorityOf: (0..<n).map { _ in Int.random(in: 1...100, using: &rng) })
        Benchmark("Banzhaf n=\(n)", configuration: .init(maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try PowerIndices.banzhaf(g)) }
        }
        Benchmark("Shapley-Shubik n=\(n)", configuration: .init(maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try PowerIndices.shapleyShubik(g)) }
        }
    }
    for n in [5, 8, 12, 16] {
        var rng = SeededGenerator(seed: UInt64(n) + 50)
        let g = try! CoalitionalGame(players: (0..<n).map(String.init)) { s in Double(s.count * s.count) + Double.random(in: 0...1, using: &rng) }
        Benchmark("Nucleolus n=\(n)", configuration: .init(maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try CoreSolutions.nucleolus(g)) }
        }
    }
    for n in [10, 16, 20, 24] {
        let g = try! CoalitionalGame(players: (0..<n).map(String.init)) { s in Double(s.count * s.count) }
        Benchmark("Shapley table n=\(n)", configuration: .init(maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ShapleyValue.exact(g)) }
        }
    }

    // The alliance analysis on synthetic scenarios (exact blocs up to 25 actors, spectral beyond).
    // The alliance game enumerates Bell(n) structures: up to 9 actors.
    for n in [5, 7, 8, 9] {
        var rng = SeededGenerator(seed: UInt64(n) + 900)
        let actors = (0..<n).map { i in
            Country(id: "S\(i)", capability: Double.random(in: 0.001...0.1, using: &rng),
                  capital: (Double.random(in: 30...60, using: &rng), Double.random(in: -10...40, using: &rng)))
        }
        let s = try! Scenario(name: "synthetic-\(n)", actors: actors)
        Benchmark("Analyze n=\(n)", configuration: .init(maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try AllianceAnalysis(scenario: s)) }
        }
    }

    // The alliance game's forecasts for all 130 years of the great-power history (`entente predict`).
    Benchmark("Alliance game forecast 1816-1945", configuration: .init(maxIterations: 5)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AllianceGameModel()) }
    }
}
