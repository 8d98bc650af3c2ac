// Moved from EntenteTests/HostileInputTests.swift when the CLI got its own test target.
import Foundation
import Testing

/// The crash inputs of issue 12 through the command line: each must end with a one-line error, never a trap.
@Suite struct HostileCommandLineTests {
    @Test
    func formerCrashesAreOneLineErrors() throws {
        let cli = CommandLineTests()
        let values = (0..<1000).map { String(0.5 + Double($0) * 1e-4) }.joined(separator: ",")
        let cases: [[String]] = [
            ["sweep", "--builtin", "europe-1890"]
                + ["delta", "kappa", "lambda", "prize", "exit", "epsilon", "lambdakm"].flatMap {
                    ["--param", "\($0)=\(values)"]
                },
            ["coalition", try cli.temporaryFile(#"{"players": ["A", "B"], "weights": [1e19, 1]}"#, suffix: ".json")],
            [
                "nash",
                try cli.temporaryFile(
                    "NFG 1 R \"x\" { \"1\" \"2\" } { { \"a\" \"b\" } { \"c\" } } \"\"\n{ { \"\" 1, 1 } }\n1 1e19\n",
                    suffix: ".nfg"),
            ],
        ]
        for args in cases {
            let r = try cli.run(args)
            #expect(r.status == 1 || r.status == 64, "\(args.prefix(3)): status \(r.status)")  // 64: usage error
            let lines = r.stderr.split(separator: "\n")
            #expect(
                lines.count == 1 && lines[0].hasPrefix("entente: error: "), "\(args.prefix(3)): \(r.stderr.prefix(300))"
            )
        }
    }

    /// `--timeout` of the long commands: range-checked, refused where it does not apply, and an already expired
    /// deadline (1 ns: over at the first poll) ends the work at once — a one-line error where a partial answer would
    /// mislead, an incomplete grid marked as such for `calibrate --dynamics`. Nothing is timed.
    @Test
    func timeoutsAreCheckedAndAnExpiredDeadlineEndsTheWork() throws {
        let cli = CommandLineTests()
        let usage: [([String], String)] = [
            (["predict", "--timeout", "5"], "--model dynamic"),
            (["validate", "--model", "affinity", "--timeout", "5"], "--model dynamic"),
            (["predict", "--model", "dynamic", "--timeout", "0"], "--timeout must be"),
            (["validate", "--model", "dynamic", "--timeout", "nan"], "--timeout must be"),
            (["calibrate", "--timeout", "5"], "--dynamics"),
            (["calibrate", "--dynamics", "--timeout", "-1"], "--timeout must be"),
        ]
        for (args, expected) in usage {
            let r = try cli.run(args)
            let lines = r.stderr.split(separator: "\n")
            #expect(r.status == 64 && lines.count == 1 && r.stderr.contains(expected), "\(args): \(r.stderr)")
        }
        for args in [
            ["predict", "--model", "dynamic", "--timeout", "1e-9"],
            ["validate", "--model", "dynamic", "--timeout", "1e-9", "--format", "json"],
            ["dynamics", "--builtin", "europe-1914", "--timeout", "1e-9", "--format", "json"],
        ] {
            let r = try cli.run(args)
            let last = r.stderr.split(separator: "\n").last ?? ""
            #expect(r.status == 1 && r.stdout.isEmpty, "\(args): \(r.stdout.prefix(200))")
            #expect(last.hasPrefix("entente: error: stopped") && last.contains("--timeout"), "\(args): \(r.stderr)")
        }
        // sweep: the expired deadline stops before or inside the first grid point; an incomplete grid is an error,
        // and a point cut short is never verified.
        let sweep = try cli.run(["sweep", "--builtin", "europe-1914", "--param", "delta=0.8,0.9", "--timeout", "1e-9"])
        #expect(sweep.status == 1)
        #expect(sweep.stderr.contains("entente: error: stopped (timeout or interrupt) after"))
        #expect(!sweep.stdout.contains("\"verified\":true,\"stopped\":true"))
        #expect(sweep.stdout.split(separator: "\n").count <= 1)
        #expect(try cli.run(["sweep", "--builtin", "europe-1914", "--timeout", "0"]).status == 64)
        let grid = try cli.run(["calibrate", "--dynamics", "--timeout", "1e-9", "--format", "json"])
        #expect(grid.status == 0)
        #expect(grid.stdout.contains("\"complete\":false") || grid.stdout.contains("\"complete\": false"))
        #expect(grid.stdout.contains("stopped (timeout or interrupt) after 0 of 32 grid points"))
    }
}
