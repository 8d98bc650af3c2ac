import CLAPACKE
import Foundation

/// Path statistics of one support profile solved by homotopy continuation.
public struct SupportPathReport: Sendable {
    /// Support (sorted strategy indices, 0-based) per player.
    public let supports: [[Int]]
    /// Number of homotopy paths (the multihomogeneous Bézout number of the support system).
    public let paths: Int
    /// Paths ending at finite, nonsingular solutions.
    public let finite: Int
    /// Paths ending at finite singular solutions (multiple roots or points of positive-dimensional solution sets).
    public let singular: Int
    /// Paths ending at infinity (no probability profile).
    public let atInfinity: Int
    /// Paths whose tracking or endgame failed.
    public let failed: Int
    /// Distinct equilibria found on this support.
    public let equilibria: Int
}

/// A positive-dimensional set of equilibria: all share one support, the solution set of its indifference system
/// has local dimension `dimension` there (the corank of the Jacobian at the samples, confirmed by moving along a null
/// direction and projecting back), and `samples` are verified equilibria on it or in its closure (equilibria with
/// smaller supports that are limits of its points are listed here, not as isolated equilibria). Pieces with different
/// supports may belong to one connected component of the equilibrium set.
public struct EquilibriumComponent: Sendable {
    /// Support per player.
    public let supports: [[Int]]
    /// Estimated dimension (≥ 1).
    public let dimension: Int
    /// Verified equilibria on the component.
    public let samples: [NashEquilibrium]
}

/// The result of ``HomotopyEnumeration``: the verified isolated equilibria, their certificates, the components
/// of equilibria, and an account of every path.
public struct HomotopyEnumerationResult: Sendable {
    /// Isolated equilibria (verified), method "homotopy"; `complete` as described in ``HomotopyEnumeration``.
    public let result: NashResult
    /// `certificates[k]` for `result.equilibria[k]`: a Krawczyk box, or nil when the test failed there.
    public let certificates: [IntervalCertificate?]
    /// Exact rational certificates where the equilibrium has small denominators (nil otherwise).
    public let exact: [ExactProfileCertificate?]
    /// `uncertified[k]` says why `result.equilibria[k]` has no Krawczyk box (nil when it has one): above all a
    /// singular Jacobian of its support system (a multiple root).
    public let uncertified: [CertificateFailure?]
    /// Positive-dimensional sets of equilibria.
    public let components: [EquilibriumComponent]
    /// One report per support profile that reached the homotopy stage.
    public let supports: [SupportPathReport]
    /// Support profiles after iterated strict dominance (saturating at Int.max).
    public let supportProfiles: Int
    /// Support profiles visited (pruned ones included): fewer than `supportProfiles` when a limit or a stop cut
    /// the enumeration.
    public let visitedSupportProfiles: Int
    /// Support profiles skipped because a support strategy is conditionally dominated.
    public let prunedSupports: Int
    /// Strategies surviving iterated strict dominance, per player.
    public let surviving: [[Int]]

    /// Total paths tracked.
    public var paths: Int { supports.reduce(0) { $0 + $1.paths } }
    /// Paths that failed (non-zero means `complete` is false).
    public var failedPaths: Int { supports.reduce(0) { $0 + $1.failed } }
}

