import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics
import Foundation

/// A solver family timed by ``SolverBenchmark`` (and `entente bench`): how its seeded random instances are drawn,
/// which solver runs, and how each answer is verified.
///
/// The instances are those of `Benchmarks/compare_peers.py`, drawn bit for bit with the same generators
/// (``NumPyRandom`` for normal-form games, ``PythonRandom`` for weighted and TU games) and the same seeds: `base + n`
/// with the default bases below (``defaultSeedBase``), so `entente bench` and the peer script time the very same games.
public enum BenchmarkFamily: String, Sendable, CaseIterable {
    /// All extreme equilibria (vertex enumeration) of a random n×n bimatrix game with integer payoffs 0..999
    /// (`default_rng(1000 + n).integers(0, 1000, (n, n))` for A, then B). Verified: complete, every equilibrium re-checked.
    case vertex
    /// Lemke–Howson from label 0 on a random n×n game with integer payoffs 0..999 (`default_rng(2000 + n).integers(0,
    /// 1000, (n, n))` for A, then B). Verified: regret.
    case lemke
    /// The value of a random n×n zero-sum game by LP (`default_rng(3000 + n).integers(−1000, 1001, (n, n))`). Verified: both optimal
    /// strategies as a Nash equilibrium of (A, −A).
    case zerosum
    /// The Shapley–Shubik index of `[W/2; w]` (strict majority) with n weights `random.Random(n).randint(1, 100)`.
    /// Verified: finite, non-negative, efficient (Σ = 1 within 1e-9), equal for equal weights.
    case shapleyShubik = "shapley-shubik"
    /// The Banzhaf index of the same weighted games. Verified as for Shapley–Shubik (normalised index).
    case banzhaf
    /// The nucleolus of the TU game v(S) = |S|² + U(0, 1) (`random.Random(50 + n).random()` per coalition in bitmask
    /// order). Verified: efficient and individually rational within 1e-6.
    case nucleolus
    /// The dynamic alliance-formation game on n status-quo actors 400 km apart on a line, neighbours rivals, no exit
    /// and no window (every partition is a state: Bell(n) of them); the equilibrium search must end verified.
    case dynamics

    /// What is timed, in words.
    public var title: String {
        switch self {
        case .vertex: return "all extreme equilibria (vertex enumeration), random n×n"
        case .lemke: return "Lemke–Howson from label 0, random n×n"
        case .zerosum: return "zero-sum value by LP, random n×n"
        case .shapleyShubik: return "Shapley–Shubik index, weighted majority game with n players"
        case .banzhaf: return "Banzhaf index, weighted majority game with n players"
        case .nucleolus: return "nucleolus, TU game with n players"
        case .dynamics: return "dynamic alliance game, n actors (Bell(n) states)"
        }
    }

    /// The seed base of `Benchmarks/compare_peers.py`: instance n uses seed `base + n`.
    public var defaultSeedBase: UInt64 {
        switch self {
        case .vertex: return 1000
        case .lemke: return 2000
        case .zerosum: return 3000
        case .shapleyShubik, .banzhaf: return 0
        case .nucleolus: return 50
        case .dynamics: return 0
        }
    }

    /// Sizes accepted (beyond them the instance alone would be too large or the run hopeless).
    public var sizeLimits: ClosedRange<Int> {
        switch self {
        case .vertex: return 1...40
        case .lemke: return 1...2000
        case .zerosum: return 1...2000
        case .shapleyShubik, .banzhaf: return 1...5000
        case .nucleolus: return 1...20
        case .dynamics: return 2...9
        }
    }

    /// A size series that runs in seconds.
    public var defaultSizes: [Int] {
        switch self {
        case .vertex: return [4, 6, 8, 10, 12]
        case .lemke: return [10, 50, 100, 200]
        case .zerosum: return [50, 100, 200, 400]
        case .shapleyShubik: return [50, 100, 200, 500, 1000]
        case .banzhaf: return [50, 200, 1000, 2000]
        case .nucleolus: return [5, 8, 10, 12]
        case .dynamics: return [4, 5, 6, 7]
        }
    }

