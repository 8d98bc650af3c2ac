import Foundation

/// Reading and writing Gambit's strategic-form `.nfg` files (format version 1, both the payoff version
/// and the outcome version), as documented in the Gambit manual ("The strategic game (.nfg) file format").
///
/// Payoffs are listed profile by profile with the first player's strategy varying fastest, the same
/// order as ``NormalFormGame`` storage. Numbers may be integers, decimals, exponents or fractions `p/q`.
/// - Complexity: O(file length).
public enum GambitNFG {
    /// Parses `.nfg` text. Errors carry the line and column.
    public static func parse(_ text: String) throws -> NormalFormGame {
        try parse(text, exact: false).game
    }

    /// Parses `.nfg` text and also returns every payoff exactly as written (`1/3`, `0.1` = 1/10, `2e-3` = 1/500;
    /// same layout as ``NormalFormGame/payoffs``), for exact certification (``Certify/certify(_:in:exactPayoffs:)``).
    public static func parseExact(_ text: String) throws -> (game: NormalFormGame, exactPayoffs: [[Rational]]) {
        let r = try parse(text, exact: true)
        return (r.game, r.exact)
    }

    static func parse(_ text: String, exact: Bool) throws -> (game: NormalFormGame, exact: [[Rational]]) {
        var lexer = NFGLexer(text)
        try lexer.expectWord("NFG")
        let version = try lexer.number()
        guard version == 1 else { throw lexer.error("unsupported NFG version \(version)") }
        let field = try lexer.word()
        guard field == "R" || field == "D" else { throw lexer.error("expected R or D after the version") }
        let title = try lexer.string()
        try lexer.expect("{")
        var players: [String] = []
        while try lexer.peek() != .close { players.append(try lexer.string()) }
        try lexer.expect("}")
        guard !players.isEmpty else { throw lexer.error("the game has no players") }
        try lexer.expect("{")
        var strategies: [[String]] = []
        if try lexer.peek() == .open {
            for _ in players {
                try lexer.expect("{")
                var names: [String] = []
                while try lexer.peek() != .close { names.append(try lexer.string()) }
                try lexer.expect("}")
                strategies.append(names)
            }
        } else {
            for _ in players {
                let c = try lexer.number()
                guard c >= 1, c == c.rounded(), c < 1e6 else {
                    throw lexer.error("strategy count must be a positive integer")
                }
                strategies.append((1...Int(c)).map(String.init))
            }
        }
        try lexer.expect("}")
        if try lexer.peek() == .string { _ = try lexer.string() }  // optional comment
        let n = players.count
        var total = 1
        for s in strategies {
            total = total.multipliedReportingOverflow(by: s.count).partialValue
            guard total <= NormalFormGame.defaultProfileLimit else {
                throw lexer.error("game too large: more than \(NormalFormGame.defaultProfileLimit) strategy profiles")
            }
        }
        // Every profile needs at least one number (an outcome index, or its payoffs), each at least one character and a
        // separator: refuse before allocating tables the file cannot fill (found by libFuzzer: a 60-byte file declaring
        // 584 584 × 20 strategies asked for gigabytes of exact payoffs).
        guard total <= (text.utf8.count + 1) / 2 else {
            throw lexer.error(
                "the file is too short for its \(total) strategy profiles (at least one number per profile)")
        }
        var payoffs = [[Double]](repeating: [Double](repeating: 0, count: total), count: n)
        var exactPayoffs = exact ? [[Rational]](repeating: [Rational](repeating: .zero, count: total), count: n) : []
        if try lexer.peek() == .open {
            // Outcome version: { { "name" u1, u2, ... } ... } then one outcome index per profile.
            try lexer.expect("{")
            var outcomes: [[Double]] = []
            var exactOutcomes: [[Rational]] = []
            while try lexer.peek() == .open {
                try lexer.expect("{")
                _ = try lexer.string()
                var values: [Double] = []
                var exactValues: [Rational] = []
                for _ in 0..<n {
                    let v = try lexer.exactNumber(exact)
                    values.append(v.0)
                    if let e = v.1 { exactValues.append(e) }
                }
                try lexer.expect("}")
                outcomes.append(values)
                exactOutcomes.append(exactValues)
            }
            try lexer.expect("}")
            for k in 0..<total {
                let o = try lexer.number()
                guard o == o.rounded(), o >= 0, o <= Double(outcomes.count) else {
                    throw lexer.error("outcome index \(o) out of range 0...\(outcomes.count)")
                }
                if o > 0 {
                    for p in 0..<n {
                        payoffs[p][k] = outcomes[Int(o) - 1][p]
                        if exact { exactPayoffs[p][k] = exactOutcomes[Int(o) - 1][p] }
                    }
                }
            }
        } else {
            for k in 0..<total {
                for p in 0..<n {
                    let v = try lexer.exactNumber(exact)
                    payoffs[p][k] = v.0
                    if let e = v.1 { exactPayoffs[p][k] = e }
                }
            }
        }
        if try lexer.peek() != .end { throw lexer.error("unexpected data after the payoffs") }
        do {
            return (
                try NormalFormGame(title: title, players: players, strategies: strategies, payoffs: payoffs),
                exactPayoffs
            )
        } catch {
            throw FileFormatError(message: error.description)
        }
    }

