import ArgumentParser
import Entente
import Foundation
import Synchronization

/// Reads a file, or standard input for "-".
enum InputFile {
    static func read(_ path: String) throws -> String {
        if path == "-" {
            var data = Data()
            while let line = readLine(strippingNewline: false) { data.append(contentsOf: Array(line.utf8)) }
            return String(decoding: data, as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path) is not UTF-8 text") }
        return text
    }

    /// Parses a game from `.nfg` or JSON (by extension, else by the first character).
    static func game(_ path: String) throws -> NormalFormGame {
        let text = try read(path)
        let trimmed = text.drop { $0.isWhitespace }
        do {
            if path.hasSuffix(".json") || trimmed.hasPrefix("{") { return try GameJSON.parse(text) }
            return try GambitNFG.parse(text)
        } catch let e as FileFormatError {
            throw CLIError("\(path == "-" ? "stdin" : path): \(e)")
        }
    }
}

/// A one-line error for the user.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs a command body, turning any error into one line on stderr and a non-zero exit.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch {
        let text = "\(error)"
        FileHandle.standardError.write(Data(("entente: error: " + text.replacingOccurrences(of: "\n", with: " ") + "\n").utf8))
        throw ExitCode(1)
    }
}

/// Ctrl-C and deadline handling for long runs: the library polls `shouldStop`.
enum Interrupt {
    static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
    }

    /// A poll function that also prints progress on stderr about once a second.
    static func poller(timeout: Double?, label: String) -> () -> Bool {
        let start = Date()
        var last = start
        var polls = 0
        return {
            polls += 1
            let now = Date()
            if now.timeIntervalSince(last) >= 1 {
                last = now
                FileHandle.standardError.write(Data("\(label): \(Int(now.timeIntervalSince(start)))s elapsed, \(polls) checkpoints\n".utf8))
            }
            if let t = timeout, now.timeIntervalSince(start) > t { return true }
            return Interrupt.flag.load(ordering: .relaxed)
        }
    }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
