/// A mixed-strategy profile: one probability vector per player.
public struct MixedProfile: Sendable, Equatable, CustomStringConvertible {
    /// `probabilities[p][s]`: probability that player `p` plays strategy `s`.
    public var probabilities: [[Double]]

    /// Wraps probability vectors, validating that each is non-negative and sums to 1 within 1e-9.
    public init(_ probabilities: [[Double]]) throws(GameError) {
        for (p, v) in probabilities.enumerated() {
            if let k = v.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(player: p, index: k) }
            guard !v.isEmpty, v.allSatisfy({ $0 >= -1e-12 }), abs(v.reduce(0, +) - 1) <= 1e-9 else {
                throw .notAProbability(player: p)
            }
        }
        self.probabilities = probabilities
    }

    /// Internal initialiser for solver output already known to be valid.
    init(unchecked probabilities: [[Double]]) { self.probabilities = probabilities }

    /// The profile in which every player mixes uniformly.
    public static func uniform(_ game: NormalFormGame) -> MixedProfile {
        MixedProfile(unchecked: game.strategyCounts.map { [Double](repeating: 1 / Double($0), count: $0) })
    }

    /// The pure profile `profile` as a degenerate mixed profile.
    public static func pure(_ profile: [Int], in game: NormalFormGame) -> MixedProfile {
        MixedProfile(
            unchecked: game.strategyCounts.enumerated().map { p, c in
                (0..<c).map { $0 == profile[p] ? 1 : 0 }
            })
    }

    public var description: String {
        probabilities.map { "(" + $0.map { String($0) }.joined(separator: ", ") + ")" }.joined(separator: " ")
    }
}

extension NormalFormGame {
    /// Fills `values[p][s]` with player p's expected payoff from pure strategy `s` against the others'
    /// mixture (the deviation payoffs). Reuses `values`' storage: no allocation after the first call.
    ///
    /// - Complexity: O(profiles · n) in general; O(m·n) for two players.
    public func strategyValues(of profile: MixedProfile, into values: inout [[Double]]) {
        let n = playerCount
        if values.count != n || zip(values, strategyCounts).contains(where: { $0.count != $1 }) {
            values = strategyCounts.map { [Double](repeating: 0, count: $0) }
        }
        for p in 0..<n { for s in 0..<strategyCounts[p] { values[p][s] = 0 } }
        let sigma = profile.probabilities
        if n == 2 {
            let m = strategyCounts[0], k = strategyCounts[1]
            let x = sigma[0], y = sigma[1]
            payoffs[0].withUnsafeBufferPointer { a in
                payoffs[1].withUnsafeBufferPointer { b in
                    for j in 0..<k {
                        let yj = y[j]
                        var col = 0.0
                        for i in 0..<m {
                            values[0][i] += a[i + j * m] * yj
                            col += b[i + j * m] * x[i]
                        }
                        values[1][j] = col
                    }
                }
            }
            return
        }
        var idx = [Int](repeating: 0, count: n)
        var suffix = [Double](repeating: 1, count: n)
        for k in 0..<profileCount {
            // Weight for player p is Π_{q≠p} σ_q(idx_q): prefix × suffix products.
            var running = 1.0
            for q in stride(from: n - 1, through: 0, by: -1) { suffix[q] = running; running *= sigma[q][idx[q]] }
            var prefix = 1.0
            for p in 0..<n {
                let w = prefix * suffix[p]
                if w != 0 { values[p][idx[p]] += w * payoffs[p][k] }
                prefix *= sigma[p][idx[p]]
            }
            advance(&idx)
        }
    }

    /// Expected payoff of each player under `profile`. O(profiles · n).
    public func expectedPayoffs(_ profile: MixedProfile) -> [Double] {
        var v: [[Double]] = []
        strategyValues(of: profile, into: &v)
        return (0..<playerCount).map { p in zip(v[p], profile.probabilities[p]).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Regret of `profile`: the largest gain any player gets from a unilateral deviation to a pure strategy
    /// (0 exactly at a Nash equilibrium). O(profiles · n).
    public func regret(_ profile: MixedProfile) -> Double {
        var v: [[Double]] = []
        strategyValues(of: profile, into: &v)
        return regret(profile, values: v)
    }

    /// Regret from precomputed deviation payoffs (see ``strategyValues(of:into:)``). O(Σ strategies).
    /// NaN propagates: a profile with NaN probabilities or values has NaN regret (never ≤ any tolerance).
    public func regret(_ profile: MixedProfile, values: [[Double]]) -> Double {
        var worst = 0.0
        for p in 0..<playerCount {
            let expected = zip(values[p], profile.probabilities[p]).reduce(0) { $0 + $1.0 * $1.1 }
            if expected.isNaN { return .nan }
            for u in values[p] {
                let gain = u - expected
                if gain.isNaN { return .nan }
                if gain > worst { worst = gain }
            }
        }
        return worst
    }
}
