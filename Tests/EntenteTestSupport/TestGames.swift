// Shared by the test targets (EntenteGamesTests, EntenteIOTests, EntenteTests) through the public API.
import EntenteGames
import EntenteNumerics

/// Textbook games with published equilibria.
public enum TestGames {
    public static func bimatrix(_ a: [[Double]], _ b: [[Double]]) -> NormalFormGame {
        try! NormalFormGame(rowPayoffs: Matrix(rowArrays: a), columnPayoffs: Matrix(rowArrays: b))
    }
    public static func symmetric(_ a: [[Double]]) -> NormalFormGame {
        let m = try! Matrix(rowArrays: a)
        return try! NormalFormGame(rowPayoffs: m, columnPayoffs: m.transposed)
    }
    public static let matchingPennies = bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    public static let battleOfTheSexes = bimatrix([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    public static let prisonersDilemma = symmetric([[3, 0], [5, 1]])
    public static let stagHunt = symmetric([[5, 0], [4, 2]])
    public static let chicken = symmetric([[0, -1], [1, -10]])
    public static let rockPaperScissors = bimatrix(
        [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]])
    /// Shapley (1964): fictitious play cycles; the unique equilibrium is uniform.
    public static let shapley = bimatrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
    /// Degenerate variant (b₁₂ = 3) of von Stengel's 3×2 example (2007, Algorithmic Game Theory ch. 3): a segment of equilibria.
    public static let degenerate = bimatrix([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])

    public static func random(m: Int, n: Int, seed: UInt64, integer: Bool = false) -> NormalFormGame {
        var rng = SeededGenerator(seed: seed)
        func draw() -> Double {
            integer ? Double(Int.random(in: -9...9, using: &rng)) : Double.random(in: -1...1, using: &rng)
        }
        let a = (0..<m * n).map { _ in draw() }, b = (0..<m * n).map { _ in draw() }
        return try! NormalFormGame(strategyCounts: [m, n], payoffs: [a, b])
    }
}

/// Whether two mixed profiles agree entry by entry within `tol`.
public func approxEqual(_ p: [[Double]], _ q: [[Double]], _ tol: Double = 1e-9) -> Bool {
    p.count == q.count
        && zip(p, q).allSatisfy { a, b in a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol } }
}

/// Whether `result` lists an equilibrium whose profile is `expected` within `tol`.
public func contains(_ result: NashResult, _ expected: [[Double]], _ tol: Double = 1e-9) -> Bool {
    result.equilibria.contains { approxEqual($0.profile.probabilities, expected, tol) }
}
