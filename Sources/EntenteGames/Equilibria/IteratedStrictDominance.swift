/// Iterated elimination of pure strategies strictly dominated by other pure strategies, for any number of players
/// (the bimatrix version with matrix restriction is `StrictDominance`).
///
/// No Nash equilibrium gives positive probability to a strictly dominated strategy, and elimination order does not
/// matter for strict dominance (Gilboa, Kalai & Zemel 1990), so every equilibrium of the game is an equilibrium of
/// the reduced game with the eliminated strategies at probability 0, and conversely.
/// - Complexity: O(rounds · n · s² · profiles) with s the largest strategy count.
/// - Tolerance: domination means a payoff gap > `margin` at every profile of the others' surviving strategies.
public enum IteratedStrictDominance {
    /// The surviving strategies (sorted indices) per player.
    public static func surviving(_ game: NormalFormGame, margin: Double = 0) -> [[Int]] {
        var alive = game.strategyCounts.map { Array(0..<$0) }
        var changed = true
        while changed {
            changed = false
            for i in 0..<game.playerCount where alive[i].count > 1 {
                for s in alive[i] {
                    if alive[i].contains(where: {
                        $0 != s && dominates(game, player: i, $0, s, within: alive, margin: margin)
                    }) {
                        alive[i].removeAll { $0 == s }
                        changed = true
                        break
                    }
                }
            }
        }
        return alive
    }

    /// Whether `t` strictly beats `s` for player `i` against every profile of the others drawn from `within`.
    /// O(Π_{j≠i} |within_j| · n).
    static func dominates(_ game: NormalFormGame, player i: Int, _ t: Int, _ s: Int, within: [[Int]], margin: Double)
        -> Bool
    {
        let n = game.playerCount
        var idx = [Int](repeating: 0, count: n)
        var profile = [Int](repeating: 0, count: n)
        while true {
            for j in 0..<n where j != i { profile[j] = within[j][idx[j]] }
            profile[i] = t
            let a = game.payoff(player: i, profile: profile)
            profile[i] = s
            if !(a - game.payoff(player: i, profile: profile) > margin) { return false }
            var q = 0
            while q < n {
                if q == i { q += 1; continue }
                idx[q] += 1
                if idx[q] < within[q].count { break }
                idx[q] = 0
                q += 1
            }
            if q >= n { return true }
        }
    }
}
