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
    public init(title: String = "", players: [String], strategies: [[String]], payoffs: [[Double]],
                profileLimit: Int = NormalFormGame.defaultProfileLimit) throws(GameError)
    {
        guard !players.isEmpty, strategies.count == players.count else {
            throw players.isEmpty ? .empty : .dimensionMismatch(expected: players.count, actual: strategies.count)
        }
        guard strategies.allSatisfy({ !$0.isEmpty }) else { throw .empty }
        var count = 1
        var strides: [Int] = []
        for s in strategies {
            strides.append(count)
            let (product, overflow) = count.multipliedReportingOverflow(by: s.count)
            if overflow || product > profileLimit { throw .tooLarge(size: overflow ? Int.max : product, limit: profileLimit) }
            count = product
        }
        guard payoffs.count == players.count else { throw .dimensionMismatch(expected: players.count, actual: payoffs.count) }
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
        try self.init(title: title, players: (1...max(1, strategyCounts.count)).map(String.init).prefix(strategyCounts.count).map { $0 },
                      strategies: strategyCounts.map { c in (0..<max(c, 0)).map { String($0 + 1) } }, payoffs: payoffs)
    }

    /// A bimatrix game: row player's payoffs `a`, column player's payoffs `b` (same shape).
    public init(rowPayoffs a: Matrix, columnPayoffs b: Matrix, title: String = "",
                players: [String] = ["1", "2"], rowStrategies: [String]? = nil, columnStrategies: [String]? = nil) throws(GameError)
    {
        guard a.rows == b.rows, a.columns == b.columns else { throw .dimensionMismatch(expected: a.rows * a.columns, actual: b.rows * b.columns) }
        try self.init(title: title, players: players,
                      strategies: [rowStrategies ?? (0..<a.rows).map { String($0 + 1) },
                                   columnStrategies ?? (0..<a.columns).map { String($0 + 1) }],
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
        return strategyCounts.map { c in defer { rest /= c }; return rest % c }
    }

    /// Payoff of `player` at a pure `profile`. O(n).
    public func payoff(player: Int, profile: [Int]) -> Double { payoffs[player][index(of: profile)] }

    /// For two-player games: player `p`'s payoff matrix (rows: player 1's strategies). O(m·n).
    public func payoffMatrix(player p: Int) -> Matrix {
        precondition(playerCount == 2, "payoffMatrix needs a two-player game")
        return try! Matrix(rows: strategyCounts[0], columns: strategyCounts[1], columnMajor: payoffs[p])
    }

    /// Largest minus smallest payoff over all players (1 if the game is constant); scales tolerances.
    public var payoffRange: Double {
        var lo = Double.infinity, hi = -Double.infinity
        for u in payoffs { for v in u { lo = min(lo, v); hi = max(hi, v) } }
        return hi > lo ? hi - lo : 1
    }
}