/// Every isolated Nash equilibrium of an n-player normal-form game by support enumeration and polynomial homotopy
/// continuation (Datta 2003; McKelvey & McLennan 1997; Porter, Nudelman & Shoham 2008 for the support order and
/// pruning; the homotopy of `LinearProductHomotopy` after Morgan & Sommese 1987 and Sommese & Wampler 2005).
///
/// 1. Strictly dominated strategies are removed iteratively (``IteratedStrictDominance``).
/// 2. Support profiles are visited smallest and most balanced first; a profile is skipped when some support strategy
///    is conditionally strictly dominated given the others' supports (Porter, Nudelman & Shoham 2008).
/// 3. Pure profiles are checked directly; a profile with one mixing player is linear (its indifference equations are
///    constants); otherwise the support system is solved completely by homotopy continuation.
/// 4. Real, non-negative finite solutions are polished by Newton's method on the real system, checked against
///    every strategy (best responses), verified by ``EquilibriumVerifier`` in the original game and certified by
///    the Krawczyk test (an ``IntervalCertificate``). Singular solutions are examined: a local dimension test
///    separates positive-dimensional solution sets (reported as ``EquilibriumComponent``s with verified samples)
///    from isolated singular roots. An isolated singular root is a verified equilibrium but gets no Krawczyk box (the
///    test needs a regular Jacobian); `uncertified` says so, with the Jacobian's σmin/σmax, for each such equilibrium.
///
/// `complete` is true only when every path of every support ended at a classified endpoint (finite, singular and
/// resolved, or at infinity), every positive-dimensional set met was sampled, and no limit
/// (`maxVisitedSupportProfiles`, `maxPaths`) or stop intervened. Then
/// the list contains every isolated equilibrium (up to the numerical tolerances below).
/// - Complexity: exponential in the number of strategies: Π (2^{sᵢ} − 1) support profiles, each with up to its
///   multihomogeneous Bézout number of paths (10 for a 3×3×3 totally mixed profile, McKelvey & McLennan 1997).
/// - Tolerance: imaginary parts ≤ 1e-7 count as real, probabilities ≥ −1e-9 as non-negative; equilibria are
///   verified with regret ≤ `tolerance × max(1, payoff range)`.
public enum HomotopyEnumeration {
    /// Default cap on support profiles.
    public static let defaultMaxSupportProfiles = 200_000
    /// Default cap on paths per support profile.
    public static let defaultMaxPaths = 100_000

    /// Options of the enumeration.
    public struct Options: Sendable {
        /// Refuse (`.tooLarge`) games with more support profiles than this after strict dominance, unless
        /// `maxVisitedSupportProfiles` is set.
        public var maxSupportProfiles = HomotopyEnumeration.defaultMaxSupportProfiles
        /// Refuse support systems with more paths than this (the support is reported failed, `complete` false).
        public var maxPaths = HomotopyEnumeration.defaultMaxPaths
        /// Visit at most this many support profiles (in the order of step 2, pruned ones included), then stop with
        /// `complete` false if profiles remain; nil visits all. With a limit, games of any size may be started.
        public var maxVisitedSupportProfiles: Int? = nil
        /// Seed of the random γ, patches and start systems (results do not depend on it, up to tolerances).
        public var seed: UInt64 = 20_260_001
        /// Default options.
        public init() {}
    }

