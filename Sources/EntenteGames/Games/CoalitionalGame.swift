/// A transferable-utility (TU) coalitional game `v : 2^N → ℝ` with `v(∅) = 0`.
///
/// Stored as a dense table of 2ⁿ values indexed by bitmask (bit i = player i). Memory is 8·2ⁿ bytes, so the
/// default limit is n ≤ ``defaultPlayerLimit`` (2²⁵ values = 256 MiB); pass a larger `playerLimit` explicitly
/// if memory allows (at most 34).
public struct CoalitionalGame: Sendable, Equatable {
    /// Default maximum number of players for a dense table.
    public static let defaultPlayerLimit = 25
    /// Largest accepted |v(S)|: 10²⁹⁰, so that differences of values (marginal contributions, excesses) and sums of up
    /// to 2³⁴ of them stay finite in every solution concept; beyond it the initialiser throws `valueTooLarge`.
    public static let maxValueMagnitude = 1e290

    /// Player names.
    public let players: [String]
    /// `values[S.mask] = v(S)`.
    public let values: [Double]

    /// Number of players.
    public var playerCount: Int { players.count }
    /// The grand coalition.
    public var grand: Coalition { .grand(playerCount) }

    /// Wraps a table of 2ⁿ values. Throws on a wrong length, non-finite values or values above
    /// `maxValueMagnitude` in absolute value, `v(∅) ≠ 0` or n above the limit.
    public init(players: [String], values: [Double], playerLimit: Int = defaultPlayerLimit) throws(CooperativeError) {
        let n = players.count
        guard n >= 1 else { throw .noPlayers }
        guard n <= min(playerLimit, 34) else { throw .tooManyPlayers(n: n, limit: min(playerLimit, 34)) }
        guard values.count == 1 << n else { throw .dimensionMismatch(expected: 1 << n, actual: values.count) }
        if let k = values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(index: k) }
        if let k = values.firstIndex(where: { abs($0) > CoalitionalGame.maxValueMagnitude }) {
            throw .valueTooLarge(index: k, limit: CoalitionalGame.maxValueMagnitude)
        }
        guard values[0] == 0 else { throw .emptyCoalitionValue }
        self.players = players
        self.values = values
    }

    /// Tabulates a characteristic function given as a closure. O(2ⁿ) calls.
    public init(players: [String], playerLimit: Int = defaultPlayerLimit, value: (Coalition) -> Double)
        throws(CooperativeError)
    {
        let n = players.count
        guard n >= 1 else { throw .noPlayers }
        guard n <= min(playerLimit, 34) else { throw .tooManyPlayers(n: n, limit: min(playerLimit, 34)) }
        var v = [Double](repeating: 0, count: 1 << n)
        for m in 1..<(1 << n) { v[m] = value(Coalition(mask: UInt64(m))) }
        try self.init(players: players, values: v, playerLimit: playerLimit)
    }

    /// `v(S)`. O(1).
    @inlinable public subscript(_ s: Coalition) -> Double { values[Int(s.mask)] }

    /// `v(S ∪ T) ≥ v(S) + v(T)` for all disjoint S, T (within `tolerance`). O(3ⁿ).
    public func isSuperadditive(tolerance: Double = 1e-12) -> Bool {
        let n = playerCount
        for m in 1..<(1 << n) {
            let s = Coalition(mask: UInt64(m))
            for t in s.subsets where !t.isEmpty && t != s {
                let u = s.subtracting(t)
                if t.mask > u.mask { continue }
                if self[s] < self[t] + self[u] - tolerance { return false }
            }
        }
        return true
    }

    /// Convex (supermodular): `v(S ∪ {i}) − v(S)` non-decreasing in S. Checked on all S, i, j. O(n² 2ⁿ).
    public func isConvex(tolerance: Double = 1e-12) -> Bool {
        let n = playerCount
        for m in 0..<(1 << n) {
            let s = Coalition(mask: UInt64(m))
            for i in 0..<n where !s.contains(i) {
                for j in (i + 1)..<max(i + 1, n) where !s.contains(j) {
                    let lhs = self[s.inserting(i).inserting(j)] - self[s.inserting(j)]
                    if lhs < self[s.inserting(i)] - self[s] - tolerance { return false }
                }
            }
        }
        return true
    }

    /// Monotone: `S ⊆ T ⇒ v(S) ≤ v(T)` (checked on single-player additions). O(n 2ⁿ).
    public func isMonotone(tolerance: Double = 1e-12) -> Bool {
        for m in 0..<(1 << playerCount) {
            let s = Coalition(mask: UInt64(m))
            for i in 0..<playerCount where !s.contains(i) && self[s.inserting(i)] < self[s] - tolerance { return false }
        }
        return true
    }

    /// Simple: every value is 0 or 1, `v(N) = 1`, and the game is monotone. O(n 2ⁿ).
    public var isSimple: Bool { values.allSatisfy { $0 == 0 || $0 == 1 } && self[grand] == 1 && isMonotone() }
}

