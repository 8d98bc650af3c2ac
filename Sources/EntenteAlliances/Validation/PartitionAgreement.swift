/// Alliance structures as partitions and their agreement: connected components of a pair graph, and the adjusted
/// Rand index (Hubert & Arabie 1985).
public enum PartitionAgreement {
    /// Labels of the connected components of the graph on `n` vertices with the given edges (union–find): vertices
    /// with the same label are connected; label = smallest vertex of the component. O((n + e) α(n)).
    public static func components(count n: Int, edges: [(Int, Int)]) -> [Int] {
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            var y = x
            while parent[y] != r { let next = parent[y]; parent[y] = r; y = next }
            return r
        }
        for (a, b) in edges where a != b && a >= 0 && b >= 0 && a < n && b < n {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        return (0..<n).map(find)
    }

    /// Adjusted Rand index of two labelings of the same n items, from the pair confusion counts (tp: pairs together
    /// in both, tn: apart in both, fp/fn: together in only one): ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) +
    /// (tp + fp)(fp + tn)). Identical partitions whose pairs are all apart (or all together) have no denominator;
    /// as in scikit-learn, the ARI is then 1 (fp = fn = 0 gives 1). O(n²).
    public static func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
        precondition(a.count == b.count, "labelings of different lengths")
        var tp = 0.0, tn = 0.0, fp = 0.0, fn = 0.0
        for i in 0..<a.count {
            for j in (i + 1)..<a.count {
                let sa = a[i] == a[j], sb = b[i] == b[j]
                switch (sa, sb) {
                case (true, true): tp += 1
                case (false, false): tn += 1
                case (true, false): fn += 1
                case (false, true): fp += 1
                }
            }
        }
        if fp == 0 && fn == 0 { return 1 }
        return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
    }
}
