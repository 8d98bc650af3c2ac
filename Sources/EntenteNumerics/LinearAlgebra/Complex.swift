import Foundation

/// A double-precision complex number, laid out like LAPACK's `lapack_complex_double` (real part, then imaginary
/// part) so arrays of it can be passed to the `z` routines without copying.
///
/// Only what polynomial homotopy continuation needs: field operations, modulus, conjugate and `exp(iθ)`.
/// - Tolerance: IEEE double arithmetic; `magnitude` uses `hypot` (no intermediate overflow).
public struct Complex: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Real part.
    public var re: Double
    /// Imaginary part.
    public var im: Double

    /// `re + i·im`.
    @inlinable public init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    /// 0.
    public static let zero = Complex(0, 0)
    /// 1.
    public static let one = Complex(1, 0)

    /// `cos θ + i sin θ`.
    @inlinable public static func unit(angle theta: Double) -> Complex { Complex(cos(theta), sin(theta)) }

    /// |z| without intermediate overflow.
    @inlinable public var magnitude: Double { hypot(re, im) }
    /// |z|², cheap.
    @inlinable public var magnitudeSquared: Double { re * re + im * im }
    /// The complex conjugate.
    @inlinable public var conjugate: Complex { Complex(re, -im) }
    /// Both parts finite.
    @inlinable public var isFinite: Bool { re.isFinite && im.isFinite }

    /// Sum.
    @inlinable public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    /// Difference.
    @inlinable public static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    /// Negation.
    @inlinable public static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }
    /// Product.
    @inlinable public static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    /// Real scaling.
    @inlinable public static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    /// Division by Smith's algorithm (no overflow for representable quotients).
    @inlinable public static func / (a: Complex, b: Complex) -> Complex {
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re, d = b.re + b.im * r
            return Complex((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        }
        let r = b.re / b.im, d = b.re * r + b.im
        return Complex((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }
    /// In-place sum.
    @inlinable public static func += (a: inout Complex, b: Complex) { a = a + b }
    /// In-place difference.
    @inlinable public static func -= (a: inout Complex, b: Complex) { a = a - b }
    /// In-place product.
    @inlinable public static func *= (a: inout Complex, b: Complex) { a = a * b }

    /// `a+bi`.
    public var description: String { im >= 0 ? "\(re)+\(im)i" : "\(re)\(im)i" }
}
