/// What one run of `entente` produced: its exit status and the text it wrote (see `EntenteCommand.run`).
public struct CommandOutput: Sendable, Equatable {
    /// The exit status: 0 on success, 1 for an error while running, 64 for a usage error (ArgumentParser's).
    public let status: Int32
    /// Everything written to standard output.
    public let standardOutput: String
    /// Everything written to standard error (one `entente: error: …` line on failure, progress lines otherwise).
    public let standardError: String

    /// An output as a run produced it.
    public init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

extension EntenteCommand {
    /// Runs `entente` with `arguments` (without the program name) inside the calling process, as the program would
    /// run: the same parsing, output and exit status, with standard input, standard output and standard error kept
    /// in memory. Commands running concurrently (one per task) do not share output.
    /// - Parameters:
    ///   - arguments: the command line after `entente`, e.g. `["nash", "game.nfg", "--format", "json"]`.
    ///   - standardInput: what the command reads for the file name `-` (empty when `nil`).
    /// - Returns: the exit status and everything written to standard output and standard error.
    public static func run(_ arguments: [String], standardInput: String? = nil) -> CommandOutput {
        let console = Console.captured(input: standardInput)
        let status = Console.$current.withValue(console) { execute(arguments) }
        let (out, err) = console.captured
        return CommandOutput(status: status, standardOutput: out, standardError: err)
    }
}
