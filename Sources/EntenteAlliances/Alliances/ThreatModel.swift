import Foundation

/// Walt's (1985, 1987) balance of threat as a matrix: `T[i ← j] = P_j · g(d_ij) · O_j · I_ij`.
///
/// P is aggregate power (CINC), g a proximity decay of the capital distance (0 for land-contiguous states,
/// Bennett & Stam 2000), O offensive emphasis (military share / CINC) and I intentions (1 for an active
/// rivalry, else ε; optionally the probability that j is power-acquiring). Each factor can be switched off
/// (set to 1) to show its effect. Complexity O(n²).
public struct ThreatModel: Sendable, Equatable {
    /// Proximity decay g(d).
    public enum Proximity: Sendable, Equatable {
        /// exp(−d/λ) (default; λ = ∞ means no decay).
        case exponential(lengthKm: Double)
        /// 1/(1 + d/λ).
        case hyperbolic(lengthKm: Double)
        /// g ≡ 1.
        case none

        func value(_ d: Double) -> Double {
            switch self {
            case .exponential(let l): return l.isInfinite ? 1 : exp(-d / l)
            case .hyperbolic(let l): return l.isInfinite ? 1 : 1 / (1 + d / l)
            case .none: return 1
            }
        }
    }

    /// Proximity decay (default exp(−d/500 km)).
    public var proximity: Proximity = .exponential(lengthKm: 500)
    /// Intention weight of a non-rival (ε).
    public var epsilon: Double = 0.1
    /// Switches for the power, offense and intentions factors (off = factor 1).
    public var usePower = true
    public var useOffense = true
    public var useIntentions = true
    /// Use `max(rivalry term, P(j is power-acquiring))` as the intention term.
    public var useTypePriors = false

    /// Exponential proximity with length scale `lengthKm` and intention weight `epsilon` for non-rivals.
    public init(lengthKm: Double = 500, epsilon: Double = 0.1) {
        proximity = .exponential(lengthKm: lengthKm)
        self.epsilon = epsilon
    }

    /// Throws ``AllianceGameError/invalidParameter(name:value:range:)`` if a parameter is out of range (λ ≤ 0 or NaN,
    /// ε outside [0, 1]).
    public func validate() throws(AllianceGameError) {
        switch proximity {
        case .exponential(let l), .hyperbolic(let l):
            guard l > 0, !l.isNaN else { throw .invalidParameter(name: "lengthKm", value: l, range: "(0, ∞)") }
        case .none: break
        }
        guard epsilon.isFinite, epsilon >= 0, epsilon <= 1 else {
            throw .invalidParameter(name: "epsilon", value: epsilon, range: "[0, 1]")
        }
    }

    /// The threat matrix: row i (threatened), column j (source), zero diagonal.
    public func matrix(_ s: Scenario) throws(AllianceGameError) -> Matrix {
        try validate()
        let n = s.actorCount
        var t = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let a = s.actors[j]
                let power = usePower ? a.capability : 1
                let offense = useOffense ? a.offensiveEmphasis : 1
                let d = s.landContiguous[i][j] ? 0 : s.distances[i, j]
                var intent = 1.0
                if useIntentions {
                    intent = s.rivalries[i][j] ? 1 : epsilon
                    if useTypePriors { intent = max(intent, a.type.probabilityPowerAcquiring) }
                }
                t[i, j] = power * proximity.value(d) * offense * intent
            }
        }
        return t
    }

    /// The proximity factor alone, g(d_ij) with land-contiguous pairs at distance 0 (zero diagonal): how far each
    /// actor's reach extends, used for the spoils of the alliance game. O(n²).
    public func reach(_ s: Scenario) -> Matrix {
        let n = s.actorCount
        var g = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n where i != j { g[i, j] = proximity.value(s.landContiguous[i][j] ? 0 : s.distances[i, j]) }
        }
        return g
    }

    /// Hostility `H = T + Tᵀ`.
    public static func hostility(_ t: Matrix) -> Matrix {
        var h = t
        for i in 0..<t.rows { for j in 0..<t.columns { h[i, j] = t[i, j] + t[j, i] } }
        return h
    }

    /// Additively separable threat affinity (Walt 1987; additively separable preferences, Bogomolnaia & Jackson 2002): v_ij = Σ_{k≠i,j} min(T_ik, T_jk) − (T_ij + T_ji)/2:
    /// shared threats bind, mutual threats repel.
    public static func affinity(_ t: Matrix) -> Matrix {
        let n = t.rows
        var v = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                var shared = 0.0
                for k in 0..<n where k != i && k != j { shared += min(t[i, k], t[j, k]) }
                v[i, j] = shared - (t[i, j] + t[j, i]) / 2
            }
        }
        return v
    }
}
