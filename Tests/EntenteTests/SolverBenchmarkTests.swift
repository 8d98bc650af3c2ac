import Entente
import Foundation
import Testing

/// `entente bench` and the library behind it: size parsing, growth fits, peer files, verified tiny runs.
@Suite struct SolverBenchmarkTests {
    @Test func sizeListsAreParsedStrictly() throws {
        #expect(try SolverBenchmark.parseSizes("4,6, 8") == [4, 6, 8])
        for bad in ["", "4,,6", "6,4", "4,4", "a", "0", "-3", "4;6", String(repeating: "1,", count: 70) + "1"] {
            #expect(throws: BenchmarkError.self, "\(bad)") { try SolverBenchmark.parseSizes(bad) }
        }
        #expect(throws: BenchmarkError.sizeOutOfRange(family: "nucleolus", size: 30, limits: 1...20)) {
            try SolverBenchmark.run(.nucleolus, sizes: [4, 30], repeats: 1)
        }
        #expect(throws: BenchmarkError.invalidRepeats(0)) { try SolverBenchmark.run(.lemke, sizes: [4], repeats: 0) }
    }

    @Test func growthLawsAreTellApart() throws {
        let n = [10, 20, 40, 80]
        let cubic = try #require(GrowthFit(sizes: n, seconds: n.map { 1e-9 * pow(Double($0), 3) }))
        #expect(abs(cubic.exponent - 3) < 1e-9 && cubic.polynomialFitsBetter && cubic.isComparable)
        let doubling = try #require(GrowthFit(sizes: n, seconds: n.map { 1e-12 * pow(2, Double($0)) }))
        #expect(abs(doubling.base - 2) < 1e-9 && !doubling.polynomialFitsBetter)
        #expect(GrowthFit(sizes: [5, 5], seconds: [1, 2]) == nil)
        #expect(GrowthFit(sizes: [5, 6], seconds: [1, 2])?.isComparable == false)
    }

    @Test func tinyRunsOfEveryFamilyAreVerified() throws {
        let sizes: [BenchmarkFamily: [Int]] = [
            .vertex: [3, 4], .lemke: [3, 5], .zerosum: [3, 5], .shapleyShubik: [25, 30], .banzhaf: [5, 30],
            .nucleolus: [3, 4], .dynamics: [2, 3],
        ]
        for family in BenchmarkFamily.allCases {
            let r = try SolverBenchmark.run(family, sizes: sizes[family]!, repeats: 1)
            #expect(r.rows.map(\.size) == sizes[family]! && r.skipped.isEmpty && r.fit != nil, "\(family)")
            #expect(r.rows.allSatisfy { $0.times.count == 1 && $0.median >= 0 && !$0.summary.isEmpty })
        }
    }

    @Test func aSpentTimeBudgetSkipsTheRemainingSizes() throws {
        let r = try SolverBenchmark.run(.vertex, sizes: [4, 6, 8], repeats: 3, timeout: 1e-9)
        #expect(r.rows.isEmpty && r.skipped == [4, 6, 8] && r.fit == nil)
    }

    @Test func instancesAreThePeerScriptsGames() throws {
        // compare_peers.py: default_rng(1000 + n).uniform(−1, 1, (n, n)) is A; its first entry for n = 4.
        var rng = NumPyRandom(seed: 1004)
        #expect(rng.uniform(-1, 1, count: 1)[0] == -0.99823909451857)
        #expect(BenchmarkFamily.vertex.defaultSeedBase == 1000 && BenchmarkFamily.lemke.defaultSeedBase == 2000)
    }

    @Test func peerFilesAreReadAndCheckedByPath() throws {
        let text =
            #"{"generated": "2026-11-30", "machine": "test", "curves": [{"family": "lemke", "peer": "QuantEcon", "points": [[10, 1e-5], [50, 2e-4]]}, {"family": "vertex", "peer": "Gambit", "points": []}]}"#
        let t = try PeerTimings(json: text)
        #expect(
            t.curves(for: .lemke).map(\.peer) == ["QuantEcon"]
                && t.curves(for: .lemke)[0].points.map(\.size) == [10, 50])
        #expect(t.curves(for: .nucleolus).isEmpty)
        #expect(throws: FileFormatError.self) {
            try PeerTimings(json: #"{"curves": [{"family": "lemke", "peer": "Q", "points": [[10, -1]]}]}"#)
        }
    }
}