    /// Runs the enumeration; `shouldStop` is polled per support and per path, `progress` receives a line now and then.
    public static func solve(
        _ game: NormalFormGame, tolerance: Double = EquilibriumVerifier.defaultTolerance,
        options: Options = Options(), shouldStop: () -> Bool = { false },
        progress: (String) -> Void = { _ in }
    ) throws(EquilibriumError) -> HomotopyEnumerationResult {
        try EquilibriumVerifier.checkTolerance(tolerance)
        guard options.maxSupportProfiles >= 1 else {
            throw .invalidLimit(value: options.maxSupportProfiles, minimum: 1)
        }
        guard options.maxPaths >= 1 else { throw .invalidLimit(value: options.maxPaths, minimum: 1) }
        if let limit = options.maxVisitedSupportProfiles, limit < 1 { throw .invalidLimit(value: limit, minimum: 1) }
        let tolAbs = EquilibriumVerifier.absoluteTolerance(tolerance, for: game)
        let scaled = game.scaledForSolving()
        let alive = IteratedStrictDominance.surviving(scaled)
        // Number of support profiles Π (2^kᵢ − 1), saturating at Int.max.
        var profileCount = 1
        for a in alive {
            let (p, o) = profileCount.multipliedReportingOverflow(by: a.count < 62 ? (1 << a.count) - 1 : Int.max)
            profileCount = o ? Int.max : p
        }
        // Without a visiting limit the whole enumeration must fit under the profile cap; with one, only the profiles
        // visited are ever generated, so any game can be started.
        let visitLimit = options.maxVisitedSupportProfiles
        if visitLimit == nil && profileCount > options.maxSupportProfiles {
            throw .tooLarge(size: profileCount, limit: options.maxSupportProfiles)
        }
        let toVisit = min(profileCount, visitLimit ?? Int.max)
        var state = EnumerationState(game: game, scaled: scaled, tolerance: tolAbs, options: options)
        var stopped = false
        var pruned = 0
        var visited = 0
        var lastReport = Date()
        for supports in SupportProfileOrder(candidates: alive) {
            if visited == toVisit { break }
            if shouldStop() { stopped = true; break }
            if Date().timeIntervalSince(lastReport) >= 1 {
                lastReport = Date()
                progress(
                    "homotopy: \(visited)/\(toVisit) support profiles, \(state.found.count) equilibria, \(state.reports.reduce(0) { $0 + $1.paths }) paths"
                )
            }
            visited += 1
            if conditionallyDominated(scaled, supports: supports, alive: alive) { pruned += 1; continue }
            if !state.solve(supports: supports, shouldStop: shouldStop) { stopped = true; break }
        }
        if !stopped && visited < profileCount {
            state.markIncomplete("stopped after \(visited) of \(profileCount) support profiles (support-profile limit)")
        }
        if !stopped { state.attachBoundaryPoints() }
        var reason: String? = nil
        if stopped { reason = "stopped (timeout or interrupt)" } else if let r = state.incompleteReason { reason = r }
        let result = NashResult(
            method: .homotopy, complete: reason == nil, equilibria: state.found.map(\.equilibrium),
            tolerance: tolAbs, incompleteReason: reason)
        return HomotopyEnumerationResult(
            result: result, certificates: state.found.map(\.certificate), exact: state.found.map(\.exact),
            uncertified: state.found.map(\.uncertified), components: state.components, supports: state.reports,
            supportProfiles: profileCount, visitedSupportProfiles: visited, prunedSupports: pruned, surviving: alive)
    }

    /// Porter–Nudelman–Shoham conditional dominance: some support strategy of some player is strictly dominated by
    /// another surviving strategy against every profile of the others' supports.
    static func conditionallyDominated(_ game: NormalFormGame, supports: [[Int]], alive: [[Int]]) -> Bool {
        for i in 0..<game.playerCount {
            for s in supports[i] {
                for t in alive[i] where t != s {
                    if IteratedStrictDominance.dominates(game, player: i, t, s, within: supports, margin: 0) {
                        return true
                    }
                }
            }
        }
        return false
    }
}

/// Mutable bookkeeping of one enumeration run.
struct EnumerationState {
    struct Found {
        var equilibrium: NashEquilibrium
        var certificate: IntervalCertificate?
        var uncertified: CertificateFailure?
        var exact: ExactProfileCertificate?
        var supports: [[Int]]
    }

    let game: NormalFormGame
    let scaled: NormalFormGame
    let tolerance: Double
    let options: HomotopyEnumeration.Options
    var found: [Found] = []
    var components: [EquilibriumComponent] = []
    var reports: [SupportPathReport] = []
    var incompleteReason: String? = nil
    var generator: SeededGenerator

    init(game: NormalFormGame, scaled: NormalFormGame, tolerance: Double, options: HomotopyEnumeration.Options) {
        self.game = game
        self.scaled = scaled
        self.tolerance = tolerance
        self.options = options
        generator = SeededGenerator(seed: options.seed)
    }

    mutating func markIncomplete(_ reason: String) { if incompleteReason == nil { incompleteReason = reason } }

