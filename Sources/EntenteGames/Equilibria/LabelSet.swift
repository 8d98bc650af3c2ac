/// A set of up to 128 labels (pure strategies of both players, `0..<m+n`) as a two-word bitset.
struct LabelSet: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// One mixing step instead of two hasher rounds (hashing dominates the vertex search's bookkeeping).
    func hash(into hasher: inout Hasher) { hasher.combine(low &* 0x9E37_79B9_7F4A_7C15 ^ high) }

    @inline(__always) mutating func insert(_ k: Int) {
        if k < 64 { low |= 1 << UInt64(k) } else { high |= 1 << UInt64(k - 64) }
    }

    @inline(__always) func union(_ o: LabelSet) -> LabelSet { LabelSet(low: low | o.low, high: high | o.high) }
    @inline(__always) func subtracting(_ o: LabelSet) -> LabelSet { LabelSet(low: low & ~o.low, high: high & ~o.high) }
    @inline(__always) func isSuperset(of o: LabelSet) -> Bool { o.low & ~low == 0 && o.high & ~high == 0 }
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    /// The set `{k}`.
    @inline(__always) static func single(_ k: Int) -> LabelSet {
        var s = LabelSet()
        s.insert(k)
        return s
    }

    /// The set `0..<count`.
    static func all(_ count: Int) -> LabelSet {
        var s = LabelSet()
        s.low = count >= 64 ? ~0 : (1 << UInt64(count)) &- 1
        s.high = count <= 64 ? 0 : (count >= 128 ? ~0 : (1 << UInt64(count - 64)) &- 1)
        return s
    }
}
