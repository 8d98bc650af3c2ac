/// The great-power system of one year: the powers (sorted by COW code) and every unordered pair of them.
///
/// Part of ``GreatPowerHistory``; inputs only (no outcomes).
public struct GreatPowerYear: Sendable, Equatable {
    /// The year.
    public let year: Int
    /// The great powers, sorted by COW code.
    public let powers: [GreatPower]
    /// Every unordered pair (`ccode1 < ccode2`), sorted by codes: C(n, 2) of them.
    public let dyads: [GreatPowerDyad]

    /// Memberwise initialiser. O(1).
    public init(year: Int, powers: [GreatPower], dyads: [GreatPowerDyad]) {
        self.year = year; self.powers = powers; self.dyads = dyads
    }

    /// The power with a COW code, if it is a great power this year. O(n).
    public func power(ccode: Int) -> GreatPower? { powers.first { $0.ccode == ccode } }

    /// The pair of two codes (either order), if both are great powers this year. O(n²).
    public func dyad(_ a: Int, _ b: Int) -> GreatPowerDyad? {
        let (c1, c2) = a < b ? (a, b) : (b, a)
        return dyads.first { $0.ccode1 == c1 && $0.ccode2 == c2 }
    }
}
