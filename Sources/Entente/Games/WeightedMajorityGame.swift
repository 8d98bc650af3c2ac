/// A weighted majority (voting) game `[q; w₁, …, wₙ]` with integer weights.
///
/// The quota convention is explicit: ``QuotaRule/strict`` means a coalition wins iff its weight is
/// **greater than** q (balance-of-power work: "more than half of all resources", q = W/2, so holding exactly
/// half is blocking); ``QuotaRule/weak`` means it wins iff its weight is at least q. Integer weights keep
/// ties exact — ties are where balancers live — so real capabilities must be mapped to integers with an explicit
/// scale (``init(capabilities:scale:rule:players:)``).
public struct WeightedMajorityGame: Sendable, Equatable {
    /// Strict: wins iff weight > q; weak: wins iff weight ≥ q.
    public enum QuotaRule: String, Sendable, CaseIterable { case strict, weak }

    /// Player names.
    public let players: [String]
    /// Non-negative integer weights.
    public let weights: [Int]
    /// The quota q (may be fractional).
    public let quota: Double
    /// The quota convention.
    public let rule: QuotaRule

    /// Validates weights (non-negative, total < 2⁵³) and the quota (finite, > 0).
    public init(weights: [Int], quota: Double, rule: QuotaRule = .strict, players: [String]? = nil) throws(CooperativeError) {
        guard !weights.isEmpty else { throw .noPlayers }
        if let p = weights.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(player: p) }
        guard quota.isFinite, quota > 0 else { throw .invalidQuota }
        let names = players ?? weights.indices.map { String($0 + 1) }
        guard names.count == weights.count else { throw .dimensionMismatch(expected: weights.count, actual: names.count) }
        self.weights = weights
        self.quota = quota
        self.rule = rule
        self.players = names
    }

    /// The balance-of-power game: strict majority of total resources (q = W/2).
    public init(majorityOf weights: [Int], players: [String]? = nil) throws(CooperativeError) {
        try self.init(weights: weights, quota: Double(weights.reduce(0, +)) / 2, rule: .strict, players: players)
    }

    /// Maps real capabilities to integer weights `round(capability · scale)` (default 10⁶, as in models.md) and
    /// builds the strict-majority game. Throws on negative or non-finite capabilities.
    public init(capabilities: [Double], scale: Double = 1e6, rule: QuotaRule = .strict, players: [String]? = nil) throws(CooperativeError) {
        if let k = capabilities.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        if let p = capabilities.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(player: p) }
        let w = capabilities.map { Int(($0 * scale).rounded()) }
        try self.init(weights: w, quota: Double(w.reduce(0, +)) / 2, rule: rule, players: players)
    }

    /// Number of players.
    public var playerCount: Int { weights.count }
    /// Sum of all weights.
    public var totalWeight: Int { weights.reduce(0, +) }

    /// Smallest integer weight that wins: ⌊q⌋ + 1 under the strict rule, ⌈q⌉ under the weak rule.
    public var winningThreshold: Int {
        rule == .strict ? Int(quota.rounded(.down)) + 1 : Int(quota.rounded(.up))
    }

    /// Whether a coalition of total weight `w` wins.
    @inlinable public func wins(weight w: Int) -> Bool { w >= winningThreshold }

    /// Total weight of a coalition. O(|S|).
    public func weight(of s: Coalition) -> Int { s.members.reduce(0) { $0 + weights[$1] } }

    /// Whether the coalition wins. O(|S|).
    public func isWinning(_ s: Coalition) -> Bool { wins(weight: weight(of: s)) }

    /// Blocking: neither S nor its complement wins (under the strict rule with q = W/2: S holds exactly half).
    public func isBlocking(_ s: Coalition) -> Bool {
        !isWinning(s) && !isWinning(Coalition.grand(playerCount).subtracting(s))
    }

    /// The simple game as a TU table (1 for winning coalitions). O(n 2ⁿ); n ≤ the table limit.
    public func coalitionalGame(playerLimit: Int = CoalitionalGame.defaultPlayerLimit) throws(CooperativeError) -> CoalitionalGame {
        try CoalitionalGame(players: players, playerLimit: playerLimit) { isWinning($0) ? 1 : 0 }
    }
}
