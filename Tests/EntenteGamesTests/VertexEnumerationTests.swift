import EntenteNumerics
import EntenteTestSupport
import Foundation
import Testing

// @testable: the best-response polytopes, their traversal orders and the dominance pre-pass are internals checked here.
@testable import EntenteGames

/// Reverse-search vertex enumeration (issue 14 item 2, issue 12 item 3): same vertices and equilibria as the
/// breadth-first search over bases it replaced, dominated strategies pruned without changing the answer, memory
/// bounded with an honest completeness flag.
@Suite struct VertexEnumerationTests {
    /// Integer payoffs in a small range: many ties, so many degenerate vertices.
    static func smallInteger(_ m: Int, _ n: Int, seed: UInt64, range: ClosedRange<Int> = -2...2) -> NormalFormGame {
        var rng = SeededGenerator(seed: seed)
        let a = (0..<m * n).map { _ in Double(Int.random(in: range, using: &rng)) }
        let b = (0..<m * n).map { _ in Double(Int.random(in: range, using: &rng)) }
        return try! NormalFormGame(strategyCounts: [m, n], payoffs: [a, b])
    }

    static func key(_ e: NashEquilibrium) -> String {
        e.profile.probabilities.map { $0.map { String(format: "%.9f", $0 + 0) }.joined(separator: ",") }.joined(
            separator: ";")
    }

    static func labelKeys(_ v: [BestResponsePolytope.Vertex]) -> [String] {
        v.map { "\($0.labels.low).\($0.labels.high)" }.sorted()
    }

    @Test(arguments: 0..<40) func reverseSearchFindsTheSameVerticesAsBreadthFirstSearch(seed: Int) throws {
        let m = 1 + seed % 5, n = 1 + (seed / 5) % 6
        let g = Self.smallInteger(m, n, seed: UInt64(seed) + 7000, range: seed % 2 == 0 ? -2...2 : -50...50)
            .scaledForSolving()
        let (p, q) = VertexEnumeration.polytopes(a: g.payoffs[0], b: g.payoffs[1], m: m, n: n)
        for poly in [p, q] {
            let reverse = try #require(
                poly.verticesByReverseSearch(basisLimit: 1 << 20, memoryLimit: 1 << 26, shouldStop: { false }))
            let bfs = poly.verticesByBreadthFirstSearch(basisLimit: 1 << 20, shouldStop: { false })
            #expect(reverse.complete && bfs.complete)
            #expect(Self.labelKeys(reverse.vertices) == Self.labelKeys(bfs.vertices), "m \(m) n \(n) seed \(seed)")
        }
    }

    @Test(arguments: 0..<30) func equilibriaMatchTheBreadthFirstEnumeratorAndAreEquilibria(seed: Int) throws {
        let m = 2 + seed % 4, n = 2 + (seed / 4) % 4
        let g = Self.smallInteger(m, n, seed: UInt64(seed) + 9100)
        let new = try VertexEnumeration.solve(g)
        let old = try VertexEnumeration.solve(
            g, tolerance: 1e-9, maxBases: 1 << 20, memoryLimit: 1 << 26, search: .breadthFirst,
            pruneDominated: false, shouldStop: { false })
        #expect(new.complete && old.complete)
        #expect(Set(new.equilibria.map(Self.key)) == Set(old.equilibria.map(Self.key)), "m \(m) n \(n) seed \(seed)")
        #expect(new.equilibria.count == Set(new.equilibria.map(Self.key)).count)  // no duplicates
        for e in new.equilibria {
            #expect(g.regret(e.profile) <= new.tolerance)
            for p in e.profile.probabilities { #expect(p.allSatisfy { $0 >= 0 } && abs(p.reduce(0, +) - 1) <= 1e-9) }
        }
        // The same components: pairs sharing a vertex are grouped alike.
        #expect(Set(new.equilibria.compactMap(\.component)).count == Set(old.equilibria.compactMap(\.component)).count)
    }

    @Test func dominatedStrategiesArePrunedWithoutChangingTheAnswer() throws {
        // Row 3 is strictly dominated by row 1; then column 3 by column 2; what remains is battle of the sexes.
        let g = TestGames.bimatrix([[2, 0, 1], [0, 1, 0], [1, -1, 0]], [[1, 0, -1], [0, 2, 1], [5, 6, 7]])
        let d = StrictDominance(a: g.payoffs[0], b: g.payoffs[1], m: 3, n: 3)
        #expect(d.rows == [0, 1] && d.columns == [0, 1])
        let pruned = try VertexEnumeration.solve(g)
        let full = try VertexEnumeration.solve(
            g, tolerance: 1e-9, maxBases: 1 << 20, memoryLimit: 1 << 26, search: .reverse,
            pruneDominated: false, shouldStop: { false })
        #expect(pruned.complete && pruned.equilibria.count == 3)
        #expect(Set(pruned.equilibria.map(Self.key)) == Set(full.equilibria.map(Self.key)))
        for e in pruned.equilibria {
            #expect(e.profile.probabilities[0][2] == 0 && e.profile.probabilities[1][2] == 0)
            // The bases re-embedded in the full game's polytopes certify exactly.
            #expect(Certify.certify(e, in: g) != nil)
        }
        let mixed: [[Double]] = [[2.0 / 3, 1.0 / 3, 0], [1.0 / 3, 2.0 / 3, 0]]
        #expect(contains(pruned, mixed))
    }

    @Test func memoryLimitStopsWithAReasonAndVerifiedEquilibria() throws {
        let g = TestGames.random(m: 9, n: 9, seed: 42)
        let r = try VertexEnumeration.solve(g, memoryLimit: 2048)
        #expect(!r.complete && r.incompleteReason == "memory limit reached")
        for e in r.equilibria { #expect(g.regret(e.profile) <= r.tolerance) }
        let full = try VertexEnumeration.solve(g)
        #expect(full.complete && full.incompleteReason == nil && full.equilibria.count % 2 == 1)
        let few = try VertexEnumeration.solve(g, maxBases: 64)
        #expect(!few.complete && few.incompleteReason == "basis limit reached")
    }

    @Test func trivialShapesAndAllTiedPayoffs() throws {
        // One strategy each; a 1 × 4 game; a game where every profile is an equilibrium (one component).
        let single = try VertexEnumeration.solve(TestGames.bimatrix([[3]], [[-1]]))
        #expect(single.complete && single.equilibria.count == 1)
        let row = try VertexEnumeration.solve(TestGames.bimatrix([[1, 2, 3, 4]], [[4, 1, 4, 2]]))
        // The two pure best responses; their mixtures are not extreme.
        #expect(row.complete && row.equilibria.count == 2)
        let zero = try VertexEnumeration.solve(TestGames.bimatrix([[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]]))
        #expect(zero.complete && zero.equilibria.count == 6 && Set(zero.equilibria.compactMap(\.component)).count == 1)
    }
}
