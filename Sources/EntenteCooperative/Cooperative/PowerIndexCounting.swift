import BigInt

/// Exact power indices of weighted majority games by counting coalitions with arbitrary-precision integers
/// (generating functions: Brams & Affuso 1976; Bilbao, Fernández, Jiménez Losada & López 2000).
///
/// Shapley–Shubik: c[k][w] = number of size-k coalitions of weight w < T over all players (one forward pass,
/// O(n²·T) big-integer additions); each distinct weight is then "un-added" exactly, d[k][w] = c[k][w] − d[k−1][w−wᵢ]
/// (integer subtraction, so no cancellation), and φᵢ = Σₖ k!(n−k−1)!·#{size-k swings of i} / n!. Banzhaf: the same
/// without the size dimension, O(n·T). Memory (n+1)·T big integers; both are sized before allocating.
enum PowerIndexCounting {
    /// Exact Shapley–Shubik index (1 ≤ T ≤ W).
    static func shapleyShubik(_ g: WeightedMajorityGame) -> [Rational] {
        let n = g.playerCount, threshold = g.winningThreshold
        let width = threshold
        var c = [BigInt](repeating: 0, count: (n + 1) * width)
        c[0] = 1
        var added = 0
        for wj in g.weights {
            added += 1
            guard wj < width else { continue }
            for k in stride(from: added, through: 1, by: -1) {
                let row = k * width, prev = (k - 1) * width
                for w in stride(from: width - 1, through: wj, by: -1) where !c[prev + w - wj].isZero {
                    c[row + w] += c[prev + w - wj]
                }
            }
        }
        var factorial = [BigInt](repeating: 1, count: n + 1)
        for k in stride(from: 1, through: n, by: 1) { factorial[k] = factorial[k - 1] * BigInt(k) }
        var byWeight = [Int: Rational]()
        var d = [BigInt](repeating: 0, count: (n + 1) * width)
        for wi in Set(g.weights) where wi > 0 {
            // d[k][w] = # size-k coalitions of N∖{i} with weight w; row k − 1 is complete before row k is read.
            var numerator = BigInt(0)
            for k in 0..<n {
                let row = k * width, prev = (k - 1) * width
                for w in 0..<width {
                    d[row + w] = k > 0 && w >= wi ? c[row + w] - d[prev + w - wi] : c[row + w]
                }
                var swings = BigInt(0)
                for w in max(0, threshold - wi)..<threshold { swings += d[row + w] }
                if !swings.isZero { numerator += swings * factorial[k] * factorial[n - k - 1] }
            }
            byWeight[wi] = Rational(numerator, factorial[n])
        }
        return g.weights.map { byWeight[$0] ?? .zero }
    }

    /// Exact Banzhaf swing counts per player (1 ≤ T ≤ W).
    static func banzhafSwings(_ g: WeightedMajorityGame) -> [BigInt] {
        let threshold = g.winningThreshold
        var c = [BigInt](repeating: 0, count: threshold)
        c[0] = 1
        for wj in g.weights where wj < threshold {
            for w in stride(from: threshold - 1, through: wj, by: -1) where !c[w - wj].isZero { c[w] += c[w - wj] }
        }
        // Zero-weight players double every count but never swing.
        var byWeight = [Int: BigInt]()
        var d = [BigInt](repeating: 0, count: threshold)
        for wi in Set(g.weights) where wi > 0 {
            for w in 0..<threshold { d[w] = w >= wi ? c[w] - d[w - wi] : c[w] }
            var s = BigInt(0)
            for w in max(0, threshold - wi)..<threshold { s += d[w] }
            byWeight[wi] = s
        }
        return g.weights.map { byWeight[$0] ?? 0 }
    }
}