    /// Writes the payoff version of the format, with player and strategy names. Numbers are written with
    /// full precision (integers without a decimal point). O(profiles · n).
    public static func write(_ game: NormalFormGame) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = "NFG 1 R \(q(game.title)) { " + game.players.map(q).joined(separator: " ") + " }\n"
        out +=
            "{ " + game.strategies.map { "{ " + $0.map(q).joined(separator: " ") + " }" }.joined(separator: "\n  ")
            + "\n}\n\"\"\n\n"
        var numbers: [String] = []
        for k in 0..<game.profileCount {
            for p in 0..<game.playerCount { numbers.append(formatNumber(game.payoffs[p][k])) }
        }
        out += numbers.joined(separator: " ") + "\n"
        return out
    }

    static func formatNumber(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

struct NFGLexer {
    enum Token: Equatable { case open, close, string, number, word, comma, end }
    let chars: [Character]
    var i = 0

    init(_ text: String) { chars = Array(text) }

    func error(_ message: String) -> FileFormatError {
        var line = 1, col = 1
        for c in chars[0..<min(i, chars.count)] { if c == "\n" { line += 1; col = 1 } else { col += 1 } }
        return FileFormatError(line: line, column: col, message: message)
    }

    mutating func skip() {
        while i < chars.count, chars[i].isWhitespace || chars[i] == "," { i += 1 }
    }

    mutating func peek() throws -> Token {
        skip()
        guard i < chars.count else { return .end }
        switch chars[i] {
        case "{": return .open
        case "}": return .close
        case "\"": return .string
        case "0"..."9", "-", "+", ".": return .number
        default: return .word
        }
    }

    mutating func expect(_ brace: Character) throws {
        skip()
        guard i < chars.count, chars[i] == brace else { throw error("expected '\(brace)'") }
        i += 1
    }

    mutating func expectWord(_ w: String) throws {
        guard try word() == w else { throw error("expected '\(w)' (is this a Gambit .nfg file?)") }
    }

    mutating func word() throws -> String {
        skip()
        let start = i
        while i < chars.count, !chars[i].isWhitespace, chars[i] != "{", chars[i] != "}", chars[i] != "\"" { i += 1 }
        guard i > start else { throw error("expected a word") }
        return String(chars[start..<i])
    }

    mutating func string() throws -> String {
        skip()
        guard i < chars.count, chars[i] == "\"" else { throw error("expected a quoted string") }
        i += 1
        var s = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count { s.append(chars[i + 1]); i += 2; continue }
            if c == "\"" { i += 1; return s }
            s.append(c)
            i += 1
        }
        throw error("unterminated string")
    }

    /// A number and, if `exact`, the rational it denotes as written (decimals and fractions exactly; exponent
    /// forms through ``Rational/init(_:maxDenominator:)``).
    mutating func exactNumber(_ exact: Bool) throws -> (Double, Rational?) {
        skip()
        let start = i
        let d = try number()
        guard exact else { return (d, nil) }
        let text = String(chars[start..<i])
        return (d, JSONReader.rational(text.hasPrefix("+") ? String(text.dropFirst()) : text) ?? Rational(d))
    }

    /// A number: integer, decimal, exponent or fraction p/q.
    mutating func number() throws -> Double {
        skip()
        let start = i
        while i < chars.count, !chars[i].isWhitespace, chars[i] != "{", chars[i] != "}", chars[i] != "," { i += 1 }
        let text = String(chars[start..<i])
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let p = Double(parts[0]), let q = Double(parts[1]), q != 0, p.isFinite, q.isFinite {
            return p / q
        }
        guard parts.count == 1, let d = Double(text), d.isFinite else {
            i = start
            throw error(text.isEmpty ? "expected a number" : "invalid number '\(text)'")
        }
        return d
    }
}
