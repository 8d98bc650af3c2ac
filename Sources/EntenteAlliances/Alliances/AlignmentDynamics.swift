import Foundation

/// One period of the logit-response dynamics with consent of an ``AlignmentGame``, for a given rationality β:
/// the column-stochastic transition over structures, stored move by move.
///
/// - Complexity: building O(moves·n); one application O(moves + structures).
public struct AlignmentKernel: Sendable {
    /// Rationality β, in units of the game's ``AlignmentGame/payoffScale``.
    public let rationality: Double
    let from: [Int32]
    let to: [Int32]
    let probability: [Double]
    let stay: [Double]

    /// Applies one period: `y = M x` (x a distribution over structures). O(moves + structures).
    public func apply(_ x: [Double], into y: inout [Double]) {
        for s in x.indices { y[s] = stay[s] * x[s] }
        for m in probability.indices { y[Int(to[m])] += probability[m] * x[Int(from[m])] }
    }
}

/// An equilibrium structure of the alliance game, verified.
public struct StableStructure: Sendable, Equatable {
    /// Structure index in the game.
    public let index: Int
    /// Blocks of actor indices (alliances have two or more members; singletons stay out).
    public let blocks: [[Int]]
    /// Payoff of each actor.
    public let payoffs: [Double]
    /// Largest gain of a consented unilateral move (≤ the tolerance).
    public let regret: Double
    /// A coalition whose members all gain by forming it (nil: the structure is also core-stable).
    public let blockingCoalition: [Int]?
    /// Long-run probability of the structure under the logit dynamics.
    public let probability: Double
    /// Core-stable: no coalition deviation (Konishi–Ray effectivity) gains for all its members.
    public var coreStable: Bool { blockingCoalition == nil }
}

/// The solution of an alliance game: every equilibrium structure (complete: all structures are checked), the
/// long-run distribution and the dyad probabilities it implies.
public struct AlignmentSolution: Sendable {
    /// Rationality β used for the probabilities.
    public let rationality: Double
    /// Tolerance on regret (absolute, payoff units).
    public let tolerance: Double
    /// All individually stable structures, most probable first.
    public let equilibria: [StableStructure]
    /// Long-run probability of every structure (indexed like the game's structures).
    public let longRun: [Double]
    /// The most probable structure in the long run.
    public let modalStructure: Int
    /// P(i and j allied), symmetric, zero diagonal.
    public let allied: Matrix
    /// P(i and j on the same side of a general war), symmetric, unit diagonal.
    public let sameSide: Matrix
    /// Residual ‖Mπ − π‖₁ of the long-run distribution.
    public let residual: Double
}

extension AlignmentGame {
    /// The transition kernel for rationality β ≥ 0 (β = 0: uniform random moves). O(moves·n).
    public func kernel(rationality beta: Double) throws(AllianceGameError) -> AlignmentKernel {
        guard beta.isFinite, beta >= 0, beta <= 1e6 else {
            throw .invalidParameter(name: "rationality", value: beta, range: "[0, 1e6]")
        }
        let b = beta / payoffScale
        func sigma(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }
        let pick = 1 / Double(n * n)
        var prob = [Double](repeating: 0, count: moveFrom.count)
        var stay = [Double](repeating: 1, count: structureCount)
        for m in prob.indices {
            let s = Int(moveFrom[m]), d = Int(moveTo[m]), i = Int(moveMover[m])
            var p = pick * sigma(b * (payoffTable[d * n + i] - payoffTable[s * n + i]))
            var r = moveReceivers[m]
            while r != 0 {
                let j = r.trailingZeroBitCount
                r &= r - 1
                p *= sigma(b * (payoffTable[d * n + j] - payoffTable[s * n + j]))
            }
            prob[m] = p
            stay[s] -= p
        }
        return AlignmentKernel(rationality: beta, from: moveFrom, to: moveTo, probability: prob, stay: stay)
    }

    /// Evolves a distribution over structures for `periods` ≥ 0 periods (a fractional part mixes the last
    /// period in: x ← (1 − f)x + f·Mx). O(periods·(moves + structures)).
    public func evolve(_ distribution: [Double], kernel: AlignmentKernel, periods: Double) -> [Double] {
        var x = distribution
        var y = x
        var left = periods
        while left >= 1 {
            kernel.apply(x, into: &y)
            swap(&x, &y)
            left -= 1
        }
        if left > 0 {
            kernel.apply(x, into: &y)
            for s in x.indices { x[s] = (1 - left) * x[s] + left * y[s] }
        }
        return x
    }

