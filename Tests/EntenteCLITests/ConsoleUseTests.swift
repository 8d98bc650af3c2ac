import Foundation
import Testing

/// The CLI writes and reads only through its console (`print`, `writeError`, `Console.current`), so that
/// `EntenteCommand.run` captures everything a command does and the in-process tests see what users see. A direct
/// use of the process's streams in a command would bypass the capture: this test names the file and line.
@Suite struct ConsoleUseTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/EntenteCLI")

    /// Uses of the process's streams that only `Console.swift` may make.
    static let forbidden = [
        "Swift.print(", "FileHandle.standardError", "FileHandle.standardOutput", "FileHandle.standardInput",
        "readLine(", "fflush(stdout", "fputs(", "exit(withError",
    ]

    @Test func commandsUseOnlyTheConsole() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { $0.hasSuffix(".swift") && $0 != "Console.swift" }
        #expect(files.count > 20, "no CLI sources found at \(Self.sources.path)")
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for word in Self.forbidden where line.contains(word) {
                    Issue.record("Sources/EntenteCLI/\(file):\(n + 1) uses \(word); write through the console")
                }
            }
        }
    }
}
