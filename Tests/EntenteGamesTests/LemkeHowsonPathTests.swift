import EntenteGames
import EntenteNumerics
import Testing

/// Lemke–Howson from label 0 against QuantEcon 0.11.4's `lemke_howson(g, init_pivot=0)` on deterministic integer
/// games (payoffs 0..999 from a fixed formula, so Python and Swift build the same matrices). The paths cross several
/// blocks of delayed tableau updates (173, 649 and 129 pivots in QuantEcon). These formula games are degenerate;
/// on some of them QuantEcon's tie-breaking takes another path (or cycles), so those are checked against the
/// Entente implementation before the delayed updates instead.
@Suite struct LemkeHowsonPathTests {
    static func game(_ n: Int, _ s: Int) throws -> NormalFormGame {
        var a = Matrix(rows: n, columns: n)
        var b = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                a[i, j] = Double((i * 7919 + j * 104729 + ((i * j + s) % 1009) * 31 + s * 17) % 1000)
                b[i, j] = Double((i * 104723 + j * 7907 + ((i * i + j * j + 3 * s) % 997) * 29 + s * 13) % 1000)
            }
        }
        return try NormalFormGame(rowPayoffs: a, columnPayoffs: b)
    }

    @Test(arguments: [
        (80, 3, [22, 30, 70], [20, 63, 66], 948.7133285960826, 789.36891954023),
        (80, 4, [3, 64], [73, 79], 940.7910447761192, 968.5980000000036),
        (90, 2, [20, 28, 38, 46, 50], [10, 32, 59, 74, 88], 766.0879061419004, 658.5186936449089),
    ])
    func sameEquilibriumAsQuantEcon(n: Int, s: Int, rowSupport: [Int], columnSupport: [Int], u1: Double, u2: Double)
        throws
    {
        let e = try LemkeHowson.solve(Self.game(n, s), label: 0).equilibria[0]
        let p = e.profile.probabilities
        #expect(p[0].indices.filter { p[0][$0] > 0 } == rowSupport)
        #expect(p[1].indices.filter { p[1][$0] > 0 } == columnSupport)
        #expect(abs(e.payoffs[0] - u1) < 1e-9 * u1 && abs(e.payoffs[1] - u2) < 1e-9 * u2)
    }

    /// The equilibrium the eager full-tableau implementation (before delayed updates) reached from label 0.
    @Test func sameEquilibriumAsTheEagerTableau() throws {
        let e = try LemkeHowson.solve(Self.game(60, 2), label: 0).equilibria[0]
        let p = e.profile.probabilities
        #expect(p[0].indices.filter { p[0][$0] > 0 } == [42, 48] && p[1].indices.filter { p[1][$0] > 0 } == [8, 50])
        #expect(
            abs(e.payoffs[0] - 939.2765957446971) < 1e-9 * 940 && abs(e.payoffs[1] - 919.9978094195013) < 1e-9 * 920)
    }
}
