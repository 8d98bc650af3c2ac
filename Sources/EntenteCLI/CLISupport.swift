import ArgumentParser
import Entente
@preconcurrency import Foundation
import Synchronization

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// Reads a file, or standard input for "-".
enum InputFile {
    static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: Console.current.readInput(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path) is not UTF-8 text") }
        return text
    }

    /// Parses a game from `.nfg` or JSON (by extension, else by the first character).
    static func game(_ path: String) throws -> NormalFormGame { try game(path, exact: false).game }

    /// The game and, with `exact`, its payoffs as written (fractions exactly) for `--certify`.
    static func game(_ path: String, exact: Bool) throws -> (game: NormalFormGame, exactPayoffs: [[Rational]]?) {
        try game(text: read(path), path: path, exact: exact)
    }

    /// Parses already-read text (`path` names the source in errors and picks the format by extension).
    static func game(text: String, path: String, exact: Bool) throws -> (
        game: NormalFormGame, exactPayoffs: [[Rational]]?
    ) {
        let trimmed = text.drop { $0.isWhitespace }
        do {
            let json = path.hasSuffix(".json") || trimmed.hasPrefix("{")
            if !exact { return (json ? try GameJSON.parse(text) : try GambitNFG.parse(text), nil) }
            let r = json ? try GameJSON.parseExact(text) : try GambitNFG.parseExact(text)
            return (r.game, r.exactPayoffs)
        } catch {
            throw CLIError("\(path == "-" ? "stdin" : path): \(error)")
        }
    }
}

/// A one-line error for the user.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs a command body, turning any error into one line on stderr and a non-zero exit. Output that could not be
/// written to standard output (a full disk, a closed pipe, `/dev/full`) is an error too.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
        try Console.current.flush()
    } catch let e as ExitCode {
        throw e
    } catch {
        let text = ErrorHints.message(for: error)
        Console.current.writeError("entente: error: " + text.replacingOccurrences(of: "\n", with: " ") + "\n")
        throw ExitCode(1)
    }
}

/// Ctrl-C and deadline handling for long runs: the library polls `shouldStop`.
enum Interrupt {
    static let flag = Atomic<Bool>(false)

    /// Installs the Ctrl-C handler (only when the command runs as the program, not inside another one).
    static func install() {
        guard !Console.current.isCaptured else { return }
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
    }

    /// A poll function that also prints progress on stderr about once a second.
    static func poller(timeout: Double?, label: String) -> () -> Bool {
        let start = Date()
        var last = start
        var polls = 0
        let console = Console.current
        return {
            polls += 1
            let now = Date()
            if now.timeIntervalSince(last) >= 1 {
                last = now
                console.writeError("\(label): \(Int(now.timeIntervalSince(start)))s elapsed, \(polls) checkpoints\n")
            }
            if let t = timeout, now.timeIntervalSince(start) > t { return true }
            return Interrupt.flag.load(ordering: .relaxed)
        }
    }
}

extension Interrupt {
    /// Progress state of a ``sharedPoller(timeout:label:)``, safe to poll from several threads at once.
    final class PollState: Sendable {
        let start = Date()
        let progress = Mutex<(last: Date, polls: Int)>((Date(), 0))
    }

    /// A `@Sendable` poll function for work that runs on several threads (the dynamic model's years): stops at the
    /// deadline or on Ctrl-C, and prints progress on stderr about once a second, like ``poller(timeout:label:)``.
    static func sharedPoller(timeout: Double?, label: String) -> @Sendable () -> Bool {
        let state = PollState()
        let console = Console.current
        return {
            let now = Date()
            let line: String? = state.progress.withLock { p in
                p.polls += 1
                guard now.timeIntervalSince(p.last) >= 1 else { return nil }
                p.last = now
                return "\(label): \(Int(now.timeIntervalSince(state.start)))s elapsed, \(p.polls) checkpoints\n"
            }
            if let line { console.writeError(line) }
            if let t = timeout, now.timeIntervalSince(state.start) > t { return true }
            return Interrupt.flag.load(ordering: .relaxed)
        }
    }
}

func writeError(_ text: String) {
    Console.current.writeError(text + "\n")
}

/// Writes a whole file, reporting failures (unwritable path, full disk) as errors naming the option. Files are opened
/// and written in place, never replaced by a rename, so a path such as /dev/full or /dev/null stays what it is.
enum OutputFile {
    /// Fails early (before long work) if `path` cannot be opened for writing; the file is not truncated.
    static func check(_ path: String, option: String) throws {
        guard let f = fopen(path, "a") else {
            throw CLIError("\(option) \(path): cannot open for writing: \(String(cString: strerror(errno)))")
        }
        fclose(f)
    }

    static func write(_ text: String, to path: String, option: String) throws {
        guard let f = fopen(path, "w") else {
            throw CLIError("\(option) \(path): cannot open for writing: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        var failure = written == bytes.count ? 0 : errno
        if fflush(f) != 0, failure == 0 { failure = errno }
        if fclose(f) != 0, failure == 0 { failure = errno }
        if failure != 0 || written != bytes.count {
            throw CLIError(
                "\(option) \(path): write failed: \(String(cString: strerror(failure == 0 ? EIO : failure)))")
        }
    }
}

/// Range checks for options, as `ValidationError`s that name the option and the accepted range.
enum Check {
    static func format(_ f: OutputFormat, _ allowed: [OutputFormat], command: String) throws {
        guard allowed.contains(f) else {
            throw ValidationError(
                "--format \(f.rawValue) is not supported by '\(command)'; use \(allowed.map(\.rawValue).joined(separator: " or "))"
            )
        }
    }

    /// A finite number in `[low, high]` (or an open end with `lowOpen`/`highOpen`).
    static func number(
        _ x: Double, _ option: String, _ low: Double, _ high: Double, lowOpen: Bool = false, highOpen: Bool = false,
        note: String = ""
    ) throws {
        let ok = x.isFinite && (lowOpen ? x > low : x >= low) && (highOpen ? x < high : x <= high)
        guard ok else {
            let range = "\(lowOpen ? "(" : "[")\(show(low)), \(show(high))\(highOpen ? ")" : "]")"
            throw ValidationError("\(option) must be a finite number in \(range)\(note), got \(show(x))")
        }
    }

    /// An optional option: nothing to check when it is absent.
    static func number(
        _ x: Double?, _ option: String, _ low: Double, _ high: Double, lowOpen: Bool = false, highOpen: Bool = false,
        note: String = ""
    ) throws {
        if let x { try number(x, option, low, high, lowOpen: lowOpen, highOpen: highOpen, note: note) }
    }

    static func integer(_ x: Int, _ option: String, _ range: ClosedRange<Int>, note: String = "") throws {
        guard range.contains(x) else {
            throw ValidationError(
                "\(option) must be an integer in \(range.lowerBound)...\(range.upperBound)\(note), got \(x)")
        }
    }

    static func show(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
