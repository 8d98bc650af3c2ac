/// A parsed JSON document, with a small strict parser that reports line and column on errors and
/// typed accessors that report the JSON path (e.g. `actors[2].capability`) of a wrong value.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in document order.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Parses UTF-8 JSON text (RFC 8259). O(length). Numbers `NaN`/`Infinity` are rejected.
    public static func parse(_ text: String) throws -> JSONValue {
        var p = JSONParser(Array(text.utf8))
        p.skipWhitespace()
        let v = try p.value(depth: 0)
        p.skipWhitespace()
        if p.i < p.bytes.count { throw p.error("unexpected text after the JSON value") }
        return v
    }

    /// Value of `key` in an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let kv) = self { return kv.first { $0.0 == key }?.1 }
        return nil
    }
}

/// Typed reading of JSON values with path-qualified errors.
public struct JSONReader {
    /// The value read.
    public let value: JSONValue
    /// Its JSON path, e.g. `$.actors[2]`.
    public let path: String

    /// Wraps a value at a path (the root is `$`).
    public init(_ value: JSONValue, path: String = "$") {
        self.value = value
        self.path = path
    }

    func fail(_ message: String) -> FileFormatError { FileFormatError(path: path, message: message) }

    /// The member `key` (required).
    public func member(_ key: String) throws -> JSONReader {
        guard case .object = value else { throw fail("expected an object") }
        guard let v = value[key] else { throw FileFormatError(path: path, message: "missing required key \"\(key)\"") }
        return JSONReader(v, path: path + "." + key)
    }

    /// The member `key`, or nil if absent or null.
    public func optionalMember(_ key: String) throws -> JSONReader? {
        guard case .object = value else { throw fail("expected an object") }
        guard let v = value[key], v != .null else { return nil }
        return JSONReader(v, path: path + "." + key)
    }

    /// Keys of an object, in order.
    public func keys() throws -> [String] {
        guard case .object(let kv) = value else { throw fail("expected an object") }
        return kv.map(\.0)
    }

    /// The elements of an array, each with its path.
    public func array() throws -> [JSONReader] {
        guard case .array(let a) = value else { throw fail("expected an array") }
        return a.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    /// A string.
    public func string() throws -> String {
        guard case .string(let s) = value else { throw fail("expected a string") }
        return s
    }

    /// A finite number.
    public func number() throws -> Double {
        guard case .number(let d) = value else { throw fail("expected a number") }
        guard d.isFinite else { throw fail("number is not finite") }
        return d
    }

    /// A boolean.
    public func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail("expected true or false") }
        return b
    }

    /// An integral number.
    public func integer() throws -> Int {
        let d = try number()
        guard d == d.rounded(), abs(d) < 9e15 else { throw fail("expected an integer") }
        return Int(d)
    }

    /// An array of strings.
    public func strings() throws -> [String] { try array().map { try $0.string() } }
    /// An array of finite numbers.
    public func numbers() throws -> [Double] { try array().map { try $0.number() } }
}

struct JSONParser {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> FileFormatError {
        var line = 1, col = 1
        for b in bytes[0..<min(i, bytes.count)] { if b == 10 { line += 1; col = 1 } else { col += 1 } }
        return FileFormatError(line: line, column: col, message: message)
    }

    mutating func skipWhitespace() {
        while i < bytes.count, [32, 9, 10, 13].contains(bytes[i]) { i += 1 }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw error("nesting too deep") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let key = try string()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after key") }
                i += 1
                skipWhitespace()
                if members.contains(where: { $0.0 == key }) { throw error("duplicate key \"\(key)\"") }
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of input in object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}' in object")
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of input in array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected ',' or ']' in array")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return .number(try number())
        }
    }

    mutating func literal(_ word: String, _ v: JSONValue) throws -> JSONValue {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw error("invalid literal") }
        i += w.count
        return v
    }

    mutating func number() throws -> Double {
        let start = i
        while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
        guard i > start, let s = String(bytes: bytes[start..<i], encoding: .utf8), let d = Double(s), d.isFinite else {
            i = start
            throw error("invalid number")
        }
        return d
    }

    mutating func string() throws -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard i + 4 < bytes.count, let code = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += 4
                default: out.append(bytes[i])
                }
                i += 1
                continue
            }
            if b < 32 { throw error("control character in string") }
            out.append(b)
            i += 1
        }
        throw error("unterminated string")
    }
}

import Foundation
