import EntenteCLI
import Foundation
import Testing

/// `EntenteCommand.run`, the in-process entry the CLI tests use: it must behave like the program.
@Suite struct InProcessRunTests {
    let cli = CommandLineTests()

    /// The file name `-` reads standard input, here supplied as text.
    @Test func standardInputIsReadForADash() throws {
        let file = try cli.temporaryFile(CommandLineTests.bos, suffix: ".nfg")
        let fromFile = try cli.run(["nash", file, "--certify", "--format", "gambit"])
        let fromStdin = try cli.run(["nash", "-", "--certify", "--format", "gambit"], stdin: CommandLineTests.bos)
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(fromStdin.stdout.split(separator: "\n").sorted() == ["NE,0,1,0,1", "NE,1,0,1,0", "NE,2/3,1/3,1/3,2/3"])
        let empty = try cli.run(["nash", "-"])
        #expect(empty.status != 0 && empty.stderr.hasPrefix("entente: error: stdin: "), "\(empty.stderr)")
    }

    /// The executable (a `@main` that calls `EntenteCommand.main`) and the in-process run give the same status,
    /// output and errors: for a result, a run-time error, a usage error and `--version`.
    @Test func theProgramAndTheInProcessRunAgree() throws {
        let game = try cli.temporaryFile(CommandLineTests.bos, suffix: ".nfg")
        let cases: [[String]] = [
            ["nash", game, "--certify", "--format", "json"], ["scenarios"], ["analyze", "--builtin", "atlantis"],
            ["nash", game, "--no-such-option"], ["--version"],
        ]
        for args in cases {
            let inside = try cli.run(args), outside = try cli.runProcess(args)
            #expect(inside.status == outside.status, "\(args)")
            #expect(inside.stdout == outside.stdout, "\(args)")
            #expect(inside.stderr == outside.stderr, "\(args)")
        }
        #expect(try cli.run(["nash", game, "--no-such-option"]).status == 64)
        #expect(try cli.run(["analyze", "--builtin", "atlantis"]).status == 1)
    }

    /// Commands running at the same time on different tasks keep their output apart.
    @Test func concurrentRunsDoNotMixTheirOutput() async throws {
        let jobs: [[String]] = [["scenarios"], ["example", "--format", "json"], ["analyze", "--builtin", "atlantis"]]
        let serial = jobs.map { EntenteCommand.run($0) }
        let parallel = await withTaskGroup(of: (Int, CommandOutput).self) { group in
            for k in 0..<12 { group.addTask { (k, EntenteCommand.run(jobs[k % jobs.count])) } }
            var results: [(Int, CommandOutput)] = []
            for await r in group { results.append(r) }
            return results
        }
        #expect(parallel.count == 12)
        for (k, r) in parallel { #expect(r == serial[k % jobs.count], "\(jobs[k % jobs.count])") }
    }
}
