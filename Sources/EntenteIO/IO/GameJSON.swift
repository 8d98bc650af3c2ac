/// The JSON game format (docs/formats.md):
/// `{"title": "...", "players": [...], "strategies": [[...], ...], "payoffs": [P1, P2, ...]}` where `Pk` is a
/// nested array indexed `[s1][s2]...[sn]` (player 1's strategy outermost). Payoffs are JSON numbers or exact
/// fractions in strings (`"1/3"`), as in `.nfg` files.
public enum GameJSON {
    /// Parses the format; errors give the JSON path (e.g. `$.payoffs[1][0]`) or the line and column.
    /// - Complexity: O(file length).
    public static func parse(_ text: String) throws -> NormalFormGame {
        try parse(text, exact: false).game
    }

    /// Parses the format and also returns every payoff exactly as written (`"1/3"`, `0.1` = 1/10; same layout as
    /// ``NormalFormGame/payoffs``), for exact certification (``Certify/certify(_:in:exactPayoffs:)``).
    public static func parseExact(_ text: String) throws -> (game: NormalFormGame, exactPayoffs: [[Rational]]) {
        let r = try parse(text, exact: true)
        return (r.game, r.exact)
    }

    static func parse(_ text: String, exact: Bool) throws -> (game: NormalFormGame, exact: [[Rational]]) {
        let root = JSONReader(try JSONValue.parse(text))
        let players = try root.member("players").strings()
        guard !players.isEmpty else { throw FileFormatError(path: "$.players", message: "the game has no players") }
        let strategiesR = try root.member("strategies")
        let strategies = try strategiesR.array().map { try $0.strings() }
        guard strategies.count == players.count else {
            throw FileFormatError(
                path: strategiesR.path, message: "expected \(players.count) strategy lists, got \(strategies.count)")
        }
        for (p, s) in strategies.enumerated() where s.isEmpty {
            throw FileFormatError(path: "\(strategiesR.path)[\(p)]", message: "player \(players[p]) has no strategies")
        }
        let counts = strategies.map(\.count)
        var total = 1
        for c in counts {
            total = total.multipliedReportingOverflow(by: c).partialValue
            guard total <= NormalFormGame.defaultProfileLimit else {
                throw FileFormatError(
                    path: strategiesR.path,
                    message: "game too large: more than \(NormalFormGame.defaultProfileLimit) profiles")
            }
        }
        let payoffsR = try root.member("payoffs")
        let perPlayer = try payoffsR.array()
        guard perPlayer.count == players.count else {
            throw FileFormatError(
                path: payoffsR.path, message: "expected \(players.count) payoff arrays, got \(perPlayer.count)")
        }
        var strides = [Int](repeating: 1, count: counts.count)
        for k in 1..<max(1, counts.count) { strides[k] = strides[k - 1] * counts[k - 1] }
        var payoffs: [[Double]] = []
        var exactPayoffs: [[Rational]] = []
        for r in perPlayer {
            var u = [Double](repeating: 0, count: total)
            var e: [Rational]? = exact ? [Rational](repeating: .zero, count: total) : nil
            try fill(r, level: 0, offset: 0, counts: counts, strides: strides, into: &u, exact: &e)
            payoffs.append(u)
            if let e { exactPayoffs.append(e) }
        }
        let title = try root.optionalMember("title")?.string() ?? ""
        do {
            return (
                try NormalFormGame(title: title, players: players, strategies: strategies, payoffs: payoffs),
                exactPayoffs
            )
        } catch {
            throw FileFormatError(path: "$", message: error.description)
        }
    }

    static func fill(
        _ r: JSONReader, level: Int, offset: Int, counts: [Int], strides: [Int], into u: inout [Double],
        exact: inout [Rational]?
    ) throws {
        if level == counts.count {
            if exact != nil {
                let v = try r.exactNumeric()
                u[offset] = v.double
                exact![offset] = v.exact
            } else {
                u[offset] = try r.numeric()
            }
            return
        }
        let items = try r.array()
        guard items.count == counts[level] else {
            throw FileFormatError(
                path: r.path,
                message:
                    "expected \(counts[level]) entries (strategies of player \(level), counting from 0), got \(items.count)"
            )
        }
        for (s, item) in items.enumerated() {
            try fill(
                item, level: level + 1, offset: offset + s * strides[level], counts: counts, strides: strides, into: &u,
                exact: &exact)
        }
    }

    /// The game in the format ``parse(_:)`` reads, with the same field names (`title`, `players`, `strategies`,
    /// `payoffs`): parsing the serialized value gives back an equal game (numbers are written as shortest
    /// round-trip decimals). O(profiles · n).
    public static func encode(_ game: NormalFormGame) -> JSONValue {
        let counts = game.strategyCounts
        var strides = [Int](repeating: 1, count: counts.count)
        for k in 1..<max(1, counts.count) { strides[k] = strides[k - 1] * counts[k - 1] }
        func nested(_ u: [Double], level: Int, offset: Int) -> JSONValue {
            if level == counts.count { return .number(u[offset]) }
            return .array((0..<counts[level]).map { nested(u, level: level + 1, offset: offset + $0 * strides[level]) })
        }
        return .object([
            ("title", .string(game.title)), ("players", .strings(game.players)),
            ("strategies", .array(game.strategies.map { .strings($0) })),
            ("payoffs", .array(game.payoffs.map { nested($0, level: 0, offset: 0) })),
        ])
    }
}
