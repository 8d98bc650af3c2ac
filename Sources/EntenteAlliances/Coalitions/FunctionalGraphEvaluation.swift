/// Exact policy evaluation for a deterministic process: V(x) = r(x) + δ·w(x)·V(s(x)), where each state x has at most
/// one successor s(x) inside the evaluated set (taken with probability w(x) ≤ 1; the rest of its transitions leave the
/// set and are folded into r(x)).
///
/// The successor map is a functional graph: every component is a cycle with trees hanging into it. A cycle
/// c₀ → c₁ → … → c_{L−1} → c₀ has V(c₀) = Σ_k (Π_{j<k} δw(c_j))·r(c_k) / (1 − Π_j δw(c_j)), and every other value follows
/// backwards along the cycle and down the trees — no linear system at all. Since δ < 1 the denominators are at
/// least 1 − δ, so the result is as accurate as the sums (relative error O(L·ε)).
/// - Complexity: O(S·n) time for S states and n players, O(S) extra memory.
enum FunctionalGraphEvaluation {
    /// Values `v[x * n + i]` for successors `next[x]` (−1: none), in-set weights `weight[x]` and rewards
    /// `rewards[x * n + i]` (row-major, `n` players).
    static func solve(next: [Int], weight: [Double], rewards r: [Double], players n: Int, delta: Double) -> [Double] {
        let m = next.count
        var v = [Double](repeating: 0, count: m * n)
        // 0 = unvisited, 1 = on the current walk, 2 = done.
        var mark = [UInt8](repeating: 0, count: m)
        var walk: [Int] = []
        var acc = [Double](repeating: 0, count: n)
        for start in 0..<m where mark[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var x = start
            while x >= 0 && mark[x] == 0 {
                mark[x] = 1
                walk.append(x)
                x = next[x]
            }
            var end = walk.count  // walk[0..<end] still needs values, last first
            if x >= 0 && mark[x] == 1 {
                // A cycle: walk[c...] where walk[c] == x.
                let c = walk.lastIndex(of: x)!
                for i in 0..<n { acc[i] = 0 }
                var discount = 1.0
                for k in c..<walk.count {
                    let y = walk[k]
                    for i in 0..<n { acc[i] += discount * r[y * n + i] }
                    discount *= delta * weight[y]
                }
                for i in 0..<n { v[x * n + i] = acc[i] / (1 - discount) }
                mark[x] = 2
                // Backwards along the cycle: walk[k] → walk[k + 1] (walk.last → x).
                var k = walk.count - 1
                while k > c {
                    let y = walk[k], s = k + 1 < walk.count ? walk[k + 1] : x
                    for i in 0..<n { v[y * n + i] = r[y * n + i] + delta * weight[y] * v[s * n + i] }
                    mark[y] = 2
                    k -= 1
                }
                end = c
            }
            // The tree part (or a path ending outside the set or at a finished state), backwards.
            var k = end - 1
            while k >= 0 {
                let y = walk[k], s = next[y]
                for i in 0..<n { v[y * n + i] = r[y * n + i] + (s >= 0 ? delta * weight[y] * v[s * n + i] : 0) }
                mark[y] = 2
                k -= 1
            }
        }
        return v
    }
}
