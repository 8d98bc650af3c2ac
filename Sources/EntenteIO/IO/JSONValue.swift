import BigInt

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
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Deepest nesting of arrays and objects accepted (deeper documents are rejected, not a stack overflow).
    public static let maximumDepth = 256

    /// Parses JSON text strictly by RFC 8259: numbers `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?` only (no `+1`, `.5`,
    /// `01`, `1.`, `NaN`, `Infinity`; magnitudes beyond the largest double are rejected), escapes
    /// `\" \\ \/ \b \f \n \r \t \uXXXX` with UTF-16 surrogate pairs combined and lone surrogates rejected, no raw
    /// control characters in strings, no duplicate keys, no trailing text, at most ``maximumDepth`` levels of
    /// nesting. A leading byte-order mark is skipped. Errors give the line and column. O(length).
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(utf8: Array(text.utf8))
    }

    /// Parses UTF-8 bytes (see ``parse(_:)``); invalid UTF-8 is rejected with its position.
    public static func parse(utf8 bytes: [UInt8]) throws -> JSONValue {
        var p = JSONParser(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            p.i = bad
            throw p.error("invalid UTF-8")
        }
        p.skipWhitespace()
        let v = try p.value(depth: 0)
        p.skipWhitespace()
        if p.i < p.bytes.count {
            throw p.error("unexpected text after the JSON value: \(JSONParser.describe(p.bytes[p.i]))")
        }
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

    /// A finite number written either as a JSON number or as an exact decimal or fraction in a string:
    /// `"1/3"`, `"-2/7"`, `"5"`, `"0.125"` (at most 400 characters). The double is the nearest to the exact value.
    public func numeric() throws -> Double { try exactNumeric().double }

    /// Like ``numeric()``, also returning the exact value: the fraction as written for strings, and for JSON
    /// numbers the simplest fraction that rounds to the same double (``Rational/init(_:maxDenominator:)``).
    public func exactNumeric() throws -> (double: Double, exact: Rational) {
        switch value {
        case .number:
            let d = try number()
            return (d, Rational(d)!)
        case .string(let s):
            guard let r = JSONReader.rational(s) else {
                throw fail("expected a number or an exact fraction such as \"1/3\", got \"\(s.prefix(40))\"")
            }
            let d = r.doubleValue
            guard d.isFinite else { throw fail("\"\(s.prefix(40))\" is too large for a double") }
            return (d, r)
        default:
            throw fail("expected a number or an exact fraction such as \"1/3\"")
        }
    }

    /// An array of numbers or fraction strings (see ``numeric()``).
    public func numerics() throws -> [Double] { try array().map { try $0.numeric() } }

    /// Parses `-?D(.D)?(/D)?` (D = decimal digits) exactly; nil for anything else, a zero denominator or more
    /// than 400 characters.
    public static func rational(_ text: String) -> Rational? {
        let t = Array(text.utf8)
        guard !t.isEmpty, t.count <= 400 else { return nil }
        func decimal(_ part: ArraySlice<UInt8>) -> Rational? {
            var part = part
            var negative = false
            if part.first == UInt8(ascii: "-") { negative = true; part = part.dropFirst() }
            let pieces = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(JSONParser.isDigit) }) else {
                return nil
            }
            guard let whole = BigInt(String(decoding: pieces[0], as: UTF8.self)) else { return nil }
            var r = Rational(whole)
            if pieces.count == 2, let frac = BigInt(String(decoding: pieces[1], as: UTF8.self)) {
                r = r + Rational(frac, BigInt(10).power(pieces[1].count))
            }
            return negative ? -r : r
        }
        let sides = t.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard sides.count <= 2, let p = decimal(sides[0]) else { return nil }
        if sides.count == 1 { return p }
        guard sides[1].first != UInt8(ascii: "-"), let q = decimal(sides[1]), !q.isZero else { return nil }
        return p / q
    }

    /// An array of strings.
    public func strings() throws -> [String] { try array().map { try $0.string() } }
    /// An array of finite numbers.
    public func numbers() throws -> [Double] { try array().map { try $0.number() } }
}