    /// The instance of size `n` drawn from `seed` (`defaultSeedBase + n` reproduces the peer script), ready to run.
    /// `shouldStop` is polled by solvers that can stop early (vertex enumeration); an answer cut short fails
    /// verification. Throws ``BenchmarkError/sizeOutOfRange(family:size:limits:)`` outside ``sizeLimits``.
    public func instance(size n: Int, seed: UInt64, shouldStop: @escaping @Sendable () -> Bool = { false })
        throws(BenchmarkError) -> BenchmarkInstance
    {
        guard sizeLimits.contains(n) else { throw .sizeOutOfRange(family: rawValue, size: n, limits: sizeLimits) }
        do {
            switch self {
            case .vertex, .lemke, .zerosum:
                var rng = NumPyRandom(seed: seed)
                // compare_peers.py: random_integer_game (integers 0..999, A then B) for vertex and Lemke–Howson,
                // integer_zero_sum (integers −1000..1000) for zero-sum.
                func draw() -> [Double] {
                    self == .zerosum
                        ? rng.integers(-1000, 1001, count: n * n).map(Double.init)
                        : rng.integers(0, 1000, count: n * n).map(Double.init)
                }
                let a = try BenchmarkFamily.matrix(n, draw())
                let b = try BenchmarkFamily.matrix(n, draw())
                if self == .zerosum {
                    let game = try NormalFormGame(rowPayoffs: a, columnPayoffs: BenchmarkFamily.negated(a))
                    return BenchmarkInstance(size: n) {
                        let (s, dt) = try BenchmarkFamily.timed { try ZeroSum.solve(a) }
                        let profile = try MixedProfile([s.rowStrategy, s.columnStrategy])
                        _ = try EquilibriumVerifier.verify(
                            profile, in: game, tolerance: EquilibriumVerifier.absoluteTolerance(1e-6, for: game))
                        return (dt, "value \(BenchmarkFamily.short(s.value))")
                    }
                }
                let game = try NormalFormGame(rowPayoffs: a, columnPayoffs: b)
                let tolerance = EquilibriumVerifier.absoluteTolerance(EquilibriumVerifier.defaultTolerance, for: game)
                if self == .lemke {
                    return BenchmarkInstance(size: n) {
                        let (e, dt) = try BenchmarkFamily.timed { try LemkeHowson.solve(game, label: 0).equilibria[0] }
                        _ = try EquilibriumVerifier.verify(e.profile, in: game, tolerance: tolerance)
                        return (dt, "regret \(BenchmarkFamily.short(e.regret))")
                    }
                }
                return BenchmarkInstance(size: n) {
                    let (r, dt) = try BenchmarkFamily.timed {
                        try VertexEnumeration.solve(game, shouldStop: shouldStop)
                    }
                    guard r.complete else {
                        throw BenchmarkError.unverified(
                            family: "vertex", size: n, reason: r.incompleteReason ?? "incomplete")
                    }
                    for e in r.equilibria {
                        _ = try EquilibriumVerifier.verify(e.profile, in: game, tolerance: tolerance)
                    }
                    return (dt, "\(r.equilibria.count) equilibri\(r.equilibria.count == 1 ? "um" : "a")")
                }
            case .shapleyShubik, .banzhaf:
                var rng = PythonRandom(seed: seed)
                let w = (0..<n).map { _ in rng.randint(1, 100) }
                let game = try WeightedMajorityGame(majorityOf: w)
                let family = rawValue
                return BenchmarkInstance(size: n) {
                    let (index, dt) = try BenchmarkFamily.timed {
                        self == .banzhaf ? try PowerIndices.banzhaf(game) : try PowerIndices.shapleyShubik(game)
                    }
                    try BenchmarkFamily.verifyIndex(index.values, weights: w, family: family)
                    return (dt, "max \(BenchmarkFamily.short(index.values.max() ?? 0)) (\(index.method))")
                }
            case .nucleolus:
                var rng = PythonRandom(seed: seed)
                let values =
                    [0.0] + (1..<(1 << n)).map { m in Double(m.nonzeroBitCount * m.nonzeroBitCount) + rng.random() }
                let game = try CoalitionalGame(players: (0..<n).map { "p\($0)" }, values: values)
                return BenchmarkInstance(size: n) {
                    let (x, dt) = try BenchmarkFamily.timed { try CoreSolutions.nucleolus(game) }
                    let grand = values[(1 << n) - 1]
                    let efficient = abs(x.reduce(0, +) - grand) <= 1e-6 * max(1, abs(grand))
                    let rational = (0..<n).allSatisfy { x[$0] >= values[1 << $0] - 1e-6 * max(1, abs(grand)) }
                    guard x.count == n, x.allSatisfy(\.isFinite), efficient, rational else {
                        throw BenchmarkError.unverified(family: "nucleolus", size: n, reason: "not an imputation")
                    }
                    return (dt, "x₁ \(BenchmarkFamily.short(x[0]))")
                }
            case .dynamics:
                let game = try AllianceFormationGame(
                    scenario: BenchmarkFamily.lineScenario(n), parameters: BenchmarkFamily.lineParameters, actorLimit: n
                )
                return BenchmarkInstance(size: n) {
                    let (r, dt) = try BenchmarkFamily.timed { try game.solve(shouldStop: shouldStop) }
                    guard r.verified else {
                        throw BenchmarkError.unverified(
                            family: "dynamics", size: n,
                            reason: "equilibrium not verified after \(r.iterations) iterations")
                    }
                    return (dt, "\(game.states.count) states, \(r.iterations) iterations")
                }
            }
        } catch let e as BenchmarkError {
            throw e
        } catch {
            throw .instanceFailed(family: rawValue, size: n, reason: "\(error)")
        }
    }

