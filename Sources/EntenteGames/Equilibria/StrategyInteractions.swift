/// Pairwise expected payoffs of an n-player game at a mixed profile:
/// `D[(i,s),(j,t)]` = player i's expected payoff when i plays s and j plays t while the others mix.
///
/// For j ≠ i, `v_i(s) = Σ_t D[(i,s),(j,t)] σ_j(t)` and `∂v_i(s)/∂σ_j(t) = D[(i,s),(j,t)]`: the Jacobian of
/// the deviation payoffs, which the logit tracer and the Newton polish need.
/// - Complexity: O(profiles · n³) per evaluation; the N × N result (N = Σ sᵢ) is written into a reused buffer.
struct StrategyInteractions {
    let game: NormalFormGame
    /// Offset of player i's block in the stacked strategy index.
    let offsets: [Int]
    let total: Int
    var d: [Double]
    private var idx: [Int]

    init(_ game: NormalFormGame) {
        self.game = game
        var o: [Int] = []
        var t = 0
        for c in game.strategyCounts { o.append(t); t += c }
        offsets = o
        total = t
        d = [Double](repeating: 0, count: t * t)
        idx = [Int](repeating: 0, count: game.playerCount)
    }

    /// Recomputes `d` at the stacked probability vector `sigma` (length N).
    mutating func evaluate(_ sigma: [Double]) {
        let n = game.playerCount
        for k in d.indices { d[k] = 0 }
        for q in 0..<n { idx[q] = 0 }
        for k in 0..<game.profileCount {
            for i in 0..<n {
                let u = game.payoffs[i][k]
                if u == 0 { continue }
                for j in 0..<n where j != i {
                    var w = 1.0
                    for q in 0..<n where q != i && q != j { w *= sigma[offsets[q] + idx[q]] }
                    if w != 0 {
                        let row = offsets[i] + idx[i], col = offsets[j] + idx[j]
                        d[row + col * total] += w * u
                    }
                }
            }
            game.advance(&idx)
        }
    }

    /// Deviation payoffs `v_i(s)` (stacked) from the current `d` at `sigma`. For one-player games, the raw payoffs.
    func values(_ sigma: [Double]) -> [Double] {
        let n = game.playerCount
        var v = [Double](repeating: 0, count: total)
        if n == 1 { return game.payoffs[0] }
        for i in 0..<n {
            let j = i == 0 ? 1 : 0
            for s in 0..<game.strategyCounts[i] {
                var acc = 0.0
                for t in 0..<game.strategyCounts[j] {
                    acc += d[(offsets[i] + s) + (offsets[j] + t) * total] * sigma[offsets[j] + t]
                }
                v[offsets[i] + s] = acc
            }
        }
        return v
    }
}