/// Strict RFC 8259 parser over UTF-8 bytes: recursive descent with a depth limit
/// (``JSONValue/maximumDepth``); errors carry the 1-based line and column (in characters).
struct JSONParser {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> FileFormatError {
        var line = 1, col = 1
        for b in bytes[0..<min(i, bytes.count)] {
            if b == 10 { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return FileFormatError(line: line, column: col, message: message)
    }

    static func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < JSONValue.maximumDepth else {
            throw error("nesting deeper than \(JSONValue.maximumDepth) arrays/objects")
        }
        guard i < bytes.count else { throw error("unexpected end of input: expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            var seen = Set<String>()
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error(
                        i < bytes.count
                            ? "expected a string key, got \(Self.describe(bytes[i]))"
                            : "unexpected end of input in object")
                }
                let keyStart = i
                let key = try string()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after key") }
                i += 1
                skipWhitespace()
                guard seen.insert(key).inserted else {
                    i = keyStart
                    throw error("duplicate key \"\(key)\"")
                }
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of input in object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected ',' or '}' in object, got \(Self.describe(bytes[i]))")
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
                throw error("expected ',' or ']' in array, got \(Self.describe(bytes[i]))")
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        case UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "i"):
            throw error("invalid number: JSON has no NaN, Infinity, leading '+' or leading '.'")
        default:
            throw error("expected a value, got \(Self.describe(bytes[i]))")
        }
    }

    mutating func literal(_ word: StaticString, _ v: JSONValue) throws -> JSONValue {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard i + n <= bytes.count, bytes[i..<(i + n)].elementsEqual(w) else {
            throw error("invalid literal (expected true, false or null)")
        }
        i += n
        return v
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` — no `+`, no leading zeros, no bare `.5` or `1.`.
    mutating func number() throws -> Double {
        let start = i
        func fail(_ what: String) -> FileFormatError {
            var p = self
            p.i = start
            return p.error(what)
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, Self.isDigit(bytes[i]) else { throw fail("invalid number: expected a digit after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, Self.isDigit(bytes[i]) { throw fail("invalid number: leading zeros are not allowed") }
        } else {
            while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, Self.isDigit(bytes[i]) else {
                throw fail("invalid number: expected a digit after '.'")
            }
            while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, Self.isDigit(bytes[i]) else {
                throw fail("invalid number: expected a digit in the exponent")
            }
            while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text) else { throw fail("invalid number '\(text.prefix(40))'") }
        guard d.isFinite else { throw fail("number \(text.prefix(40)) is too large for a double") }
        return d
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 < bytes.count else { throw error("invalid \\u escape: expected four hex digits") }
        var v: UInt32 = 0
        for k in 1...4 {
            let b = bytes[i + k]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw error("invalid \\u escape: expected four hex digits")
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
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
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(bytes[i])
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    let escape = i - 1
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00 {
                        // A high surrogate must be followed by an escaped low surrogate.
                        guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u")
                        else {
                            i = escape
                            throw error("lone high surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else {
                            i = escape
                            throw error("high surrogate not followed by a low surrogate")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if code >= 0xDC00 && code < 0xE000 {
                        i = escape
                        throw error("lone low surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { i = escape; throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    i -= 1
                    throw error("invalid escape \\\(String(decoding: [bytes[i + 1]], as: UTF8.self))")
                }
                i += 1
                continue
            }
            if b < 0x20 { throw error("unescaped control character \(Self.describe(b)) in string") }
            out.append(b)
            i += 1
        }
        throw error("unterminated string")
    }
}

extension JSONParser {
    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b < 0x80 { k += 1; continue }
            let n: Int, lo: UInt8, hi: UInt8
            switch b {
            case 0xC2...0xDF: n = 1; lo = 0x80; hi = 0xBF
            case 0xE0: n = 2; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: n = 2; lo = 0x80; hi = 0xBF
            case 0xED: n = 2; lo = 0x80; hi = 0x9F
            case 0xF0: n = 3; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: n = 3; lo = 0x80; hi = 0xBF
            case 0xF4: n = 3; lo = 0x80; hi = 0x8F
            default: return k
            }
            guard k + n < bytes.count else { return k }
            if bytes[k + 1] < lo || bytes[k + 1] > hi { return k }
            for j in 2..<(n + 1) where bytes[k + j] & 0xC0 != 0x80 { return k }
            k += n + 1
        }
        return nil
    }
}