    /// Adds a verified isolated equilibrium unless already known; returns whether it was new.
    @discardableResult
    /// `singular`: the point is the limit of singular path endpoints (a multiple root), so a failed certificate is
    /// reported as a singular Jacobian whatever the polished point's condition number.
    mutating func add(_ sigma: [[Double]], supports: [[Int]], singular: Bool = false) -> Bool {
        guard let e = try? EquilibriumVerifier.verify(MixedProfile(unchecked: sigma), in: game, tolerance: tolerance)
        else { return false }
        if found.contains(where: { ProfileDistance.max($0.equilibrium.profile, e.profile) < 1e-7 }) { return false }
        var certificate: IntervalCertificate? = nil, failure: CertificateFailure? = nil
        switch KrawczykTest.certify(game: game, supports: supports, profile: sigma) {
        case .success(let c): certificate = c
        case .failure(let f):
            if singular, case .noContraction(let r) = f {
                failure = .singularJacobian(reciprocalCondition: r)
            } else {
                failure = f
            }
        }
        // A multiple root is located only to about the square root of the residual (≈ 1e-6 here), and paths reaching
        // it may end as regular or singular: an uncertified point within 1e-5 of a known equilibrium is that
        // equilibrium, and a certified point replaces uncertified copies of itself within 1e-5.
        let near = found.indices.filter { ProfileDistance.max(found[$0].equilibrium.profile, e.profile) < 1e-5 }
        if certificate == nil && !near.isEmpty { return false }
        if certificate != nil {
            let copies = Set(near.filter { found[$0].certificate == nil })
            found = found.indices.filter { !copies.contains($0) }.map { found[$0] }
        }
        found.append(
            Found(
                equilibrium: e, certificate: certificate, uncertified: failure,
                exact: ExactProfileCertificate.certify(sigma, in: game), supports: supports))
        return true
    }

    /// Solves one support profile; false when stopped.
    mutating func solve(supports: [[Int]], shouldStop: () -> Bool) -> Bool {
        let system = SupportSystem(game: scaled, supports: supports)
        let counts = game.strategyCounts
        switch system.active.count {
        case 0:
            add(system.profile([], strategyCounts: counts), supports: supports)
            return true
        case 1:
            solveLinear(system)
            return true
        default:
            break
        }
        var homotopy = LinearProductHomotopy(system: system, using: &generator)
        let count = homotopy.startSolutionCount(limit: options.maxPaths + 1)
        if count > options.maxPaths {
            reports.append(
                SupportPathReport(
                    supports: supports, paths: count, finite: 0, singular: 0, atInfinity: 0, failed: count,
                    equilibria: 0))
            markIncomplete("a support system has more than \(options.maxPaths) paths")
            return true
        }
        var finite = 0, singular = 0, infinite = 0, failed = 0
        var singularPoints: [[Double]] = []
        let before = found.count
        var outcomes: [LinearProductHomotopy.Outcome] = []
        // Up to three independent homotopies (new γ, patches and start system): a run with a path that still fails
        // after retracking is discarded as a whole, so the paths reported all belong to one homotopy.
        for attempt in 0..<3 {
            if attempt > 0 { homotopy = LinearProductHomotopy(system: system, using: &generator) }
            let starts = homotopy.startSolutions()
            failed = count - starts.count
            outcomes = []
            for start in starts {
                if shouldStop() { return false }
                outcomes.append(homotopy.solve(start: start))
            }
            // Failed paths are retracked with smaller steps (and proportionally more of them).
            for scale in [0.1, 0.01] {
                let failures = outcomes.indices.filter {
                    if case .failed = outcomes[$0] { return true } else { return false }
                }
                if failures.isEmpty { break }
                homotopy.stepScale = scale
                for k in failures {
                    if shouldStop() { return false }
                    outcomes[k] = homotopy.solve(start: starts[k])
                }
                homotopy.stepScale = 1
            }
            // Two paths at one nonsingular root means a path jumped: retrack both with smaller steps, twice.
            for scale in [0.05, 0.005] {
                let clashes = duplicates(outcomes)
                if clashes.isEmpty { break }
                homotopy.stepScale = scale
                for k in clashes {
                    if shouldStop() { return false }
                    outcomes[k] = homotopy.solve(start: starts[k])
                }
                homotopy.stepScale = 1
            }
            for k in duplicates(outcomes) { outcomes[k] = .failed }
            let clean = failed == 0 && !outcomes.contains { if case .failed = $0 { return true } else { return false } }
            if clean { break }
        }
        for outcome in outcomes {
            switch outcome {
            case .failed:
                failed += 1
            case .infinite:
                infinite += 1
            case .finite(let z, let isSingular):
                let sigma = homotopy.normalised(z)
                if isSingular {
                    singular += 1
                    singularPoints.append(sigma.map(\.re))
                    continue
                }
                finite += 1
                guard sigma.allSatisfy({ abs($0.im) <= 1e-7 }) else { continue }
                var profile = system.profile([], strategyCounts: counts)
                for (g, i) in system.active.enumerated() {
                    for (t, s) in supports[i].enumerated() { profile[i][s] = sigma[system.groupOffset[g] + t].re }
                }
                guard profile.joined().allSatisfy({ $0 >= -1e-7 }) else { continue }
                if let x = newton(system, start: system.affineUnknowns(profile)) {
                    let p = system.profile(x, strategyCounts: counts)
                    if p.joined().allSatisfy({ $0 >= -1e-9 }) {
                        add(p.map { $0.map { max(0, $0) } }, supports: supports)
                    }
                }
            }
        }
        if !singularPoints.isEmpty { examineSingular(system, points: singularPoints) }
        if failed > 0 { markIncomplete("\(failed) homotopy path(s) failed") }
        reports.append(
            SupportPathReport(
                supports: supports, paths: count, finite: finite, singular: singular, atInfinity: infinite,
                failed: failed, equilibria: found.count - before))
        return true
    }

