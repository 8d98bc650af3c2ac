/// Errors in the construction of a game. Payloads are trivial values.
public enum GameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No players, or a player without strategies.
    case empty
    /// A list has the wrong length (e.g. payoffs for 3 players in a 2-player game).
    case dimensionMismatch(expected: Int, actual: Int)
    /// The two payoff matrices of a bimatrix game have different shapes.
    case shapeMismatch(rows: Int, columns: Int, otherRows: Int, otherColumns: Int)
    /// A payoff (or probability) is NaN or infinite.
    case nonFinite(player: Int, index: Int)
    /// A probability is negative or a vector does not sum to 1 (within 1e-9).
    case notAProbability(player: Int)
    /// The strategy space exceeds the size limit (`limit` profiles); raise it explicitly if memory allows.
    case tooLarge(size: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty: return "the game needs at least one player and every player at least one strategy"
        case .dimensionMismatch(let e, let a): return "wrong dimension: expected \(e), got \(a)"
        case .shapeMismatch(let r, let c, let r2, let c2):
            return
                "the payoff matrices differ in shape: \(r)×\(c) for the row player, \(r2)×\(c2) for the column player"
        case .nonFinite(let p, let i): return "value \(i) for player \(p) (both counted from 0) is NaN or infinite"
        case .notAProbability(let p): return "the strategy of player \(p) (counted from 0) is not a probability vector"
        case .tooLarge(let s, let l): return "the game has \(s) strategy profiles, above the limit \(l)"
        }
    }
}
