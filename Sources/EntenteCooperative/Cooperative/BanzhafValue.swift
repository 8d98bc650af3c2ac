/// The Banzhaf value of a TU game (Owen 1975): βᵢ = Σ_{S∌i} (v(S∪i) − v(S)) / 2ⁿ⁻¹.
public enum BanzhafValue {
    /// Exact from a dense table. O(n·2ⁿ).
    public static func exact(_ game: CoalitionalGame) -> [Double] {
        let n = game.playerCount
        var beta = [Double](repeating: 0, count: n)
        let full = 1 << n
        for m in 0..<full {
            var rest = ~m & (full - 1)
            while rest != 0 {
                let i = rest.trailingZeroBitCount
                rest &= rest - 1
                beta[i] += game.values[m | (1 << i)] - game.values[m]
            }
        }
        let half = Double(1 << (n - 1))
        return beta.map { $0 / half }
    }
}
