import ArgumentParser
import Entente
import Foundation

/// The `entente` command: its subcommands, and two ways to run it (as the program, or inside another program).
public struct EntenteCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Alliance formation as games: verified equilibria, power indices and coalition dynamics.",
        version: EntenteLibrary.version,
        subcommands: [
            Analyze.self, Dynamics.self, Sweep.self, Scenarios.self, ScenarioCommand.self, Calibrate.self, Predict.self,
            Validate.self, Nash.self, CoalitionCommand.self, BenchCommand.self, HedonicCommand.self,
            FenceSitCommand.self, BuckPassCommand.self, Example.self,
        ],
        defaultSubcommand: Analyze.self
    )

    public init() {}

    /// Runs `entente` as the program: parses the process's arguments, runs the command and exits with its status.
    /// Parses and runs like ArgumentParser's default, except that usage errors (unknown options, missing values,
    /// failed `validate()` range checks) are printed as one line, `entente: error: …`, like every other error, with
    /// ArgumentParser's exit code (64). Help and version requests behave as usual.
    public static func main() {
        let status = execute(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(status)
    }

    /// Parses `arguments`, runs the command on `Console.current` and returns the exit status.
    static func execute(_ arguments: [String]) -> Int32 {
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return report(error)
        }
        do {
            var c = command
            try c.run()
            return ExitCode.success.rawValue
        } catch {
            return report(error)
        }
    }

    /// Writes what `error` means for the user (help on standard output, an error as one line on standard error) and
    /// returns the exit status ArgumentParser gives it.
    static func report(_ error: Error) -> Int32 {
        let code = exitCode(for: error)
        let console = Console.current
        if error is ExitCode || error is CleanExit || code == .success {
            // As ArgumentParser's `exit(withError:)`: help and version on standard output, the rest on standard error.
            let full = fullMessage(for: error)
            if !full.isEmpty {
                if code == .success { console.write(full + "\n") } else { console.writeError(full + "\n") }
            }
            return code.rawValue
        }
        let text = message(for: error).split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }.joined(separator: " ")
        // Keep ArgumentParser's pointer to the right help page ("See 'entente nash --help' …") for usage errors.
        let hint =
            code.rawValue == ExitCode.validationFailure.rawValue
            ? fullMessage(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("See '") }.map {
                    "; see " + $0.dropFirst(4).replacingOccurrences(of: " for more information.", with: "")
                } ?? ""
            : ""
        console.writeError("entente: error: \(text)\(hint)\n")
        return code.rawValue
    }
}
