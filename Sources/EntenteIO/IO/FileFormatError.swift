/// A malformed input file: where (line and column, or a JSON path) and what is wrong.
public struct FileFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line, or 0 when the error is located by `path` instead.
    public let line: Int
    /// 1-based column, or 0.
    public let column: Int
    /// JSON path such as `payoffs[1][0]`, or empty.
    public let path: String
    /// What is wrong, in one line.
    public let message: String

    /// An error at a line and column, or at a JSON path.
    public init(line: Int = 0, column: Int = 0, path: String = "", message: String) {
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        if line > 0 { return "line \(line), column \(column): \(message)" }
        if !path.isEmpty { return "\(path): \(message)" }
        return message
    }
}
