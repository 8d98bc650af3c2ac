import BigInt
import Foundation

/// JSON formats for coalitional games (docs/formats.md):
/// - TU table: `{"players": [...], "values": [2ⁿ numbers indexed by bitmask, bit i = player i]}`
/// - TU by coalition: `{"players": [...], "coalitions": {"A,B": 1.0, ...}}` (the empty coalition is 0; other
///   missing coalitions are an error unless `missingAreZero` is set)
/// - Weighted majority: `{"players": [...], "weights": [...], "quota": q, "quota_rule": "weak"|"strict"}`;
///   `quota_rule` defaults to `weak` (wins iff weight ≥ q, as voting tools read a quota); omit `quota` for the strict
///   majority of the total (more than half wins); non-integer weights need `"scale": s` (weights become
///   round(w·s)).
/// Values, weights, `quota` and `scale` may be JSON numbers or exact fractions in strings (`"1/3"`).
public enum CoalitionJSON {
    /// Largest integer weight (and total weight) accepted: 2⁵³, below which doubles count exactly.
    public static let maxWeight = 1 << 53

    /// A parsed coalitional game file.
    public typealias Game = CooperativeGame

    /// The game in the format ``parse(_:missingAreZero:playerLimit:)`` reads, with the same field names: a TU game as
    /// `players` and `values` (2ⁿ numbers by bitmask), a weighted majority game as `players`, `weights`, `quota` and
    /// an explicit `quota_rule`. Parsing the serialized value gives back an equal game. O(2ⁿ) or O(n).
    public static func encode(_ game: Game) -> JSONValue {
        switch game {
        case .transferableUtility(let g):
            return .object([("players", .strings(g.players)), ("values", .numbers(g.values))])
        case .weightedMajority(let g):
            return .object([
                ("players", .strings(g.players)), ("weights", .numbers(g.weights.map(Double.init))),
                ("quota", .number(g.quota)), ("quota_rule", .string(g.rule.rawValue)),
            ])
        }
    }

