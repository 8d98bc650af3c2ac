/// A closed real interval `[lo, hi]` with outward rounding: every operation widens its round-to-nearest result by one
/// unit in the last place on each side, so the exact result of the operation on any points of the operands lies
/// inside (Moore 1966). Used by the Krawczyk certificate.
///
/// - Tolerance: rigorous for +, −, × on finite operands (round-to-nearest errs by at most half an ulp).
struct Interval: Sendable, Equatable {
    var lo: Double
    var hi: Double

    /// The interval `[lo, hi]` (`lo ≤ hi`).
    init(_ lo: Double, _ hi: Double) {
        self.lo = lo
        self.hi = hi
    }

    /// The exact point `x`.
    init(_ x: Double) { self.init(x, x) }

    static let zero = Interval(0)

    /// `hi − lo`, rounded up.
    var width: Double { (hi - lo).nextUp }
    /// The largest |x| over the interval.
    var magnitude: Double { Swift.max(abs(lo), abs(hi)) }
    /// Both ends finite.
    var isFinite: Bool { lo.isFinite && hi.isFinite }

    /// `other` lies strictly inside `self`.
    func strictlyContains(_ other: Interval) -> Bool { lo < other.lo && other.hi < hi }

    static func + (a: Interval, b: Interval) -> Interval { Interval((a.lo + b.lo).nextDown, (a.hi + b.hi).nextUp) }
    static func - (a: Interval, b: Interval) -> Interval { Interval((a.lo - b.hi).nextDown, (a.hi - b.lo).nextUp) }
    static prefix func - (a: Interval) -> Interval { Interval(-a.hi, -a.lo) }
    static func * (a: Interval, b: Interval) -> Interval {
        let p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        if p.contains(where: \.isNaN) { return Interval(-.infinity, .infinity) }
        return Interval(p.min()!.nextDown, p.max()!.nextUp)
    }
    static func += (a: inout Interval, b: Interval) { a = a + b }
}
