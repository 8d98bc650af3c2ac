/// The JSON format of finite Bayesian games (docs/formats.md):
///
///     {"title": "...", "players": ["1", "2"],
///      "types": [1, 2]            (number of types per player, or lists of type names),
///      "actions": [2, 2]          (number of actions per player, or lists of action names),
///      "prior": [[p11, p12]]      (the joint prior nested by type profile, player 1's type outermost),
///      "payoffs": [P1, P2]}       (Pᵢ nested [t₁]…[tₙ][a₁]…[aₙ])
///
/// Probabilities and payoffs are JSON numbers or exact fractions in strings (`"1/3"`). A JSON game is Bayesian when
/// its root object has a `types` member.
/// - Complexity: O(file length + type profiles · action profiles · n).
public enum BayesianGameJSON {
    /// Whether `text` is a JSON object with a `types` member (the Bayesian format) — false for anything else.
    public static func isBayesian(_ text: String) -> Bool {
        guard let v = try? JSONValue.parse(text), case .object = v else { return false }
        return v["types"] != nil
    }

    /// Parses the format; errors give the JSON path of the offending value.
    public static func parse(_ text: String) throws -> BayesianGame {
        let root = JSONReader(try JSONValue.parse(text))
        let typesR = try root.member("types")
        let types = try names(typesR, what: "type")
        let n = types.count
        guard n >= 1 else { throw FileFormatError(path: typesR.path, message: "the game has no players") }
        let players: [String]
        if let p = try root.optionalMember("players") {
            players = try p.strings()
            guard players.count == n else {
                throw FileFormatError(path: p.path, message: "expected \(n) player names, got \(players.count)")
            }
        } else {
            players = (1...n).map(String.init)
        }
        let actionsR = try root.member("actions")
        let actions = try names(actionsR, what: "action")
        guard actions.count == n else {
            throw FileFormatError(
                path: actionsR.path, message: "expected \(n) entries (one per player), got \(actions.count)")
        }
        let tCounts = types.map(\.count), aCounts = actions.map(\.count)
        let tTotal = try checkedProduct(tCounts, path: typesR.path)
        let aTotal = try checkedProduct(aCounts, path: actionsR.path)
        guard tTotal.multipliedReportingOverflow(by: aTotal).partialValue <= NormalFormGame.defaultProfileLimit,
            !tTotal.multipliedReportingOverflow(by: aTotal).overflow
        else {
            throw FileFormatError(
                path: "$",
                message: "game too large: more than \(NormalFormGame.defaultProfileLimit) type and action profiles")
        }
        let priorR = try root.member("prior")
        var prior = [Double](repeating: 0, count: tTotal)
        var exactSum = Rational.zero
        try fill(priorR, counts: tCounts) { k, r in
            let v = try r.exactNumeric()
            guard !(v.exact < .zero) else { throw FileFormatError(path: r.path, message: "a probability must be ≥ 0") }
            prior[k] = v.double
            exactSum = exactSum + v.exact
        }
        guard abs(exactSum.doubleValue - 1) <= 1e-9 else {
            throw FileFormatError(path: priorR.path, message: "the prior must sum to 1, sums to \(exactSum)")
        }
        let payoffsR = try root.member("payoffs")
        let perPlayer = try payoffsR.array()
        guard perPlayer.count == n else {
            throw FileFormatError(path: payoffsR.path, message: "expected \(n) payoff arrays, got \(perPlayer.count)")
        }
        var payoffs = [[[Double]]](
            repeating: [[Double]](repeating: [Double](repeating: 0, count: aTotal), count: n), count: tTotal)
        for (p, r) in perPlayer.enumerated() {
            try fill(r, counts: tCounts + aCounts) { k, v in
                payoffs[k % tTotal][p][k / tTotal] = try v.numeric()
            }
        }
        do {
            return try BayesianGame(players: players, types: types, actions: actions, prior: prior, payoffs: payoffs)
        } catch {
            throw FileFormatError(path: "$", message: error.description)
        }
    }

    /// Counts (→ default names "1", "2", …) or name lists, one entry per player.
    static func names(_ r: JSONReader, what: String) throws -> [[String]] {
        try r.array().map { item in
            if case .number = item.value {
                let c = try item.integer()
                guard (1...1_000_000).contains(c) else {
                    throw FileFormatError(
                        path: item.path, message: "the number of \(what)s must be in 1...1000000, got \(c)")
                }
                return (1...c).map(String.init)
            }
            let list = try item.strings()
            guard !list.isEmpty else { throw FileFormatError(path: item.path, message: "a player has no \(what)s") }
            return list
        }
    }

    static func checkedProduct(_ counts: [Int], path: String) throws -> Int {
        var total = 1
        for c in counts {
            let (p, o) = total.multipliedReportingOverflow(by: c)
            guard !o, p <= NormalFormGame.defaultProfileLimit else {
                throw FileFormatError(
                    path: path, message: "game too large: more than \(NormalFormGame.defaultProfileLimit) profiles")
            }
            total = p
        }
        return total
    }

    /// Walks a nested array of shape `counts` (outermost first) and calls `leaf` with the column-major index
    /// (first level fastest) of each leaf.
    static func fill(
        _ r: JSONReader, counts: [Int], level: Int = 0, offset: Int = 0, stride: Int = 1,
        leaf: (Int, JSONReader) throws -> Void
    ) throws {
        if level == counts.count { try leaf(offset, r); return }
        let items = try r.array()
        guard items.count == counts[level] else {
            throw FileFormatError(path: r.path, message: "expected \(counts[level]) entries, got \(items.count)")
        }
        for (s, item) in items.enumerated() {
            try fill(
                item, counts: counts, level: level + 1, offset: offset + s * stride, stride: stride * counts[level],
                leaf: leaf)
        }
    }
}