    /// Parses either format; errors name the JSON path. O(file length + 2ⁿ).
    public static func parse(
        _ text: String, missingAreZero: Bool = false,
        playerLimit: Int = CoalitionalGame.defaultPlayerLimit
    ) throws -> Game {
        let root = JSONReader(try JSONValue.parse(text))
        let playersR = try root.member("players")
        let players = try playersR.strings()
        guard !players.isEmpty else { throw FileFormatError(path: playersR.path, message: "no players") }
        guard Set(players).count == players.count else {
            throw FileFormatError(path: playersR.path, message: "duplicate player names")
        }
        // Exactly one description of the game: a file with two would be read one way silently.
        let kinds = try ["weights", "values", "coalitions"].filter { try root.optionalMember($0) != nil }
        guard kinds.count == 1 else {
            throw FileFormatError(
                path: "$",
                message: kinds.isEmpty
                    ? "expected one of \"weights\", \"values\" or \"coalitions\""
                    : "give only one of \"weights\", \"values\" and \"coalitions\", not \(kinds.joined(separator: " and "))"
            )
        }
        if let w = try root.optionalMember("weights") {
            let raw = try w.array().map { try $0.exactNumeric() }
            guard raw.count == players.count else {
                throw FileFormatError(path: w.path, message: "expected \(players.count) weights, got \(raw.count)")
            }
            if let k = raw.firstIndex(where: { $0.double < 0 }) {
                throw FileFormatError(path: "\(w.path)[\(k)]", message: "weight must be non-negative")
            }
            let scaleR = try root.optionalMember("scale")
            let scale: (double: Double, exact: Rational) = try scaleR?.exactNumeric() ?? (1, Rational.one)
            guard scale.double > 0 else { throw FileFormatError(path: "$.scale", message: "scale must be positive") }
            // Exact products: "1/3" with scale 3 is the integer 1; real capabilities are rounded only with a scale.
            var weights: [Int] = []
            var total = 0
            for (k, x) in raw.enumerated() {
                let v = x.exact * scale.exact
                if v.denominator != 1 && scale.exact == .one {
                    throw FileFormatError(
                        path: "\(w.path)[\(k)]",
                        message:
                            "weights must be integers; add \"scale\" (e.g. 1000000) to map real capabilities to integers explicitly"
                    )
                }
                let rounded = (2 * v.numerator + v.denominator) / (2 * v.denominator)  // round half up (v ≥ 0)
                guard let i = Int(exactly: rounded), i <= maxWeight else {
                    throw FileFormatError(
                        path: "\(w.path)[\(k)]",
                        message: "weight × scale must be at most 2^53 = \(maxWeight); use a smaller \"scale\"")
                }
                total += i
                guard total <= maxWeight else {
                    throw FileFormatError(
                        path: w.path,
                        message: "total weight × scale must be at most 2^53 = \(maxWeight); use a smaller \"scale\"")
                }
                weights.append(i)
            }
            let quotaMember = try root.optionalMember("quota")
            // A quota given without a rule is read as voting tools read it (weak: at least q); without a quota the
            // game is the strict majority of the total weight.
            var rule: WeightedMajorityGame.QuotaRule = quotaMember == nil ? .strict : .weak
            if let r = try root.optionalMember("quota_rule") {
                guard let parsed = WeightedMajorityGame.QuotaRule(rawValue: try r.string()) else {
                    throw FileFormatError(path: r.path, message: "quota_rule must be \"strict\" or \"weak\"")
                }
                rule = parsed
            }
            var quota = Double(total) / 2
            if let q = quotaMember {
                let v = try q.exactNumeric().exact * scale.exact
                quota = v.doubleValue
                guard quota >= 0, quota <= Double(maxWeight) else {
                    throw FileFormatError(path: q.path, message: "quota × scale must be in [0, 2^53]")
                }
            }
            do {
                return .weightedMajority(
                    try WeightedMajorityGame(weights: weights, quota: quota, rule: rule, players: players))
            } catch {
                throw FileFormatError(path: "$", message: error.description)
            }
        }
        let n = players.count
        let limit = min(playerLimit, 34)
        guard n <= limit else {
            throw FileFormatError(
                path: playersR.path, message: CooperativeError.tooManyPlayers(n: n, limit: limit).description)
        }
        var values: [Double]
        if let v = try root.optionalMember("values") {
            // Read (and count) the list before allocating anything of size 2ⁿ.
            guard case .array(let items) = v.value else {
                throw FileFormatError(path: v.path, message: "expected an array")
            }
            guard items.count == 1 << n else {
                throw FileFormatError(path: v.path, message: "expected 2^\(n) = \(1 << n) values, got \(items.count)")
            }
            values = try v.numerics()
            guard values[0] == 0 else {
                throw FileFormatError(path: "\(v.path)[0]", message: "the empty coalition must have value 0")
            }
        } else {
            let c = try root.member("coalitions")
            let index = Dictionary(uniqueKeysWithValues: players.enumerated().map { ($1, $0) })
            var given: [(UInt64, Double)] = []
            var masks = Set<UInt64>()
            // Walk the members in order (a lookup per key would be quadratic in the number of coalitions).
            guard case .object(let members) = c.value else {
                throw FileFormatError(path: c.path, message: "expected an object")
            }
            for (key, raw) in members {
                var s = Coalition.empty
                let names = key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                    !$0.isEmpty
                }
                for name in names {
                    guard let i = index[name] else {
                        throw FileFormatError(path: "\(c.path).\(key)", message: "unknown player \"\(name)\"")
                    }
                    s = s.inserting(i)
                }
                guard masks.insert(s.mask).inserted else {
                    throw FileFormatError(
                        path: "\(c.path).\(key)", message: "this coalition is given twice (under another spelling)")
                }
                let value = try JSONReader(raw, path: "\(c.path).\(key)").numeric()
                if s.mask == 0 && value != 0 {
                    throw FileFormatError(path: "\(c.path).\(key)", message: "the empty coalition must have value 0")
                }
                given.append((s.mask, value))
            }
            if !missingAreZero {
                // Find a missing coalition without allocating 2ⁿ entries first.
                if let missing = (1..<(UInt64(1) << n)).first(where: { !masks.contains($0) }) {
                    let s = Coalition(mask: missing).members.map { players[$0] }.joined(separator: ",")
                    throw FileFormatError(
                        path: c.path,
                        message:
                            "coalition \"\(s)\" has no value (missing coalitions default to 0 only when asked: missingAreZero)"
                    )
                }
            }
            values = [Double](repeating: 0, count: 1 << n)
            for (mask, value) in given { values[Int(mask)] = value }
        }
        do {
            return .transferableUtility(try CoalitionalGame(players: players, values: values, playerLimit: playerLimit))
        } catch {
            throw FileFormatError(path: "$", message: error.description)
        }
    }
}
