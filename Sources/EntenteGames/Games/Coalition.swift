/// A set of players `0..<64` as a bitset: bit i is player i.
///
/// All set operations are O(1); iterating members is O(|S|), iterating subsets O(2^|S|).
public struct Coalition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The bit mask.
    public var mask: UInt64

    /// The coalition with bit mask `mask` (bit i = player i).
    public init(mask: UInt64) { self.mask = mask }

    /// The coalition of the listed players (each in `0..<64`).
    public init<S: Sequence<Int>>(_ players: S) {
        var m: UInt64 = 0
        for p in players { precondition(p >= 0 && p < 64, "player index out of range"); m |= 1 << UInt64(p) }
        mask = m
    }

    /// The empty coalition.
    public static let empty = Coalition(mask: 0)

    /// The grand coalition of `n` players.
    public static func grand(_ n: Int) -> Coalition {
        precondition(n >= 0 && n <= 64)
        return Coalition(mask: n == 64 ? ~0 : (1 << UInt64(n)) &- 1)
    }

    /// Number of members. O(1).
    @inlinable public var count: Int { mask.nonzeroBitCount }
    @inlinable public var isEmpty: Bool { mask == 0 }
    @inlinable public func contains(_ p: Int) -> Bool { mask & (1 << UInt64(p)) != 0 }
    @inlinable public func inserting(_ p: Int) -> Coalition { Coalition(mask: mask | (1 << UInt64(p))) }
    @inlinable public func removing(_ p: Int) -> Coalition { Coalition(mask: mask & ~(1 << UInt64(p))) }
    @inlinable public func union(_ o: Coalition) -> Coalition { Coalition(mask: mask | o.mask) }
    @inlinable public func intersection(_ o: Coalition) -> Coalition { Coalition(mask: mask & o.mask) }
    @inlinable public func subtracting(_ o: Coalition) -> Coalition { Coalition(mask: mask & ~o.mask) }
    @inlinable public func isSubset(of o: Coalition) -> Bool { mask & ~o.mask == 0 }

    /// Members in increasing order. O(|S|).
    public var members: [Int] {
        var out: [Int] = []
        var m = mask
        while m != 0 { out.append(m.trailingZeroBitCount); m &= m - 1 }
        return out
    }

    /// All subsets of this coalition, including the empty set and itself, in increasing mask order. O(2^|S|).
    public var subsets: SubsetSequence { SubsetSequence(mask: mask) }

    public static func < (a: Coalition, b: Coalition) -> Bool { a.mask < b.mask }

    /// The members as 0-based player indices, `{0,2}` (the same numbering as ``members`` and the bitmask).
    public var description: String { "{" + members.map(String.init).joined(separator: ",") + "}" }

    /// The members by name, `{A,C}`; `names[i]` names player i (an index without a name prints as the index).
    public func description(names: [String]) -> String {
        "{" + members.map { $0 < names.count ? names[$0] : String($0) }.joined(separator: ",") + "}"
    }
}

/// Iterates the submasks of a mask with the standard `(s − m) & m` trick, O(1) per subset.
public struct SubsetSequence: Sequence, IteratorProtocol {
    let mask: UInt64
    var next_: UInt64 = 0
    var done = false

    init(mask: UInt64) { self.mask = mask }

    public mutating func next() -> Coalition? {
        if done { return nil }
        let s = next_
        next_ = (next_ &- mask) & mask
        if next_ == 0 { done = true }
        return Coalition(mask: s)
    }
}
