/// The support profiles of an n-player game in the order the enumerators visit them, generated lazily: by total
/// support size, then by imbalance (largest minus smallest support size), smallest first (Porter, Nudelman & Shoham
/// 2008); within one vector of support sizes, every combination of strategies in lexicographic order.
///
/// Only the vectors of support sizes are stored (Π kᵢ of them for kᵢ candidate strategies per player, no more than
/// the payoff table has entries); profiles are produced one at a time, so a limit on the number visited bounds the
/// work even when the game has astronomically many support profiles.
/// - Complexity: O(Π kᵢ · log Π kᵢ) to start, O(Σ kᵢ) per profile.
struct SupportProfileOrder: Sequence, IteratorProtocol {
    /// Candidate strategies per player (sorted), e.g. those surviving iterated strict dominance.
    let candidates: [[Int]]
    private var sizeVectors: [[Int]]
    private var nextSizes = 0
    /// Positions into `candidates[i]` of the current combination per player; nil before the first profile of a
    /// size vector.
    private var positions: [[Int]]? = nil

    /// Starts the order over `candidates` (every player needs at least one candidate).
    init(candidates: [[Int]]) {
        self.candidates = candidates
        var vectors: [[Int]] = [[]]
        for c in candidates { vectors = vectors.flatMap { v in (1...Swift.max(1, c.count)).map { v + [$0] } } }
        func key(_ v: [Int]) -> (Int, Int) { (v.reduce(0, +), (v.max() ?? 0) - (v.min() ?? 0)) }
        sizeVectors = vectors.sorted { a, b in
            let ka = key(a), kb = key(b)
            return ka != kb ? ka < kb : a.lexicographicallyPrecedes(b)
        }
    }

    /// The next support profile (strategy indices per player, sorted), or nil after the last.
    mutating func next() -> [[Int]]? {
        guard candidates.allSatisfy({ !$0.isEmpty }) else { return nil }
        if var p = positions {
            // Advance the odometer of combinations: player 0 fastest.
            var i = 0
            while i < p.count {
                if Self.advance(&p[i], of: candidates[i].count) { break }
                p[i] = Array(0..<p[i].count)
                i += 1
            }
            if i < p.count {
                positions = p
                return profile(p)
            }
            positions = nil
        }
        guard nextSizes < sizeVectors.count else { return nil }
        let first = sizeVectors[nextSizes].map { Array(0..<$0) }
        nextSizes += 1
        positions = first
        return profile(first)
    }

    private func profile(_ p: [[Int]]) -> [[Int]] { p.enumerated().map { i, pos in pos.map { candidates[i][$0] } } }

    /// Next k-combination of 0..<n in lexicographic order; false after the last.
    static func advance(_ c: inout [Int], of n: Int) -> Bool {
        let k = c.count
        var i = k - 1
        while i >= 0 && c[i] == n - k + i { i -= 1 }
        guard i >= 0 else { return false }
        c[i] += 1
        for j in (i + 1)..<k { c[j] = c[j - 1] + 1 }
        return true
    }
}