    /// n status-quo actors 400 km apart on a line with capabilities 1/(k + 2), neighbours rivals.
    public static func lineScenario(_ n: Int) throws -> Scenario {
        let actors = (0..<n).map { Country(id: "A\($0)", capability: 1 / Double($0 + 2)) }
        let km = (0..<n).map { i in (0..<n).map { j in 400 * Double(abs(i - j)) } }
        var rivals = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for i in 0..<max(0, n - 1) {
            rivals[i][i + 1] = true
            rivals[i + 1][i] = true
        }
        return try Scenario(name: "line-\(n)", actors: actors, distances: Matrix(rowArrays: km), rivalries: rivals)
    }

    /// No exit and no window of opportunity: the state space is every partition of the actors.
    public static var lineParameters: AllianceFormationGame.Parameters {
        var p = AllianceFormationGame.Parameters()
        p.allowExit = false
        p.windowHazard = nil
        return p
    }

    static func matrix(_ n: Int, _ rowMajor: [Double]) throws -> Matrix {
        try Matrix(rowArrays: (0..<n).map { i in Array(rowMajor[(i * n)..<((i + 1) * n)]) })
    }

    static func negated(_ a: Matrix) throws -> Matrix {
        try Matrix(rows: a.rows, columns: a.columns, columnMajor: a.storage.map { -$0 })
    }

    static func verifyIndex(_ v: [Double], weights: [Int], family: String) throws {
        let n = v.count
        guard v.allSatisfy({ $0.isFinite && $0 >= 0 }), abs(v.reduce(0, +) - 1) <= 1e-9 else {
            throw BenchmarkError.unverified(
                family: family, size: n, reason: "index not efficient (sum \(v.reduce(0, +)))")
        }
        var first: [Int: Double] = [:]
        for (i, w) in weights.enumerated() {
            if let f = first[w], abs(f - v[i]) > 1e-12 {
                throw BenchmarkError.unverified(
                    family: family, size: n, reason: "players of equal weight \(w) get different values")
            }
            first[w] = first[w] ?? v[i]
        }
    }

    /// Runs `body` once and returns its result with the elapsed wall-clock and process CPU seconds.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, BenchmarkTiming) {
        let clock = ContinuousClock()
        let cpu0 = processCPUSeconds()
        let start = clock.now
        let result = try body()
        let d = start.duration(to: clock.now).components
        return (
            result,
            BenchmarkTiming(wall: Double(d.seconds) + Double(d.attoseconds) * 1e-18, cpu: processCPUSeconds() - cpu0)
        )
    }

    /// CPU time of this process (all threads), from `CLOCK_PROCESS_CPUTIME_ID`.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func short(_ x: Double) -> String { String(format: "%.6g", x) }
}

/// Wall-clock and process CPU seconds of one solver call (CPU time shows what a loaded machine hides).
public struct BenchmarkTiming: Sendable, Equatable {
    /// Elapsed wall-clock seconds.
    public let wall: Double
    /// CPU seconds of the whole process over the same interval.
    public let cpu: Double
}

/// One prepared instance: `run` solves it once, verifies the answer outside the timed region, and returns the solver's
/// wall-clock and CPU seconds with a one-line summary of the answer. Throws when the answer fails verification.
public struct BenchmarkInstance: Sendable {
    /// The instance size n.
    public let size: Int
    /// Solve once, verify, return (seconds, summary).
    public let run: @Sendable () throws -> (seconds: BenchmarkTiming, summary: String)

    init(size: Int, run: @escaping @Sendable () throws -> (seconds: BenchmarkTiming, summary: String)) {
        self.size = size
        self.run = run
    }
}
