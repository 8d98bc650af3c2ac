/// A dynamic coalition-formation game in the sense of Konishi & Ray (2003): states are coalition structures,
/// each with a per-period payoff to every player; a coalition S can move from x to the structure in which S
/// leaves its blocks and forms S (the remainders of the old blocks stay together).
public struct CoalitionFormationGame: Sendable {
    /// The states: every partition of the players (Bell(n) of them), in restricted-growth order.
    public let states: [Partition]
    /// Number of players.
    public let playerCount: Int
    /// `payoffs[x][i]`: player i's per-period payoff in state x.
    public let payoffs: [[Double]]
    /// Discount factor δ ∈ (0, 1).
    public let discount: Double
    /// `moves[x]`: the distinct coalitional moves (S, y) with y ≠ x.
    public let moves: [[(coalition: Coalition, target: Int)]]

    /// Largest number of players for the full partition state space (Bell(9) = 21 147 states).
    public static let defaultPlayerLimit = 9
    /// Largest number of players at all, whatever `playerLimit` says: Bell(10)·2¹⁰ ≈ 1.2·10⁸ moves would need ≈ 2 GB.
    public static let hardPlayerLimit = 9

    /// Builds the game. `payoff(partition)` returns every player's per-period payoff.
    /// - Complexity: O(Bell(n) · 2ⁿ) to tabulate the effectivity relation.
    public init(
        players n: Int, discount: Double, playerLimit: Int = defaultPlayerLimit,
        payoff: (Partition) -> [Double]
    ) throws(DynamicsError) {
        guard n >= 1 else { throw .invalidParameter(name: "players") }
        guard n <= min(playerLimit, CoalitionFormationGame.hardPlayerLimit) else {
            throw .tooManyStates(players: n, limit: min(playerLimit, CoalitionFormationGame.hardPlayerLimit))
        }
        guard discount > 0, discount <= AllianceFormationGame.Parameters.maxDelta else {
            throw .invalidParameter(name: "delta (must be in (0, 1 − 1e-9])")
        }
        let states = Array(Partition.all(players: n))
        var index: [Partition: Int] = [:]
        for (k, p) in states.enumerated() { index[p] = k }
        var pay: [[Double]] = []
        for p in states {
            let u = payoff(p)
            guard u.count == n, u.allSatisfy({ $0.isFinite }) else { throw .invalidParameter(name: "payoff of \(p)") }
            pay.append(u)
        }
        var moves: [[(coalition: Coalition, target: Int)]] = []
        for (k, p) in states.enumerated() {
            var list: [(coalition: Coalition, target: Int)] = []
            for m in 1..<(UInt64(1) << UInt64(n)) {
                let s = Coalition(mask: m)
                let y = CoalitionFormationGame.move(p, s)
                let t = index[y]!
                if t != k { list.append((s, t)) }
            }
            moves.append(list)
        }
        self.states = states
        self.playerCount = n
        self.payoffs = pay
        self.discount = discount
        self.moves = moves
    }

    /// The structure after S leaves its blocks and forms S.
    public static func move(_ p: Partition, _ s: Coalition) -> Partition {
        var blocks = p.blocks.map { $0.subtracting(s) }.filter { !$0.isEmpty }
        blocks.append(s)
        return Partition(blocks)
    }

    /// The index of a partition.
    public func index(of p: Partition) -> Int? { states.firstIndex(of: p) }
}

/// Errors of the dynamic layer.
public enum DynamicsError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidParameter(name: String)
    /// The full partition space of n players exceeds the limit (Bell(n) states); raise `playerLimit` or restrict.
    case tooManyStates(players: Int, limit: Int)
    /// The direct (LU) solve of I − δP failed: the matrix is numerically singular.
    case singularSystem
    /// Restarted GMRES did not reach its residual tolerance within its iteration budget (Saad & Schultz 1986).
    case iterativeSolverDidNotConverge(iterations: Int, residual: Double)
    case searchLimit(limit: Int)
    /// The private-types game would have more public states (structures × belief grid points) than the state limit.
    case tooManyBeliefStates(states: Int, limit: Int)
    /// More actors than the dynamic game can represent at all (``AllianceFormationGame/hardActorLimit``).
    case tooManyActors(actors: Int, limit: Int)
    /// The estimated state space (states, and states × moves per state) exceeds the limits; checked before enumerating.
    case stateSpaceTooLarge(states: Int, moves: Int, stateLimit: Int, moveLimit: Int)
    /// Per-period payoffs or values are NaN or infinite (parameters or capabilities too extreme): nothing is verified.
    case nonFinitePayoffs
    /// Gauss–Seidel policy evaluation did not converge within its sweep budget (δ too close to 1 for the state space).
    case evaluationDidNotConverge(sweeps: Int)
    /// The caller's `shouldStop` (a deadline or an interrupt) ended the work before it finished; nothing unfinished is
    /// returned (used where a partial answer would mislead, e.g. ``DynamicGameModel``'s predictions).
    case stopped

    public var description: String {
        switch self {
        case .invalidParameter(let n): return "invalid parameter: \(n)"
        case .tooManyStates(let n, let l):
            return
                "\(n) players exceed the limit of \(l) for the full partition state space (Bell(n) states); raise the limit (playerLimit / actorLimit) or restrict the state space with Parameters.maxCoalitionSize"
        case .singularSystem: return "I − δP is singular"
        case .iterativeSolverDidNotConverge(let k, let r):
            return "GMRES did not converge in \(k) iterations (relative residual \(r)); use Gauss–Seidel or a smaller δ"
        case .searchLimit(let l): return "the equilibrium search exceeded its limit of \(l) candidate processes"
        case .tooManyActors(let n, let l):
            return
                "\(n) actors exceed the limit of \(l) that the dynamic game can represent; analyse a subset of the actors"
        case .stateSpaceTooLarge(let s, let m, let sl, let ml):
            let states = s == Int.max ? "more than 9e18" : (m == 0 ? "more than \(s - 1)" : "about \(s)")
            let entries = m == 0 ? "" : " and \(m == Int.max ? "more than 9e18" : String(m)) state × move entries"
            return
                "the dynamic game would have \(states) states\(entries) (limits \(sl) states, \(ml) entries: stateLimit/moveLimit); restrict coalitions (maxCoalitionSize) or use fewer actors"
        case .evaluationDidNotConverge(let s):
            return
                "Gauss–Seidel policy evaluation did not converge in \(s) sweeps (δ too close to 1 for this state space); use the GMRES iterative solver or a smaller δ"
        case .nonFinitePayoffs:
            return
                "per-period payoffs or values are NaN or infinite: capabilities, threats or parameters (kappa, prize, alliance cost, exit payoff) are too extreme"
        case .stopped: return "stopped (timeout or interrupt) before the dynamic game was solved"
        case .tooManyBeliefStates(let m, let l):
            return
                "the private-types game would have \(m) public states (structures × belief grid), over the limit of \(l); use fewer belief grid points or private types, or a maximum coalition size"
        }
    }
}
