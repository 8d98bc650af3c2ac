/// A finite n-player game in strategic (normal) form.
///
/// Payoffs are stored as one contiguous array per player over all pure-strategy profiles, ordered
/// column-major: the first player's strategy varies fastest, as in Gambit's `.nfg` payoff lists. For two
/// players, `payoffs[0]` is therefore exactly the column-major storage of the row player's matrix `A`.
public struct NormalFormGame: Sendable, Equatable {
    /// Maximum number of pure profiles accepted by default (2²⁴ ≈ 16.8 million payoffs per player).
    public static let defaultProfileLimit = 1 << 24

    /// Title (free text, kept through `.nfg` round trips).
    public var title: String
    /// Player names.
    public let players: [String]
    /// Strategy names, per player.
    public let strategies: [[String]]
    /// `payoffs[p][k]`: payoff of player `p` at the profile with linear index `k`.
    public let payoffs: [[Double]]
    /// Number of strategies per player.
    public let strategyCounts: [Int]
    /// `strides[p]`: how far the linear index moves when player `p`'s strategy increases by one.
    public let strides: [Int]
    /// Number of pure-strategy profiles, `Π strategyCounts`.
    public let profileCount: Int

    /// Creates a game after validating dimensions and finiteness. O(n · profiles).
    public init(
        title: String = "", players: [String], strategies: [[String]], payoffs: [[Double]],
        profileLimit: Int = NormalFormGame.defaultProfileLimit
    ) throws(GameError) {
        guard !players.isEmpty, strategies.count == players.count else {
            throw players.isEmpty ? .empty : .dimensionMismatch(expected: players.count, actual: strategies.count)
        }
        guard strategies.allSatisfy({ !$0.isEmpty }) else { throw .empty }
        var count = 1
        var strides: [Int] = []
        for s in strategies {
            strides.append(count)
            let (product, overflow) = count.multipliedReportingOverflow(by: s.count)
            if overflow || product > profileLimit {
                throw .tooLarge(size: overflow ? Int.max : product, limit: profileLimit)
            }
            count = product
        }
        guard payoffs.count == players.count else {
            throw .dimensionMismatch(expected: players.count, actual: payoffs.count)
        }
        for (p, u) in payoffs.enumerated() {
            guard u.count == count else { throw .dimensionMismatch(expected: count, actual: u.count) }
            if let k = u.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(player: p, index: k) }
        }
        self.title = title
        self.players = players
        self.strategies = strategies
        self.payoffs = payoffs
        self.strategyCounts = strategies.map(\.count)
        self.strides = strides
        self.profileCount = count
    }

    /// A game with default names ("1", "2", …) from payoff arrays and strategy counts.
    public init(strategyCounts: [Int], payoffs: [[Double]], title: String = "") throws(GameError) {
        try self.init(
            title: title,
            players: (1...max(1, strategyCounts.count)).map(String.init).prefix(strategyCounts.count).map { $0 },
            strategies: strategyCounts.map { c in (0..<max(c, 0)).map { String($0 + 1) } }, payoffs: payoffs)
    }

    /// A bimatrix game: row player's payoffs `a`, column player's payoffs `b` (same shape).
    public init(
        rowPayoffs a: Matrix, columnPayoffs b: Matrix, title: String = "",
        players: [String] = ["1", "2"], rowStrategies: [String]? = nil, columnStrategies: [String]? = nil
    ) throws(GameError) {
        guard a.rows == b.rows, a.columns == b.columns else {
            throw .shapeMismatch(rows: a.rows, columns: a.columns, otherRows: b.rows, otherColumns: b.columns)
        }
        try self.init(
            title: title, players: players,
            strategies: [
                rowStrategies ?? (0..<a.rows).map { String($0 + 1) },
                columnStrategies ?? (0..<a.columns).map { String($0 + 1) },
            ],
            payoffs: [a.storage, b.storage])
    }

    /// Number of players.
    public var playerCount: Int { players.count }

    /// Linear index of a pure profile. O(n).
    @inlinable public func index(of profile: [Int]) -> Int {
        var k = 0
        for (p, s) in profile.enumerated() { k += s * strides[p] }
        return k
    }

    /// The pure profile at a linear index. O(n).
    public func profile(at index: Int) -> [Int] {
        var rest = index
        return strategyCounts.map { c in
            defer { rest /= c }; return rest % c
        }
    }

    /// Payoff of `player` at a pure `profile`. O(n).
    public func payoff(player: Int, profile: [Int]) -> Double { payoffs[player][index(of: profile)] }

    /// For two-player games: player `p`'s payoff matrix (rows: player 1's strategies). O(m·n).
    public func payoffMatrix(player p: Int) -> Matrix {
        precondition(playerCount == 2, "payoffMatrix needs a two-player game")
        return try! Matrix(rows: strategyCounts[0], columns: strategyCounts[1], columnMajor: payoffs[p])
    }

    /// Largest minus smallest payoff over all players (1 if the game is constant); scales tolerances.
    ///
    /// Always finite: when the true range exceeds `Double.greatestFiniteMagnitude` (payoffs near ±1e308) it is
    /// clamped to that value, so tolerances derived from it stay finite.
    public var payoffRange: Double {
        var lo = Double.infinity, hi = -Double.infinity
        for u in payoffs { for v in u { lo = min(lo, v); hi = max(hi, v) } }
        guard hi > lo else { return 1 }
        let half = hi * 0.5 - lo * 0.5
        return half > Double.greatestFiniteMagnitude / 2 ? Double.greatestFiniteMagnitude : half * 2
    }

    /// The largest absolute payoff (0 for an all-zero game). O(n · profiles).
    public var maxAbsolutePayoff: Double {
        var m = 0.0
        for u in payoffs { for v in u { m = max(m, abs(v)) } }
        return m
    }

    /// The binary exponent `k` with `max |payoff| · 2ᵏ ∈ [0.5, 1)` (0 for an all-zero game).
    var solvingExponent: Int {
        let m = maxAbsolutePayoff
        guard m > 0, m.isFinite else { return 0 }
        return -(Int(m.exponent) + 1)
    }

    /// The game with every payoff multiplied by 2^``solvingExponent`` (payoffs in (−1, 1)): exact, except for payoffs
    /// so far below the largest that they become subnormal. Solvers run on it and verify the profiles they find in the
    /// original game, so their internal absolute thresholds do not depend on the units. O(n · profiles).
    func scaledForSolving() -> NormalFormGame {
        let k = solvingExponent
        if k == 0 { return self }
        // The shape and finiteness were validated when `self` was built; scaling by a power of two keeps both.
        return try! NormalFormGame(
            title: title, players: players, strategies: strategies,
            payoffs: payoffs.map { $0.map { Double(sign: .plus, exponent: k, significand: $0) } },
            profileLimit: Int.max)
    }
}
