import BigInt

/// An exact rational number `numerator / denominator` with arbitrary-precision integers (attaswift/BigInt),
/// always in lowest terms with a positive denominator.
///
/// Arithmetic is exact; each operation costs a gcd, O(k²) in the number of machine words k.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator (sign of the number).
    public let numerator: BigInt
    /// Denominator, always positive.
    public let denominator: BigInt

    /// `n / d` reduced to lowest terms. Precondition: `d ≠ 0`.
    public init(_ n: BigInt, _ d: BigInt = 1) {
        precondition(!d.isZero, "zero denominator")
        let g = n.greatestCommonDivisor(with: d)
        let sign: BigInt = d.signum() < 0 ? -1 : 1
        numerator = g.isZero ? 0 : sign * n / g
        denominator = g.isZero ? 1 : sign * d / g
    }

    /// The integer n.
    public init(_ n: Int) { self.init(BigInt(n), 1) }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// The rational a `Double` stands for: the simplest fraction with denominator ≤ `maxDenominator` that
    /// rounds to exactly `d` (so "1/3" or "0.1" read from a file come back as 1/3 and 1/10), else the
    /// exact binary value of `d`. Returns nil for NaN and infinities.
    public init?(_ d: Double, maxDenominator: Int = 1_000_000) {
        guard d.isFinite else { return nil }
        if let simple = Rational.simplest(d, maxDenominator: maxDenominator) { self = simple; return }
        // Exact dyadic value: significand · 2^(exponent − 52).
        let bits = d.significandBitPattern | (d.isNormal ? (1 << 52) : 0)
        let exp = d.isNormal ? Int(d.exponent) - 52 : -1074
        var num = BigInt(bits)
        var den = BigInt(1)
        if exp >= 0 { num <<= exp } else { den <<= -exp }
        self.init(d < 0 ? -num : num, den)
    }

    /// Continued-fraction convergents of `d`, first one that converts back to exactly `d`.
    static func simplest(_ d: Double, maxDenominator: Int) -> Rational? {
        var x = d
        var (h0, h1): (Double, Double) = (0, 1)
        var (k0, k1): (Double, Double) = (1, 0)
        for _ in 0..<64 {
            let a = x.rounded(.down)
            let h2 = a * h1 + h0, k2 = a * k1 + k0
            if k2 > Double(maxDenominator) || abs(h2) > 9e15 { return nil }
            if h2 / k2 == d { return Rational(BigInt(Int64(h2)), BigInt(Int64(k2))) }
            (h0, h1, k0, k1) = (h1, h2, k1, k2)
            let frac = x - a
            if frac == 0 { return nil }
            x = 1 / frac
        }
        return nil
    }

    /// Nearest `Double`.
    public var doubleValue: Double {
        // Scale to keep precision for large numerators/denominators.
        let shift = max(0, max(numerator.magnitude.bitWidth, denominator.magnitude.bitWidth) - 1000)
        return Double(numerator >> shift) / Double(denominator >> shift)
    }

    public var isZero: Bool { numerator.isZero }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }
}

/// Exact Gaussian elimination over the rationals.
package enum RationalLinearSolve {
    /// Solves the square system `m x = b` (rows of `m` given as arrays); nil if singular. O(k³) rational ops.
    package static func solve(_ m: [[Rational]], _ b: [Rational]) -> [Rational]? {
        let k = b.count
        var a = m
        var rhs = b
        for col in 0..<k {
            guard let p = (col..<k).first(where: { !a[$0][col].isZero }) else { return nil }
            if p != col { a.swapAt(p, col); rhs.swapAt(p, col) }
            let inv = Rational.one / a[col][col]
            for r in 0..<k where r != col && !a[r][col].isZero {
                let f = a[r][col] * inv
                for c in col..<k { a[r][c] = a[r][c] - f * a[col][c] }
                rhs[r] = rhs[r] - f * rhs[col]
            }
        }
        return (0..<k).map { rhs[$0] / a[$0][$0] }
    }
}