    /// Moves equilibria that lie on a component or in its closure into that component: when the equilibrium's own
    /// support (probabilities > 1e-9, whatever support system found it) lies within the component's support and, from
    /// the equilibrium e towards some verified sample c, the points e + δ(c − e) (δ = 10⁻³, 10⁻⁵) projected onto the
    /// component's solution set are verified equilibria within 2δ‖c − e‖ of the segment, e is not isolated.
    mutating func attachBoundaryPoints() {
        guard !components.isEmpty else { return }
        var keep: [Found] = []
        for f in found {
            var attached = false
            for (ci, c) in components.enumerated() where !attached {
                let own = f.equilibrium.profile.probabilities.map { p in p.indices.filter { p[$0] > 1e-9 } }
                guard zip(own, c.supports).allSatisfy({ Set($0).isSubset(of: Set($1)) }) else { continue }
                let system = SupportSystem(game: scaled, supports: c.supports)
                for sample in c.samples where !attached {
                    let e = f.equilibrium.profile.probabilities, target = sample.profile.probabilities
                    var ok = true
                    for delta in [1e-3, 1e-5] where ok {
                        let y = zip(e, target).map { a, b in zip(a, b).map { $0 + delta * ($1 - $0) } }
                        let spread = zip(e, target).map { a, b in zip(a, b).map { abs($1 - $0) }.max() ?? 0 }.max() ?? 0
                        guard spread > 0, let x = project(system, start: system.affineUnknowns(y)) else {
                            ok = false; break
                        }
                        let p = system.profile(x, strategyCounts: game.strategyCounts)
                        let distance = zip(p, y).map { a, b in zip(a, b).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
                        guard distance <= 2 * delta * spread, p.joined().allSatisfy({ $0 >= -1e-12 }),
                            (try? EquilibriumVerifier.verify(
                                MixedProfile(unchecked: p.map { $0.map { max(0, $0) } }), in: game,
                                tolerance: tolerance)) != nil
                        else { ok = false; break }
                    }
                    if ok {
                        attached = true
                        let known = c.samples.contains {
                            ProfileDistance.max($0.profile, f.equilibrium.profile) < 1e-7
                        }
                        components[ci] = EquilibriumComponent(
                            supports: c.supports, dimension: c.dimension,
                            samples: known ? c.samples : c.samples + [f.equilibrium])
                    }
                }
            }
            if !attached { keep.append(f) }
        }
        found = keep
    }

    /// Indices of paths whose nonsingular endpoints coincide with another path's (within 1e-8 relative). O(paths²·N).
    func duplicates(_ outcomes: [LinearProductHomotopy.Outcome]) -> [Int] {
        var points: [(Int, [Complex])] = []
        for (k, o) in outcomes.enumerated() { if case .finite(let z, false) = o { points.append((k, z)) } }
        var clash = Set<Int>()
        for a in 0..<points.count {
            for b in (a + 1)..<points.count {
                let (ka, za) = points[a], (kb, zb) = points[b]
                if LinearProductHomotopy.norm(zip(za, zb).map { $0 - $1 }) < 1e-8 * (1 + LinearProductHomotopy.norm(za))
                {
                    clash.insert(ka)
                    clash.insert(kb)
                }
            }
        }
        return clash.sorted()
    }

    /// Newton's method on the real affine system; nil unless the residual falls below 1e-13.
    func newton(_ system: SupportSystem, start: [Double]) -> [Double]? {
        var x = start
        let m = system.affineCount
        for _ in 0..<30 {
            let (f, j) = system.affine(x)
            if Vector.normInf(f) <= 1e-14 { return x }
            guard let lu = try? LUFactorization(Matrix(rows: m, columns: m, columnMajor: j)), let d = try? lu.solve(f)
            else { return nil }
            for k in 0..<m { x[k] -= d[k] }
            if Vector.normInf(d) <= 1e-15 * (1 + Vector.normInf(x)) {
                return Vector.normInf(system.affine(x).f) <= 1e-12 ? x : nil
            }
        }
        return Vector.normInf(system.affine(x).f) <= 1e-12 ? x : nil
    }

    /// Gauss–Newton with minimum-norm steps (LAPACK least squares) onto the real solution set; nil if it does not
    /// converge to residual 1e-12.
    func project(_ system: SupportSystem, start: [Double]) -> [Double]? {
        var x = start
        let m = system.affineCount
        for _ in 0..<60 {
            let (f, j) = system.affine(x)
            if Vector.normInf(f) <= 1e-13 { return x }
            guard let s = try? LeastSquares.solve(Matrix(rows: m, columns: m, columnMajor: j), f, rcond: 1e-9) else {
                return nil
            }
            for k in 0..<m { x[k] -= s.x[k] }
            guard x.allSatisfy(\.isFinite) else { return nil }
        }
        return Vector.normInf(system.affine(x).f) <= 1e-12 ? x : nil
    }

    /// Right singular vectors of the real affine Jacobian for singular values ≤ 1e-7 × the largest.
    func nullVectors(_ system: SupportSystem, at x: [Double]) -> [[Double]] {
        let m = system.affineCount
        var a = system.affine(x).jacobian
        var s = [Double](repeating: 0, count: m), u = [Double](repeating: 0, count: 1),
            vt = [Double](repeating: 0, count: m * m)
        var superb = [Double](repeating: 0, count: max(1, m))
        let mm = Int32(m)
        let info = LAPACKE_dgesvd(LAPACK_COL_MAJOR, 78, 65, mm, mm, &a, mm, &s, &u, 1, &vt, mm, &superb)
        guard info == 0 else { return [] }
        let top = s.first ?? 0
        return (0..<m).filter { s[$0] <= 1e-7 * max(top, 1e-300) }.map { r in (0..<m).map { vt[r + $0 * m] } }
    }

    /// Singular endpoints: project real parts (and interior sample points) onto the real solution set, run the local
    /// dimension test, and report components or isolated singular equilibria.
    mutating func examineSingular(_ system: SupportSystem, points: [[Double]]) {
        let counts = game.strategyCounts
        var starts: [[Double]] = []
        for sigma in points {
            var profile = system.profile([], strategyCounts: counts)
            for (g, i) in system.active.enumerated() {
                for (t, s) in system.supports[i].enumerated() { profile[i][s] = sigma[system.groupOffset[g] + t] }
            }
            starts.append(system.affineUnknowns(profile))
        }
        // Interior points of the support face: the barycentre and a few seeded random ones.
        var bary = system.profile([], strategyCounts: counts)
        for i in system.active { for s in system.supports[i] { bary[i][s] = 1 / Double(system.supports[i].count) } }
        starts.append(system.affineUnknowns(bary))
        for _ in 0..<4 {
            var r = system.profile([], strategyCounts: counts)
            for i in system.active {
                let w = system.supports[i].map { _ in Double.random(in: 0.05...1, using: &generator) }
                let total = w.reduce(0, +)
                for (k, s) in system.supports[i].enumerated() { r[i][s] = w[k] / total }
            }
            starts.append(system.affineUnknowns(r))
        }
        var samples: [NashEquilibrium] = []
        var dimension = 0
        var unresolved = false
        var realPointFound = false
        var flat: (point: [Double], directions: [[Double]])? = nil
        for (k, x0) in starts.enumerated() {
            guard let x = project(system, start: x0) else { if k < points.count { unresolved = true }; continue }
            realPointFound = true
            let nulls = nullVectors(system, at: x)
            var positiveDimensional = false
            if let v = nulls.first {
                let delta = 1e-3
                if let y = project(system, start: zip(x, v).map { $0 + delta * $1 }),
                    Vector.normInf(zip(x, y).map { $0 - $1 }) > delta / 2
                {
                    positiveDimensional = true
                    if flat == nil { flat = (x, nulls) }
                }
            }
            let p = system.profile(x, strategyCounts: counts)
            guard p.joined().allSatisfy({ $0 >= -1e-9 }) else { continue }
            let clipped = p.map { $0.map { max(0, $0) } }
            if positiveDimensional {
                dimension = max(dimension, nulls.count)
                if let e = try? EquilibriumVerifier.verify(
                    MixedProfile(unchecked: clipped), in: game, tolerance: tolerance),
                    !samples.contains(where: { ProfileDistance.max($0.profile, e.profile) < 1e-6 })
                {
                    samples.append(e)
                }
            } else if nulls.isEmpty || k < points.count {
                add(clipped, supports: system.supports, singular: k < points.count)
            }
        }
        if dimension > 0 && !samples.isEmpty {
            components.append(EquilibriumComponent(supports: system.supports, dimension: dimension, samples: samples))
        } else if let f = flat, excludesEquilibria(system, point: f.point, directions: f.directions) {
            // Resolved: no point of this solution set is an equilibrium.
        } else if dimension > 0 || (unresolved && !realPointFound) {
            markIncomplete("a singular solution set of the support system could not be resolved")
        }
    }

    /// Whether a positive-dimensional solution set of a support system with exactly two mixing players provably holds
    /// no equilibrium. With two mixing players every indifference equation is affine in the other player's unknowns,
    /// so the solution set is an affine subspace through `point` spanned by the null `directions` of the Jacobian; a
    /// mixing player whose unknowns no direction moves is fixed on the whole set. The set holds no equilibrium when a
    /// fixed player has a negative probability, or when some player whose opponents' mixtures are all fixed (so its
    /// strategy payoffs are constant on the set) has a strategy outside its support that earns more than the support
    /// by more than the regret tolerance. O(profiles · n).
    func excludesEquilibria(_ system: SupportSystem, point: [Double], directions: [[Double]]) -> Bool {
        guard system.active.count == 2, !directions.isEmpty else { return false }
        var free = [Bool](repeating: false, count: 2)
        var offset = 0
        for g in 0..<2 {
            let range = offset..<(offset + system.groupSize[g] - 1)
            free[g] = directions.contains { v in range.contains { abs(v[$0]) > 1e-8 } }
            offset = range.upperBound
        }
        let p = system.profile(point, strategyCounts: game.strategyCounts)
        for g in 0..<2 where !free[g] {
            if p[system.active[g]].contains(where: { $0 < -1e-9 }) { return true }
        }
        var values: [[Double]] = []
        game.strategyValues(of: MixedProfile(unchecked: p), into: &values)
        for i in 0..<game.playerCount {
            let othersFixed = (0..<2).allSatisfy { g in system.active[g] == i || !free[g] }
            guard othersFixed else { continue }
            let base = values[i][system.supports[i][0]]
            for t in 0..<game.strategyCounts[i] where !system.supports[i].contains(t) {
                if values[i][t] - base > tolerance { return true }
            }
        }
        return false
    }

    /// One mixing player (the others pure): its indifference equations are constants. If they all vanish the whole
    /// face is indifferent; the equilibria on it form a polytope cut out by the pure players' best-response
    /// inequalities, found by a linear program maximising the smallest probability.
    mutating func solveLinear(_ system: SupportSystem) {
        let scale = 1e-12
        guard system.equations.allSatisfy({ $0.coefficients.allSatisfy { abs($0) <= scale } }) else { return }
        let i = system.active[0]
        let support = system.supports[i]
        let k = support.count
        // Variables: σ_i(support) and ε; maximise ε s.t. σ ≥ ε, Σσ = 1, pure players best respond.
        var rows: [[Double]] = [], bounds: [Double] = []
        for t in 0..<k {
            var r = [Double](repeating: 0, count: k + 1)
            r[t] = -1; r[k] = 1
            rows.append(r); bounds.append(0)
        }
        var profile = system.supports.map { $0[0] }
        for j in 0..<game.playerCount where j != i {
            let sj = system.supports[j][0]
            for t in 0..<game.strategyCounts[j] where t != sj {
                // Σ_s σ_i(s) (u_j(t, s) − u_j(sj, s)) ≤ 0
                var r = [Double](repeating: 0, count: k + 1)
                for (c, s) in support.enumerated() {
                    profile[i] = s
                    profile[j] = t
                    let a = scaled.payoff(player: j, profile: profile)
                    profile[j] = sj
                    r[c] = a - scaled.payoff(player: j, profile: profile)
                }
                rows.append(r); bounds.append(0)
            }
        }
        var eq = [Double](repeating: 1, count: k + 1)
        eq[k] = 0
        let aub = Matrix.fromRows(rows, columns: k + 1)
        guard
            let lp = try? LinearProgram(
                objective: [Double](repeating: 0, count: k) + [-1], inequalityMatrix: aub, inequalityBounds: bounds,
                equalityMatrix: Matrix.fromRows([eq], columns: k + 1), equalityBounds: [1],
                lowerBounds: [Double](repeating: 0, count: k + 1), upperBounds: [Double](repeating: 1, count: k + 1)),
            let sol = try? SimplexSolver().solve(lp), sol.status == .optimal || sol.status == .infeasible
        else { markIncomplete("a linear support system could not be solved"); return }
        // Infeasible: the pure players cannot all best respond to any mixture on the face.
        guard sol.status == .optimal else { return }
        guard sol.x[k] > 1e-9 else { return }
        var sigma = system.profile([], strategyCounts: game.strategyCounts)
        let total = sol.x[0..<k].reduce(0, +)
        for (c, s) in support.enumerated() { sigma[i][s] = sol.x[c] / total }
        if let e = try? EquilibriumVerifier.verify(MixedProfile(unchecked: sigma), in: game, tolerance: tolerance) {
            components.append(EquilibriumComponent(supports: system.supports, dimension: k - 1, samples: [e]))
        }
    }
}

extension Matrix {
    /// A column-major matrix from rows (internal helper).
    static func fromRows(_ rows: [[Double]], columns: Int) -> Matrix {
        var storage = [Double](repeating: 0, count: rows.count * columns)
        for (r, row) in rows.enumerated() { for c in 0..<columns { storage[r + c * rows.count] = row[c] } }
        return try! Matrix(rows: rows.count, columns: columns, columnMajor: storage)
    }
}