/// Errors of the cooperative layer. Payloads are trivial values.
public enum CooperativeError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPlayers
    /// Too many players for a method whose cost is exponential; `limit` can be raised by the named option.
    case tooManyPlayers(n: Int, limit: Int)
    case dimensionMismatch(expected: Int, actual: Int)
    case nonFinite(index: Int)
    case negativeWeight(player: Int)
    case emptyCoalitionValue
    case invalidQuota
    case linearProgramFailed
    /// A computed solution failed its own check (e.g. Kohlberg's criterion); not returned.
    case verificationFailed
    /// Integer weights (or scaled capabilities) whose total exceeds `limit` (2⁵³).
    case weightsTooLarge(limit: Int)
    /// A capability scale that is not finite and positive.
    case invalidScale
    /// A table or DP of `cells` entries above `limit`: refused before allocating.
    case tableTooLarge(cells: Int, limit: Int)
    /// A pseudo-polynomial computation of `cellUpdates` steps above `limit`: refused before starting.
    case workTooLarge(cellUpdates: Int, limit: Int)
    /// The imputation set is empty: Σᵢ v({i}) > v(N), so no efficient, individually rational allocation exists.
    case emptyImputationSet
    /// |v(S)| above `limit` (`CoalitionalGame.maxValueMagnitude`) for the coalition with bitmask `index`.
    case valueTooLarge(index: Int, limit: Double)
    /// The symmetric eigenvalue solver (LAPACK `dsyevd`) did not converge.
    case eigenDecompositionFailed

    public var description: String {
        switch self {
        case .noPlayers: return "the game has no players"
        case .tooManyPlayers(let n, let l):
            return
                "\(n) players exceed the limit of \(l) for this exponential method (raise playerLimit if memory and time allow)"
        case .dimensionMismatch(let e, let a): return "expected \(e) values, got \(a)"
        case .nonFinite(let k): return "value \(k) is NaN or infinite"
        case .negativeWeight(let p): return "weight of player \(p) (counted from 0) is negative"
        case .emptyCoalitionValue: return "v(∅) must be 0"
        case .invalidQuota: return "the quota must be finite and positive"
        case .linearProgramFailed: return "the linear program did not reach an optimum"
        case .verificationFailed: return "the computed solution failed its verification"
        case .weightsTooLarge(let l):
            return "the total weight exceeds \(l) (2^53); use smaller weights or a smaller \"scale\""
        case .invalidScale: return "the capability scale must be finite and positive"
        case .tableTooLarge(let c, let l):
            return
                "the computation needs a table of \(c == Int.max ? "more than 9e18" : String(c)) entries, above the limit of \(l); use fewer players or smaller integer weights (a smaller \"scale\")"
        case .workTooLarge(let c, let l):
            return
                "the computation needs \(c == Int.max ? "more than 9e18" : String(c)) cell updates, above the limit of \(l) (about a minute); use fewer players or smaller integer weights (a smaller \"scale\")"
        case .valueTooLarge(let k, let l):
            return
                "the value of coalition \(k) (bitmask) exceeds \(l) in absolute value; rescale the values (every solution concept scales with them)"
        case .eigenDecompositionFailed: return "the eigenvalue decomposition did not converge"
        case .emptyImputationSet:
            return "the imputation set is empty: the players' stand-alone values sum to more than v(N)"
        }
    }
}
