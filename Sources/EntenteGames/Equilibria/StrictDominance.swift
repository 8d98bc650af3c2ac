/// Iterated elimination of strictly dominated pure strategies in a bimatrix game.
///
/// A strategy strictly dominated by another pure strategy (strictly worse against every remaining strategy of the
/// opponent) is played with probability 0 in every Nash equilibrium, and removing it changes neither the equilibrium
/// set nor its extreme points: each equilibrium of the reduced game, padded with zeros, is one of the original game
/// and vice versa (the removed strategies' best-response constraints are slack at every equilibrium, so the vertices
/// of the best-response polytopes that take part in equilibria are the same). See e.g. Myerson (1991), "Game Theory",
/// §3.9, or von Stengel (2002), "Computing equilibria for two-person games". Comparisons are exact on the given
/// doubles, so nothing that could be played is removed.
/// - Complexity: O((m + n) · (m²n + mn²)) in the worst case (one strategy removed per pass), O(m²n + mn²) when nothing
///   is dominated.
struct StrictDominance {
    /// Player 1's remaining strategies (rows), increasing.
    var rows: [Int]
    /// Player 2's remaining strategies (columns), increasing.
    var columns: [Int]

    /// No reduction: every strategy kept.
    init(rows: [Int], columns: [Int]) {
        self.rows = rows
        self.columns = columns
    }

    /// Reduces the game with payoff matrices `a`, `b` (m × n, column-major).
    init(a: [Double], b: [Double], m: Int, n: Int) {
        rows = Array(0..<m)
        columns = Array(0..<n)
        var changed = true
        while changed {
            changed = false
            // Rows dominated under a (against the remaining columns).
            if rows.count > 1 {
                let cols = columns
                let kept = rows.filter { i in
                    !rows.contains { k in k != i && cols.allSatisfy { j in a[k + j * m] > a[i + j * m] } }
                }
                if kept.count < rows.count { rows = kept; changed = true }
            }
            if columns.count > 1 {
                let rs = rows
                let kept = columns.filter { j in
                    !columns.contains { l in l != j && rs.allSatisfy { i in b[i + l * m] > b[i + j * m] } }
                }
                if kept.count < columns.count { columns = kept; changed = true }
            }
        }
    }

    /// Whether anything was removed.
    func removedAny(m: Int, n: Int) -> Bool { rows.count < m || columns.count < n }

    /// The sub-matrix of an m-row column-major matrix on the remaining rows and columns (column-major).
    func restrict(_ u: [Double], m: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rows.count * columns.count)
        for j in columns { for i in rows { out.append(u[i + j * m]) } }
        return out
    }
}
