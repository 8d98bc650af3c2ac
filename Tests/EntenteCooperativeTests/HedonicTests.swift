import EntenteCooperative
import EntenteGames
import EntenteNumerics
import Testing

@Suite struct HedonicTests {
    @Test func partitionsAreCountedByBellNumbers() {
        for n in 1...7 {
            var seen = Set<Partition>()
            for p in Partition.all(players: n) { seen.insert(p) }
            #expect(seen.count == Partition.bellNumber(n))
        }
        #expect(Partition.bellNumber(7) == 877 && Partition.bellNumber(10) == 115_975)
    }

    @Test func twoFriendsAndARivalSplitAsExpected() throws {
        // 0 and 1 like each other (+2), both dislike 2 (−1): {0,1} | {2} is the unique Nash-stable partition.
        let v = try Matrix(rowArrays: [[0, 2, -1], [2, 0, -1], [-1, -1, 0]])
        let g = try HedonicGame(affinities: v)
        let stable = try g.nashStablePartitions()
        #expect(stable == [Partition([Coalition([0, 1]), Coalition([2])])])
        #expect(try g.isCoreStable(stable[0]) && g.isIndividuallyStable(stable[0]))
        #expect(g.nashStableByImprovingMoves() == stable[0])
        #expect(g.potential(stable[0]) == 2)
    }

    @Test(arguments: 0..<8) func improvingMovesReachNashStabilityInSymmetricGames(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let n = 6
        var v = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in (i + 1)..<n { let x = Double.random(in: -1...1, using: &rng); v[i, j] = x; v[j, i] = x }
        }
        let g = try HedonicGame(affinities: v)
        let p = try #require(g.nashStableByImprovingMoves())
        #expect(g.isNashStable(p) && g.isIndividuallyStable(p))
        // The potential maximiser is Nash stable.
        let best = Partition.all(players: n).max { g.potential($0) < g.potential($1) }!
        #expect(g.isNashStable(best))
    }
}
