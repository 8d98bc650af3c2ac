import Foundation
import Testing
@testable import Entente

/// End-to-end checks of the `entente` executable built next to the tests (`make test` builds it first).
@Suite struct CommandLineTests {
    static let binary: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/entente")
    }()

    struct Output { let status: Int32; let stdout: String; let stderr: String }

    func run(_ arguments: [String]) throws -> Output {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ text: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "entente-cli-\(UUID().uuidString)\(suffix)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.binary.path)))
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

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.binary.path)))
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

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.binary.path)))
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
}
