/// Errors from equilibrium solvers. Payloads are trivial values (plain numbers or ``GameError``), which keeps typed
/// `catch` clauses cheap for the compiler.
public enum EquilibriumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The game has a player with no strategies, or no players.
    case emptyGame
    /// A payoff is NaN or infinite.
    case nonFinitePayoff(player: Int, index: Int)
    /// The solver's candidate failed the regret check: it is not returned.
    case verificationFailed(regret: Double, tolerance: Double)
    /// The underlying LP did not reach optimality (should not happen for finite games).
    case linearProgramFailed
    /// The method needs a different number of players (e.g. a bimatrix method on a 3-player game).
    case wrongPlayerCount(expected: Int, actual: Int)
    /// The game exceeds a hard size limit of a method (vertex enumeration: m + n ≤ 128 strategies).
    case tooLarge(size: Int, limit: Int)
    /// The game is not zero-sum: `max |u₁ + u₂|` is `deviation`.
    case notZeroSum(deviation: Double)
    /// The path-following method did not converge.
    case noConvergence(steps: Int)
    /// A candidate profile is not a probability vector for `player` (0-based): wrong length, a non-finite or negative
    /// entry, or a sum different from 1 beyond ``EquilibriumVerifier/probabilityTolerance``. Never returned as verified.
    case invalidProfile(player: Int)
    /// A candidate's expected payoff or deviation payoff for `player` (0-based) is NaN or infinite.
    case nonFiniteResult(player: Int)
    /// A tolerance given to a solver is NaN, infinite or negative.
    case invalidTolerance(Double)
    /// A Lemke–Howson starting label outside `0..<count` (count = m + n).
    case invalidLabel(label: Int, count: Int)
    /// A size limit given to a solver (maximum support size, maximum pivots, bases or steps) is below its minimum.
    case invalidLimit(value: Int, minimum: Int)
    /// A real-valued option of a path-following solver (``LogitPath/Options``: `maxLambda`, `initialStep`,
    /// `maxStep`) is NaN, infinite or not positive.
    case invalidPathOption(value: Double)
    /// A game the solver derives from its input (a scaled copy, the ex-ante or agent form of a Bayesian game) could not
    /// be built; the payload says why (for instance ``GameError/tooLarge(size:limit:)`` with the real size).
    case invalidGame(GameError)

    public var description: String {
        switch self {
        case .emptyGame: return "the game has no players or a player has no strategies"
        case .nonFinitePayoff(let p, let i):
            return "payoff \(i) of player \(p) (both counted from 0) is NaN or infinite"
        case .verificationFailed(let r, let t):
            return "candidate equilibrium failed verification (regret \(r) > tolerance \(t))"
        case .linearProgramFailed: return "the linear program did not reach an optimum"
        case .wrongPlayerCount(let e, let a): return "this method needs \(e) players, the game has \(a)"
        case .tooLarge(let s, let l): return "game too large for this method (\(s) > limit \(l))"
        case .invalidLabel(let k, let c):
            return "the starting label must be in 0…\(c - 1) (the first player's strategies first), got \(k)"
        case .notZeroSum(let d): return "the game is not zero-sum (payoffs differ from zero-sum by up to \(d))"
        case .noConvergence(let s): return "path following did not converge after \(s) steps"
        case .invalidProfile(let p):
            return
                "candidate equilibrium rejected: the strategy of player \(p) (counted from 0) is not a probability vector (NaN, negative or not summing to 1)"
        case .nonFiniteResult(let p):
            return
                "candidate equilibrium rejected: an expected payoff of player \(p) (counted from 0) is NaN or infinite"
        case .invalidTolerance(let t): return "the tolerance must be finite and non-negative, got \(t)"
        case .invalidLimit(let v, let m):
            return "a solver limit (maxSupportSize, maxBases, maxPivots, maxSteps) must be at least \(m), got \(v)"
        case .invalidPathOption(let v):
            return "a path-following option (maxLambda, initialStep, maxStep) must be finite and positive, got \(v)"
        case .invalidGame(let e): return "the game could not be built: \(e)"
        }
    }
}
