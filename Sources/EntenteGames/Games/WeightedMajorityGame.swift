/// A weighted majority (voting) game `[q; w₁, …, wₙ]` with integer weights.
///
/// The quota convention is explicit: ``QuotaRule/strict`` means a coalition wins iff its weight is
/// **greater than** q (balance-of-power work: "more than half of all resources", q = W/2, so holding exactly
/// half is blocking); ``QuotaRule/weak`` means it wins iff its weight is at least q. Integer weights keep
/// ties exact — ties are where balancers live — so real capabilities must be mapped to integers with an explicit
/// scale (``init(capabilities:scale:rule:players:)``). Every initialiser that takes a quota takes its rule too: there
/// is no default, because the two conventions give different indices (for [6; 4, 3, 2, 1] the Shapley–Shubik index
/// is (5, 3, 3, 1)/12 under `weak` and (7, 3, 1, 1)/12 under `strict`).
public struct WeightedMajorityGame: Sendable, Equatable {
    /// How a coalition's weight is compared with the quota.
    public enum QuotaRule: String, Sendable, CaseIterable {
        /// Wins iff weight > q: the balance-of-power convention (q = W/2, holding exactly half is blocking).
        case strict
        /// Wins iff weight ≥ q: the convention of voting bodies and voting-power tools.
        case weak
    }

    /// Player names.
    public let players: [String]
    /// Non-negative integer weights.
    public let weights: [Int]
    /// The quota q (may be fractional).
    public let quota: Double
    /// The quota convention.
    public let rule: QuotaRule

    /// Largest total weight accepted: 2⁵³, so that every coalition weight is exact as a `Double` and sums of weights
    /// cannot overflow `Int`.
    public static let maxTotalWeight = 1 << 53

    /// Validates weights (non-negative, total ≤ ``maxTotalWeight`` = 2⁵³: `.weightsTooLarge`) and the quota (finite, > 0).
    /// A quota above the total weight is kept (no coalition wins).
    public init(weights: [Int], quota: Double, rule: QuotaRule, players: [String]? = nil) throws(CooperativeError) {
        guard !weights.isEmpty else { throw .noPlayers }
        if let p = weights.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(player: p) }
        var total = 0
        for w in weights {
            let (s, o) = total.addingReportingOverflow(w)
            guard !o, s <= WeightedMajorityGame.maxTotalWeight else {
                throw .weightsTooLarge(limit: WeightedMajorityGame.maxTotalWeight)
            }
            total = s
        }
        guard quota.isFinite, quota > 0 else { throw .invalidQuota }
        let names = players ?? weights.indices.map { String($0 + 1) }
        guard names.count == weights.count else {
            throw .dimensionMismatch(expected: weights.count, actual: names.count)
        }
        self.weights = weights
        self.quota = quota
        self.rule = rule
        self.players = names
    }

    /// The balance-of-power game: a coalition wins iff it holds more than half of all weight (q = W/2, rule
    /// ``QuotaRule/strict``).
    public init(majorityOf weights: [Int], players: [String]? = nil) throws(CooperativeError) {
        // Summed as doubles: an Int sum could trap before the initialiser gets to reject weights above 2⁵³.
        try self.init(
            weights: weights, quota: weights.reduce(0.0) { $0 + Double($1) } / 2, rule: .strict, players: players)
    }

    /// Maps real capabilities to integer weights `round(capability · scale)` (default 10⁶: six significant digits,
    /// the precision of published CINC scores) and builds the game with quota W/2 under `rule` (``QuotaRule/strict``
    /// for the balance of power: more than half wins). Throws on negative or non-finite capabilities, a scale that is not finite and
    /// positive (`.invalidScale`), and `.weightsTooLarge` when the scaled total exceeds ``maxTotalWeight`` (use
    /// ``largestScale(for:fraction:)`` for capabilities in large units, e.g. raw dollars).
    public init(capabilities: [Double], scale: Double = 1e6, rule: QuotaRule, players: [String]? = nil)
        throws(CooperativeError)
    {
        if let k = capabilities.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        if let p = capabilities.firstIndex(where: { $0 < 0 }) { throw .negativeWeight(player: p) }
        guard scale.isFinite, scale > 0 else { throw .invalidScale }
        let limit = Double(WeightedMajorityGame.maxTotalWeight)
        var total = 0.0
        for c in capabilities {
            let x = (c * scale).rounded()
            guard x <= limit else { throw .weightsTooLarge(limit: WeightedMajorityGame.maxTotalWeight) }
            total += x
        }
        guard total <= limit else { throw .weightsTooLarge(limit: WeightedMajorityGame.maxTotalWeight) }
        let w = capabilities.map { Int(($0 * scale).rounded()) }  // each ≤ 2⁵³: exact and in range
        try self.init(weights: w, quota: Double(w.reduce(0, +)) / 2, rule: rule, players: players)
    }

    /// The largest scale at which `capabilities` (finite, non-negative, not all zero) map to integer weights whose
    /// total stays within `fraction` × ``maxTotalWeight``; computed without overflow even for capabilities near 1e308.
    public static func largestScale(for capabilities: [Double], fraction: Double = 0.25) -> Double {
        let top = capabilities.max() ?? 0
        guard top > 0, top.isFinite else { return 1 }
        let relative = capabilities.reduce(0) { $0 + $1 / top }  // Σ c / max ∈ [1, n]: no overflow
        return fraction * Double(maxTotalWeight) / relative / top
    }

    /// Number of players.
    public var playerCount: Int { weights.count }
    /// Sum of all weights.
    public var totalWeight: Int { weights.reduce(0, +) }

    /// Smallest integer weight that wins: ⌊q⌋ + 1 under the strict rule, ⌈q⌉ under the weak rule.
    /// A quota at or above the total weight gives `totalWeight + 1` (nothing wins); no conversion can trap.
    public var winningThreshold: Int {
        let total = totalWeight
        if quota >= Double(total) + 1 { return total + 1 }
        let t = rule == .strict ? Int(quota.rounded(.down)) + 1 : Int(quota.rounded(.up))
        return min(t, total + 1)
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
    public func coalitionalGame(playerLimit: Int = CoalitionalGame.defaultPlayerLimit) throws(CooperativeError)
        -> CoalitionalGame
    {
        try CoalitionalGame(players: players, playerLimit: playerLimit) { isWinning($0) ? 1 : 0 }
    }
}
