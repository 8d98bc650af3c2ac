/// JSON formats for coalitional games (docs/formats.md):
/// - TU table: `{"players": [...], "values": [2ⁿ numbers indexed by bitmask, bit i = player i]}`
/// - TU by coalition: `{"players": [...], "coalitions": {"A,B": 1.0, ...}}` (the empty coalition is 0; other
///   missing coalitions are an error unless `missingAreZero` is set)
/// - Weighted majority: `{"players": [...], "weights": [...], "quota": q, "quota_rule": "strict"|"weak"}`;
///   omit `quota` for the strict majority of the total; non-integer weights need `"scale": s` (weights become
///   round(w·s)).
public enum CoalitionJSON {
    /// A parsed coalitional game file.
    public enum Game: Sendable {
        case transferableUtility(CoalitionalGame)
        case weightedMajority(WeightedMajorityGame)
    }

    /// Parses either format; errors name the JSON path. O(file length + 2ⁿ).
    public static func parse(_ text: String, missingAreZero: Bool = false,
                             playerLimit: Int = CoalitionalGame.defaultPlayerLimit) throws -> Game {
        let root = JSONReader(try JSONValue.parse(text))
        let playersR = try root.member("players")
        let players = try playersR.strings()
        guard !players.isEmpty else { throw FileFormatError(path: playersR.path, message: "no players") }
        guard Set(players).count == players.count else { throw FileFormatError(path: playersR.path, message: "duplicate player names") }
        if let w = try root.optionalMember("weights") {
            let raw = try w.numbers()
            guard raw.count == players.count else {
                throw FileFormatError(path: w.path, message: "expected \(players.count) weights, got \(raw.count)")
            }
            if let k = raw.firstIndex(where: { $0 < 0 }) { throw FileFormatError(path: "\(w.path)[\(k)]", message: "weight must be non-negative") }
            let scale = try root.optionalMember("scale")?.number() ?? 1
            guard scale > 0 else { throw FileFormatError(path: "$.scale", message: "scale must be positive") }
            let scaled = raw.map { $0 * scale }
            if let k = scaled.firstIndex(where: { $0 != $0.rounded() }), scale == 1 {
                throw FileFormatError(path: "\(w.path)[\(k)]", message: "weights must be integers; add \"scale\" (e.g. 1000000) to map real capabilities to integers explicitly")
            }
            // Checked before converting: Int(x) traps for x ≥ 2⁶³, and sums of weights must stay exact.
            let limit = WeightedMajorityGame.maxTotalWeight
            var total = 0.0
            for (k, x) in scaled.enumerated() {
                total += x.rounded()
                guard x.isFinite, total <= Double(limit) else {
                    throw FileFormatError(path: "\(w.path)[\(k)]", message: "the (scaled) weights sum to more than \(limit) (2^53); use smaller weights or a smaller \"scale\"")
                }
            }
            let weights = scaled.map { Int($0.rounded()) }
            var rule = WeightedMajorityGame.QuotaRule.strict
            if let r = try root.optionalMember("quota_rule") {
                guard let parsed = WeightedMajorityGame.QuotaRule(rawValue: try r.string()) else {
                    throw FileFormatError(path: r.path, message: "quota_rule must be \"strict\" or \"weak\"")
                }
                rule = parsed
            }
            let quota = try root.optionalMember("quota").map { try $0.number() * scale } ?? Double(weights.reduce(0, +)) / 2
            guard quota.isFinite, quota > 0 else {
                throw FileFormatError(path: "$.quota", message: "the quota (times scale) must be finite and positive, got \(quota)")
            }
            do {
                return .weightedMajority(try WeightedMajorityGame(weights: weights, quota: quota, rule: rule, players: players))
            } catch {
                throw FileFormatError(path: "$", message: error.description)
            }
        }
        let n = players.count
        guard n <= min(playerLimit, 34) else {
            throw FileFormatError(path: playersR.path, message: CooperativeError.tooManyPlayers(n: n, limit: min(playerLimit, 34)).description)
        }
        // Lengths are checked before the 2ⁿ table is allocated (n = 30 would be 8.6 GB).
        var values: [Double]
        if let v = try root.optionalMember("values") {
            let list = try v.numbers()
            guard list.count == 1 << n else { throw FileFormatError(path: v.path, message: "expected 2^\(n) = \(1 << n) values, got \(list.count)") }
            guard list[0] == 0 else { throw FileFormatError(path: "\(v.path)[0]", message: "the empty coalition must have value 0") }
            values = list
        } else {
            let c = try root.member("coalitions")
            let keyCount = try c.keys().count
            if !missingAreZero && n > 16 && keyCount < (1 << n) - 1 {  // (small tables: the message below names the coalition)
                throw FileFormatError(path: c.path, message: "\(keyCount) coalitions given, \(n) players need all 2^\(n) − 1 = \((1 << n) - 1) non-empty ones (use --missing-zero to default missing coalitions to 0)")
            }
            values = [Double](repeating: .nan, count: 1 << n)
            values[0] = 0
            let index = Dictionary(uniqueKeysWithValues: players.enumerated().map { ($1, $0) })
            for key in try c.keys() {
                var s = Coalition.empty
                let names = key.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                for name in names {
                    guard let i = index[name] else { throw FileFormatError(path: "\(c.path).\(key)", message: "unknown player \"\(name)\"") }
                    s = s.inserting(i)
                }
                values[Int(s.mask)] = try c.member(key).number()
            }
            if let k = values.firstIndex(where: { $0.isNaN }) {
                if !missingAreZero {
                    let s = Coalition(mask: UInt64(k)).members.map { players[$0] }.joined(separator: ",")
                    throw FileFormatError(path: c.path, message: "coalition \"\(s)\" has no value (use --missing-zero to default missing coalitions to 0)")
                }
                values = values.map { $0.isNaN ? 0 : $0 }
            }
        }
        do {
            return .transferableUtility(try CoalitionalGame(players: players, values: values, playerLimit: playerLimit))
        } catch {
            throw FileFormatError(path: "$", message: error.description)
        }
    }
}

import Foundation
