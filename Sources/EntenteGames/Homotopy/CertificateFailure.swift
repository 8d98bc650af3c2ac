import Foundation

/// Why an isolated equilibrium returned by ``HomotopyEnumeration`` has no interval certificate.
///
/// The Krawczyk test (Krawczyk 1969; Moore 1977) proves that a box holds exactly one zero of the support system, so it
/// needs the Jacobian to be nonsingular at the zero. At a multiple (singular) isolated root no box can pass: the
/// root is not a simple zero, and interval methods can prove only that a nearby perturbed system has a multiple
/// root (Rump & Graillat 2010), not that this system has one. Such an equilibrium is still verified (its regret is
/// below the stated tolerance) but carries no proof that a true equilibrium lies within a stated radius.
public enum CertificateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Jacobian of the support system is singular at the point, so the equilibrium is a multiple root of its
    /// support system: homotopy paths ended there as singular endpoints, or the smallest singular value divided by
    /// the largest, `reciprocalCondition`, is ≤ 1e-10 at the polished point (at a multiple root Newton's method
    /// converges only linearly, so the polished point's ratio may stay well above 1e-10).
    case singularJacobian(reciprocalCondition: Double)
    /// The Jacobian is nonsingular (ratio of extreme singular values `reciprocalCondition`) but no box of radius up
    /// to 1e-4 passed the Krawczyk test (ill-conditioning, or a root too close to another).
    case noContraction(reciprocalCondition: Double)
    /// The indifference equations could not be evaluated in finite interval arithmetic at the point.
    case nonFiniteEvaluation

    /// One line for reports.
    public var description: String {
        switch self {
        case .singularJacobian(let r):
            return
                "singular Jacobian of the support system (σmin/σmax = \(shortScientific(r))): a multiple root, which the Krawczyk test cannot isolate"
        case .noContraction(let r):
            return
                "the Krawczyk operator did not contract on any box of radius up to 1e-4 (σmin/σmax = \(shortScientific(r)))"
        case .nonFiniteEvaluation:
            return "the support system overflowed in interval arithmetic at this point"
        }
    }

    private func shortScientific(_ x: Double) -> String { String(format: "%.1e", x) }
}
