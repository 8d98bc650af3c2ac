@preconcurrency import Foundation
import Synchronization

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Where a command reads standard input and writes standard output and standard error: the process's streams when
/// `entente` runs as a program, or in-memory buffers when `EntenteCommand.run(_:standardInput:)` runs a command
/// inside another program (the tests). The console of the running command is a task-local value, so commands
/// running concurrently in one process never mix their output; work handed to other threads captures the console
/// first (`Console.current` elsewhere is the process's).
final class Console: Sendable {
    /// The console of the command running on this task (the process's streams unless a caller bound another).
    @TaskLocal static var current: Console = .process

    /// The process's own standard streams.
    static let process = Console(capturing: false, input: nil)

    /// Whether output goes to buffers rather than the process's streams.
    let isCaptured: Bool
    private let input: String?
    private let output = Mutex<[UInt8]>([])
    private let errors = Mutex<[UInt8]>([])

    private init(capturing: Bool, input: String?) {
        isCaptured = capturing
        self.input = input
    }

    /// A console that keeps everything written to it, with `input` (if any) as standard input.
    static func captured(input: String?) -> Console { Console(capturing: true, input: input) }

    /// Writes `text` to standard output (buffered in the process like `Swift.print`).
    func write(_ text: String) {
        if isCaptured {
            output.withLock { $0.append(contentsOf: text.utf8) }
        } else {
            Swift.print(text, terminator: "")
        }
    }

    /// Writes `text` to standard error (unbuffered in the process).
    func writeError(_ text: String) {
        if isCaptured {
            errors.withLock { $0.append(contentsOf: text.utf8) }
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Everything on standard input, as bytes (the process's until end of file, or the text a caller supplied).
    func readInput() -> Data {
        if isCaptured { return Data((input ?? "").utf8) }
        var data = Data()
        while let line = readLine(strippingNewline: false) { data.append(contentsOf: Array(line.utf8)) }
        return data
    }

    /// Flushes standard output, throwing when it could not be written (a full disk, a closed pipe, `/dev/full`).
    func flush() throws {
        guard !isCaptured else { return }
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            throw CLIError("cannot write standard output: \(String(cString: strerror(errno)))")
        }
    }

    /// What was written to standard output and standard error (empty for the process's console).
    var captured: (standardOutput: String, standardError: String) {
        (
            output.withLock { String(decoding: $0, as: UTF8.self) },
            errors.withLock { String(decoding: $0, as: UTF8.self) }
        )
    }
}

/// `print` for the CLI: writes to the running command's standard output (`Console.current`), exactly as
/// `Swift.print` would. Every unqualified `print` in this module resolves here, so the commands' output can be
/// captured in process; `EntenteCLI.print` names it where a method called `print` hides it.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Console.current.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
