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
}
