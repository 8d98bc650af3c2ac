import Entente
import EntenteCLI
import Foundation
import Testing

/// End-to-end checks of `entente`, run in this process by `EntenteCommand.run` (the same parsing, output and exit
/// status as the program, with no binary needed). What needs a real process (standard output that cannot be
/// written) runs the executable built next to the tests and fails when it is missing.
@Suite struct CommandLineTests {
    static let binary: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/entente")
    }()

    struct Output { let status: Int32; let stdout: String; let stderr: String }

    /// Runs `entente arguments` in this process, with `stdin` as standard input.
    func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
        let r = EntenteCommand.run(arguments, standardInput: stdin)
        return Output(status: r.status, stdout: r.standardOutput, stderr: r.standardError)
    }

    /// The built executable; a test that needs it fails (never skips) when it is missing.
    static func builtBinary() throws -> URL {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "\(binary.path) is missing: build it with `swift build --product entente` (make test does)")
        return binary
    }

    /// Runs the built executable as a child process.
    func runProcess(_ arguments: [String]) throws -> Output {
        let p = Process()
        p.executableURL = try Self.builtBinary()
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "entente-cli-\(UUID().uuidString)\(suffix)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test
    func badInputGivesOneLineOnStderrAndANonZeroExit() throws {
        let cases: [[String]] = [
            ["nash", "/nonexistent/game.nfg"],
            ["nash", try temporaryFile("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 x 5 6 7 8\n", suffix: ".nfg")],
            ["coalition", try temporaryFile(#"{"players": ["A", "B"], "weights": [1, -2]}"#, suffix: ".json")],
            ["analyze", try temporaryFile(#"{"actors": [{"id": "A", "capability": NaN}]}"#, suffix: ".json")],
            ["dynamics", "--builtin", "europe-1890", "--delta", "1"],
            ["analyze", "--builtin", "atlantis"],
            ["dynamics", "--builtin", "europe-1890", "--types", "GMY=0.5", "--signal-accuracy", "1.2"],
            ["sweep", "--builtin", "europe-1890", "--param", "prior.ZZZ=0.5"],
        ]
        for args in cases {
            let r = try run(args)
            #expect(r.status != 0, "\(args)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("entente: error: "), "\(args): \(r.stderr)")
        }
        #expect(try run(["nash", cases[1][1]]).stderr.contains("line 2, column 7"))
    }

    @Test
    func dynamicsTimeoutBoundsTheSearchAndIsRangeChecked() throws {
        let r = try run(["dynamics", "--builtin", "europe-1914", "--timeout", "0.5"])
        #expect(r.status == 0 && r.stdout.contains("── all status quo"), "\(r.stderr)")
        let bad = try run(["dynamics", "--builtin", "europe-1914", "--timeout", "0"])
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("--timeout"))
    }

    @Test
    func nashMaxMemoryStopsTheEnumerationWithAReason() throws {
        // A random 20 × 20 integer game has far more than the 32 768 vertices that fit in 1 MiB.
        var rng = SeededGenerator(seed: 5)
        let payoffs = (0..<800).map { _ in String(Int.random(in: -9...9, using: &rng)) }.joined(separator: " ")
        let game = try temporaryFile("NFG 1 R \"big\" { \"1\" \"2\" } { 20 20 }\n\n\(payoffs)\n", suffix: ".nfg")
        let r = try run(["nash", game, "--method", "enumerate", "--max-memory", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONValue.parse(r.stdout)
        #expect(doc["complete"] == .bool(false))
        #expect(doc["incompleteReason"] == .string("memory limit reached"))
    }

    @Test
    func mainJobAndNashProduceParsableOutput() throws {
        let analyze = try run(["analyze", "--builtin", "europe-1890", "--format", "json"])
        #expect(analyze.status == 0)
        let doc = try JSONValue.parse(analyze.stdout)
        #expect(doc["blocs"]?["exact"] != nil && doc["settings"]?["statusQuo"] != nil)
        let game = try temporaryFile("NFG 1 R \"BoS\" { \"1\" \"2\" } { 2 2 }\n\"\"\n2 1 0 0 0 0 1 2\n", suffix: ".nfg")
        let gambit = try run(["nash", game, "--certify", "--format", "gambit"])
        #expect(gambit.status == 0)
        #expect(gambit.stdout.split(separator: "\n").sorted() == ["NE,0,1,0,1", "NE,1,0,1,0", "NE,2/3,1/3,1/3,2/3"])
        let def = try run([])
        #expect(def.status == 0 && def.stdout.contains("europe-1914"))
    }

    static let threeStates = """
        {"name": "toy", "actors": [
          {"id": "A", "capability": 0.4, "type": 0.5}, {"id": "B", "capability": 0.35}, {"id": "C", "capability": 0.25}],
         "distances_km": [["A", "B", 300], ["A", "C", 200], ["B", "C", 200]], "rivalries": [["A", "B"]]}
        """

    @Test
    func dynamicsWithAPrivateTypeReportsAVerifiedBayesianEquilibriumPerType() throws {
        let file = try temporaryFile(Self.threeStates, suffix: ".json")
        let r = try run(["dynamics", file, "--format", "json", "--prize", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONValue.parse(r.stdout)
        let bayes = doc["private types"]
        #expect(bayes?["verified"] == .bool(true))
        #expect(bayes?["privateTypes"]?["A"] == .number(0.5))
        guard case .array(let outcomes)? = bayes?["outcomes"] else { Issue.record("no outcomes"); return }
        #expect(outcomes.count == 2)
        let sweep = try run(["sweep", file, "--param", "prior.A=0.2,0.8"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let lines = sweep.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { #expect(try JSONValue.parse(String(line))["outcomes"] != nil) }
    }

    /// The report's first line names the equilibrium concept: Konishi–Ray's profitability rule by default.
    @Test
    func dynamicsNamesTheProfitabilityRule() throws {
        let file = try temporaryFile(Self.threeStates, suffix: ".json")
        let kr = try run(["dynamics", file, "--public-types"])
        #expect(kr.status == 0, "\(kr.stderr)")
        #expect(
            kr.stdout.split(separator: "\n").first?.contains(
                "Konishi–Ray profitability (moves weakly profitable and maximal; waiting excluded only by a strictly profitable move)"
            ) == true)
        let strict = try run(["dynamics", file, "--public-types", "--rule", "strict"])
        #expect(strict.stdout.split(separator: "\n").first?.contains("strict profitability") == true)
    }

    static let bos = "NFG 1 R \"BoS\" { \"1\" \"2\" } { 2 2 }\n\"\"\n2 1 0 0 0 0 1 2\n"
    static let weighted = #"{"players": ["A", "B", "C"], "weights": [2, 1, 1]}"#

    /// Invalid options: a non-zero exit, a message naming the real cause (`expect`), never a misleading one (`never`).
    @Test
    func invalidOptionsAreRejectedWithTheRealCause() throws {
        let game = try temporaryFile(Self.bos, suffix: ".nfg")
        let coalition = try temporaryFile(Self.weighted, suffix: ".json")
        let toy = try temporaryFile(Self.threeStates, suffix: ".json")
        let weighted22 = try temporaryFile(
            #"{"players": [\#((0..<22).map { "\"P\($0)\"" }.joined(separator: ","))], "weights": [\#((1...22).map(String.init).joined(separator: ","))]}"#,
            suffix: ".json")
        let threePlayers = try temporaryFile(
            #"{"players": ["A", "B", "C"], "strategies": [["x"], ["y"], ["z"]], "payoffs": [[[[1]]], [[[1]]], [[[1]]]]}"#,
            suffix: ".json")
        let wide = try temporaryFile(
            "NFG 1 R \"w\" { \"1\" \"2\" } { 70 70 }\n" + (0..<9800).map { String($0 % 7) }.joined(separator: " ")
                + "\n", suffix: ".nfg")
        let cases: [(args: [String], expect: String, never: String?)] = [
            (
                ["coalition", weighted22, "--solution", "shapley,ruling"],
                "the solution 'ruling' handles at most 20 players", "--max-players"
            ),
            (["nash", threePlayers, "--method", "support"], "needs a 2-player game", nil),
            (["nash", threePlayers, "--certify"], "--certify needs a 2-player game", nil),
            (["nash", wide, "--method", "enumerate"], "at most 128 strategies in total", nil),
            (["analyze", "--format", "gambit"], "--format gambit is not supported by 'analyze'", nil),
            (["analyze", "--format", "csv"], "not supported", nil),
            (["dynamics", toy, "--format", "gambit"], "not supported by 'dynamics'", nil),
            (["coalition", coalition, "--format", "gambit"], "not supported by 'coalition'", nil),
            (["example", "--format", "csv"], "not supported by 'example'", nil),
            (["calibrate", "--format", "csv"], "not supported by 'calibrate'", nil),
            (["scenario", "show", "europe-1890", "--format", "gambit"], "not supported", nil),
            (["nash", game, "--tolerance", "inf"], "--tolerance must be a finite number", nil),
            (["nash", game, "--tolerance", "nan"], "--tolerance must be a finite number", "verification"),
            (["nash", game, "--tolerance", "0"], "--tolerance", nil),
            (["nash", game, "--timeout=-1"], "--timeout must be", nil),
            (["nash", game, "--timeout", "-1"], "--timeout must be", nil),
            (["nash", game, "--max-supports=-1"], "--max-supports must be", nil),
            (["nash", game, "--method", "support", "--max-supports", "0"], "--max-supports must be", nil),
            (["nash", game, "--max-memory", "0"], "--max-memory must be an integer in 1...1048576 MiB", nil),
            (
                ["nash", game, "--method", "lemke", "--max-memory", "64"], "--max-memory applies to --method enumerate",
                nil
            ),
            (["nash", game, "--method", "lemke", "--label", "4"], "--label 4 is out of range", "max-supports"),
            (["nash", game, "--method", "lemke", "--label", "-1"], "--label must be ≥ 0", nil),
            (["nash", game, "--label", "1"], "--label applies to --method lemke", nil),
            (["dynamics", toy, "--max-coalition-size", "0"], "--max-coalition-size must be", nil),
            (["dynamics", toy, "--max-actors", "200"], "--max-actors must be", nil),
            (["dynamics", toy, "--delta", "0.9999999999999999"], "--delta must be", nil),
            (["dynamics", toy, "--alliance-cost", "1e308"], "--alliance-cost must be", nil),
            (["dynamics", toy, "--prize", "-1"], "--prize must be", nil),
            (["dynamics", toy, "--hazard", "nan"], "--hazard must be", nil),
            (["dynamics", toy, "--rule", "strong"], "--rule must be konishiRay, strict or weak", nil),
            (["dynamics", toy, "--selection", "first"], "--selection must be reversibleFirst or largestGain", nil),
            (["dynamics", toy, "--reneging-cost", "-1"], "--reneging-cost must be", "Missing value"),
            (["sweep", toy, "--param", "reneging=0,-0.5"], "--param reneging must be", nil),
            (["validate", "--reneging-cost", "0.1"], "--reneging-cost applies to --model dynamic", nil),
            (["validate", "--selection", "largestGain"], "--selection applies to --model dynamic", nil),
            (
                ["validate", "--model", "dynamic", "--selection", "best"],
                "--selection must be reversibleFirst or largestGain", nil
            ),
            (
                ["dynamics", toy, "--belief-points", "1001", "--max-private-types", "6"],
                "--belief-points 1001 with --max-private-types 6", nil
            ),
            (["dynamics", toy, "--kappa", "-1"], "κ is a cost: it must be ≥ 0", "Missing value"),
            (["analyze", "--kappa", "-1"], "κ is a cost: it must be ≥ 0", "Missing value"),
            (["analyze", "--epsilon", "2"], "--epsilon must be", nil),
            (["analyze", "--lambda", "-5"], "--lambda must be", nil),
            (["coalition", coalition, "--solution", ""], "--solution expects a comma-separated list", nil),
            (["coalition", coalition, "--solution", "shapley,shapley"], "twice", nil),
            (["coalition", coalition, "--alpha", "nan"], "--alpha must be", nil),
            (["coalition", coalition, "--max-players", "40"], "--max-players must be", nil),
            (["sweep", toy, "--param", "delta=,,"], "empty value", nil),
            (["sweep", toy, "--param", "delta="], "empty value", nil),
            (["sweep", toy, "--param", "delta=0.8", "--param", "delta=0.9"], "--param delta is given twice", nil),
            (["sweep", toy, "--param", "delta=0.5,0.5"], "listed twice", nil),
            (["analyze", "--without", "power,power"], "distinct factors", nil),
            (["analyze", "--without", ","], "distinct factors", nil),
            (["analyze", "--without", ""], "distinct factors", nil),
            (["hedonic", "--max-actors", "0"], "--max-actors must be ≥ 1", "playerLimit"),
            (["buck-pass", "--cost", "0.5", "--benefit", "nan"], "--benefit must be", nil),
            (["calibrate", "--fit", "1816-1870"], "--fit applies to --model game only", nil),
            (["calibrate", "--model", "game", "--grid", "lambda=-1"], "--grid", nil),
            (["sweep", toy, "--param", "delta=1.5"], "--param delta must be", nil),
            (["sweep", toy, "--param", "prior.ZZ=0.5"], "ZZ is not an actor", nil),
            (["sweep", toy, "--shard", "1//2"], "--shard must be k/N", nil),
            (["sweep", toy, "--shard", "0/2"], "--shard must be k/N", nil),
            (["sweep", toy, "--param", "delta=0.8,0.9", "--shard", "1/1000000"], "exceeds the 2 grid points", nil),
            (
                ["sweep", toy]
                    + (1...7).map { _ in "" }.enumerated().flatMap { k, _ in
                        [
                            "--param",
                            ["delta", "kappa", "lambda", "prize", "exit", "epsilon", "accuracy"][k] + "="
                                + (0..<10).map { "0.\($0 + 50)" }.joined(separator: ","),
                        ]
                    }, "more than 1000000 points", nil
            ),
            (["analyze", "--types", "GMY=sq,GMY=pa"], "--types gives actor GMY twice", nil),
            (["analyze", "--states", "GMY,FRN"], "--states applies to --nmc only", nil),
            (["analyze", toy, "--nmc", toy, "--year", "1900"], "either a scenario file or --nmc", nil),
            (
                ["analyze", "--builtin", "europe-1890", "--nmc", toy, "--year", "1900"], "either --builtin or --nmc",
                nil
            ),
            (["analyze", "--nmc", toy], "--nmc needs --year", nil),
            (["analyze", "--svg", NSTemporaryDirectory()], "--svg", nil),
            (["analyze", "--svg", "/nonexistent-directory/map.svg"], "cannot open for writing", nil),
        ]
        for c in cases {
            let r = try run(c.args)
            #expect(r.status != 0, "\(c.args) exited 0")
            #expect(r.stderr.contains(c.expect), "\(c.args): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("entente: error: "), "\(c.args): \(r.stderr)")
            if let bad = c.never { #expect(!r.stderr.contains(bad), "\(c.args): \(r.stderr)") }
        }
    }

    /// Negative numbers are read as values of options where they mean something.
    @Test
    func negativeValuesAreAcceptedAsSeparateWords() throws {
        let toy = try temporaryFile(Self.threeStates, suffix: ".json")
        let r = try run(["dynamics", toy, "--public-types", "--exit-payoff", "-0.5", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let joined = try run(["dynamics", toy, "--public-types", "--exit-payoff=-0.5", "--format", "json"])
        let zero = try run(["dynamics", toy, "--public-types", "--format", "json"])
        #expect(r.stdout == joined.stdout && zero.status == 0)
    }

    /// Output that cannot be written (standard output opened read-only) is an error, not a silent exit 0.
    @Test
    func writeFailuresGiveANonZeroExit() throws {
        for args in [["scenarios"], ["analyze", "--builtin", "europe-1890"], ["example", "--format", "json"]] {
            let p = Process()
            p.executableURL = try Self.builtBinary()
            p.arguments = args
            p.standardOutput = FileHandle(forReadingAtPath: "/dev/null")
            let err = Pipe()
            p.standardError = err
            try p.run()
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus != 0, "\(args)")
            #expect(e.contains("cannot write standard output"), "\(args): \(e)")
        }
        var isDevice = ObjCBool(false)
        if FileManager.default.fileExists(atPath: "/dev/full", isDirectory: &isDevice),
            (try? FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType)
                == .typeCharacterSpecial
        {
            let r = try run(["analyze", "--builtin", "europe-1890", "--svg", "/dev/full"])
            #expect(r.status != 0 && r.stderr.contains("--svg /dev/full"), "\(r.stderr)")
        }
        // sweep --svg wrote atomically (a rename): run as root, it replaced /dev/full by a regular file. Written in
        // place now: a symbolic link stays a link and its target gets the picture.
        let toy = try temporaryFile(Self.threeStates, suffix: ".json")
        let target = try temporaryFile("", suffix: ".svg"), link = target + ".link.svg"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try run(["sweep", toy, "--param", "delta=0.8", "--param", "kappa=0.01", "--svg", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target)
        #expect((try? String(contentsOfFile: target, encoding: .utf8))?.contains("<svg") == true)
    }

    /// The dynamic game's size limit names `--max-actors`, which `dynamics` has (not `--max-players`).
    @Test
    func dynamicsSizeErrorsNameItsOwnOptions() throws {
        let actors = (0..<8).map {
            #"{"id": "S\#($0)", "capability": \#(0.05 + 0.01 * Double($0)), "capital": {"lat": \#(40 + $0), "lng": \#(10 + $0)}}"#
        }
        let file = try temporaryFile(
            #"{"name": "eight", "actors": [\#(actors.joined(separator: ", "))]}"#, suffix: ".json")
        let r = try run(["dynamics", file])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--max-actors") && !r.stderr.contains("--max-players"), "\(r.stderr)")
        let analyze = try run(["analyze", file, "--dynamics"])
        #expect(analyze.status != 0)
        #expect(
            analyze.stderr.contains("'analyze --dynamics'") && !analyze.stderr.contains("--max-players"),
            "\(analyze.stderr)")
        let sweep = try run(["sweep", file, "--param", "delta=0.9"])
        #expect(sweep.status != 0)
        #expect(!sweep.stderr.contains("--max-players") && !sweep.stderr.contains("--max-actors"), "\(sweep.stderr)")
    }

    /// Surrogate-pair escapes (as Python's json.dumps writes emoji) are read end to end.
    @Test
    func jsonInputWithSurrogatePairsIsAccepted() throws {
        let file = try temporaryFile(#"{"players": ["\ud83d\ude00", "B"], "values": [0, 0, 0, 1]}"#, suffix: ".json")
        let r = try run(["coalition", file, "--solution", "shapley", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("😀"))
        let bad = try temporaryFile(#"{"players": ["A", "B"], "values": [0, 0, 0, +1]}"#, suffix: ".json")
        let rb = try run(["coalition", bad])
        #expect(rb.status != 0 && rb.stderr.contains("line 1, column"), "\(rb.stderr)")
    }

    /// Fractions in a JSON game reach the exact certificate as written (denominators beyond 10⁶ included).
    @Test
    func certifyUsesFractionsAsWritten() throws {
        let file = try temporaryFile(
            #"{"players": ["R", "C"], "strategies": [["U", "D"], ["L", "R"]], "payoffs": [[["1/3000007", 0], [0, "2/3000007"]], [[0, 1], [1, 0]]]}"#,
            suffix: ".json")
        let r = try run(["nash", file, "--certify", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONValue.parse(r.stdout)
        guard case .array(let eqs)? = doc["equilibria"], let e = eqs.first else {
            Issue.record("no equilibria"); return
        }
        #expect(e["exactPayoffs"] == .array([.string("2/9000021"), .string("1/2")]), "\(r.stdout)")
        let nfg = try temporaryFile(
            "NFG 1 R \"x\" { \"R\" \"C\" } { 2 2 }\n1/3000007 0 0 1 0 1 2/3000007 0\n", suffix: ".nfg")
        let g = try run(["nash", nfg, "--certify", "--format", "gambit"])
        #expect(g.stdout == "NE,1/2,1/2,2/3,1/3\n", "\(g.stdout) \(g.stderr)")
    }
}
