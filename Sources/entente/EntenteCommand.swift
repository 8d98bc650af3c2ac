import ArgumentParser
import Entente
import Foundation

@main
struct EntenteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Alliance formation as games: verified equilibria, power indices and coalition dynamics.",
        version: EntenteLibrary.version,
        subcommands: [Analyze.self, Dynamics.self, Sweep.self, Scenarios.self, ScenarioCommand.self, Calibrate.self, Predict.self, Validate.self, Nash.self, CoalitionCommand.self, BenchCommand.self, HedonicCommand.self, FenceSitCommand.self, BuckPassCommand.self, Example.self],
        defaultSubcommand: Analyze.self
    )

    /// Parses and runs like ArgumentParser's default, except that usage errors (unknown options, missing values,
    /// failed `validate()` range checks) are printed as one line, `entente: error: …`, like every other error, with
    /// ArgumentParser's exit code (64). Help and version requests behave as usual.
    static func main() {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithOneLine(error)
        }
        do {
            var c = command
            try c.run()
        } catch {
            exitWithOneLine(error)
        }
    }

    static func exitWithOneLine(_ error: Error) -> Never {
        let code = exitCode(for: error)
        if error is ExitCode || error is CleanExit || code == .success { exit(withError: error) }
        let text = message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        // Keep ArgumentParser's pointer to the right help page ("See 'entente nash --help' …") for usage errors.
        let hint = code.rawValue == ExitCode.validationFailure.rawValue
            ? fullMessage(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("See '") }.map { "; see " + $0.dropFirst(4).replacingOccurrences(of: " for more information.", with: "") } ?? ""
            : ""
        FileHandle.standardError.write(Data("entente: error: \(text)\(hint)\n".utf8))
        exit(withError: ExitCode(code.rawValue))
    }
}
