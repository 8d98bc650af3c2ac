// Moved from EntenteTests/SolverBenchmarkTests.swift when the CLI got its own test target.
import Foundation
import Testing

/// `entente bench` end to end.
@Suite struct BenchCommandTests {
    @Test
    func benchCommandPrintsATableAndRejectsBadSizes() throws {
        let cli = CommandLineTests()
        let svg = NSTemporaryDirectory() + "entente-bench-\(UUID().uuidString).svg"
        let ok = try cli.run([
            "bench", "lemke", "--sizes", "3,4,5", "--repeats", "1", "--svg", svg, "--peers", "/nonexistent.json",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("median") && ok.stdout.contains("growth: polynomial"))
        #expect(ok.stderr.contains("lemke n=5 run 1/1"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
        for args in [
            ["bench", "lemke", "--sizes", "6,4"], ["bench", "lemke", "--sizes", "x"],
            ["bench", "lemke", "--sizes", "0"],
            ["bench", "simplex"], ["bench", "nucleolus", "--sizes", "40"], ["bench", "lemke", "--repeats", "0"],
        ] {
            let r = try cli.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(
                r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("entente: error: "),
                "\(args): \(r.stderr)")
        }
    }
}