    /// The stationary distribution of the kernel: dense LU on (I − M) with the normalisation Σπ = 1 up to
    /// ``denseStationaryLimit`` structures, checked by one application of M, then power iteration (at most
    /// `maxIterations`) until ‖Mπ − π‖₁ < 1e-12. Throws ``AllianceGameError/notConverged(what:)`` if the residual is
    /// still above 1e-8 (chains that are nearly reducible at very large β). Returns the distribution and residual.
    public func longRunDistribution(kernel: AlignmentKernel, maxIterations: Int = 20_000) throws -> (
        distribution: [Double], residual: Double
    ) {
        let count = structureCount
        var pi = [Double](repeating: 1 / Double(count), count: count)
        if count <= AlignmentGame.denseStationaryLimit {
            var a = Matrix(rows: count, columns: count)
            for s in 0..<count { a[s, s] = 1 - kernel.stay[s] }
            for m in kernel.probability.indices {
                a[Int(kernel.to[m]), Int(kernel.from[m])] -= kernel.probability[m]
            }
            for c in 0..<count { a[count - 1, c] = 1 }
            var rhs = [Double](repeating: 0, count: count)
            rhs[count - 1] = 1
            if let lu = try? LUFactorization(a), let x = try? lu.solve(rhs), x.allSatisfy(\.isFinite) {
                pi = x.map { Swift.max(0, $0) }
                let total = pi.reduce(0, +)
                if total > 0 { pi = pi.map { $0 / total } }
            }
        }
        // Check the direct solution by one application; where it failed (nearly reducible chains at large β) or
        // beyond the dense limit, iterate.
        var next = pi
        var residual = Double.infinity
        var iteration = 0
        while iteration < maxIterations {
            kernel.apply(pi, into: &next)
            residual = 0
            for s in 0..<count { residual += abs(next[s] - pi[s]) }
            if residual < 1e-12 { break }
            swap(&pi, &next)
            iteration += 1
        }
        guard pi.allSatisfy(\.isFinite) else { throw AllianceGameError.nonFinite("long-run distribution") }
        guard residual <= 1e-8 else {
            throw AllianceGameError.notConverged(
                what:
                    "long-run distribution (residual \(residual) after \(iteration) iterations; lower the rationality β)"
            )
        }
        return (pi, residual)
    }

    /// P(allied) and P(same side) for every pair under a distribution over structures. O(structures·n²).
    public func dyadProbabilities(_ distribution: [Double]) -> (allied: Matrix, sameSide: Matrix) {
        var allied = Matrix(rows: n, columns: n)
        var same = Matrix(rows: n, columns: n)
        for s in 0..<structureCount where distribution[s] > 0 {
            let w = distribution[s]
            let base = s * n * n
            for i in 0..<n {
                let li = labelTable[s * n + i]
                for j in (i + 1)..<Swift.max(i + 1, n) {
                    if labelTable[s * n + j] == li { allied[i, j] += w }
                    same[i, j] += w * Double(sameSideTable[base + i * n + j])
                }
            }
        }
        for i in 0..<n {
            same[i, i] = 1
            for j in (i + 1)..<Swift.max(i + 1, n) { allied[j, i] = allied[i, j]; same[j, i] = same[i, j] }
        }
        return (allied, same)
    }

    /// Solves the game: every equilibrium structure (all Bell(n) structures are checked, so the list is
    /// complete), each verified (regret ≤ tolerance·payoffScale) and tested for coalitional deviations; the
    /// long-run distribution for rationality β and its dyad probabilities.
    public func solve(rationality: Double = 10, tolerance: Double = AlignmentGame.defaultTolerance) throws
        -> AlignmentSolution
    {
        guard tolerance.isFinite, tolerance >= 0, tolerance < 1 else {
            throw AllianceGameError.invalidParameter(name: "tolerance", value: tolerance, range: "[0, 1)")
        }
        let k = try kernel(rationality: rationality)
        let (pi, residual) = try longRunDistribution(kernel: k)
        let absolute = tolerance * payoffScale
        var equilibria: [StableStructure] = []
        for s in 0..<structureCount {
            let r = regret(ofStructure: s, tolerance: absolute)
            guard r <= absolute else { continue }
            let u = payoffs(ofStructure: s)
            guard u.allSatisfy(\.isFinite) else { continue }
            equilibria.append(
                StableStructure(
                    index: s, blocks: blocks(ofStructure: s), payoffs: u, regret: r,
                    blockingCoalition: coalitionalDeviation(fromStructure: s, tolerance: absolute),
                    probability: pi[s]))
        }
        equilibria.sort { $0.probability != $1.probability ? $0.probability > $1.probability : $0.index < $1.index }
        let modal = pi.indices.max { pi[$0] != pi[$1] ? pi[$0] < pi[$1] : $0 > $1 } ?? 0
        let (allied, same) = dyadProbabilities(pi)
        return AlignmentSolution(
            rationality: rationality, tolerance: absolute, equilibria: equilibria, longRun: pi,
            modalStructure: modal, allied: allied, sameSide: same, residual: residual)
    }
}
