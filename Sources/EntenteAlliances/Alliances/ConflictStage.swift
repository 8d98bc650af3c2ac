import Foundation

/// The conflict stage that gives alliances their stakes: what each actor expects from the wars that a coalition
/// structure makes possible.
///
/// Blocks of a partition are alliances; an actor alone is out of every alliance (it opted out). Capabilities
/// `r` are shares of the system's total and `T[i ← j]` is the balance-of-threat matrix (``ThreatModel``). The
/// contest success function is Tullock's (1980) ratio form with decisiveness γ,
/// `p(S vs S′) = r(S)^γ / (r(S)^γ + r(S′)^γ)`; γ > 1 makes the stronger side's edge grow faster than its share,
/// which is what lets a weak revisionist profit from joining a strong one (Schweller's 1994 jackal).
///
/// Payoff of actor i in block S (its alliance; S = {i} if it stays out):
///
/// - **Security** (every type; Walt 1987, Niou–Ordeshook–Rose 1989): against each threat j outside S,
///   `−T[i←j]·(1 − p(S vs S_j))` — an alliance defends its members against outsiders' coalitions. Against a
///   threat inside its own alliance, i stands alone: `−(1 − τ)·T[i←j]·(1 − p({i} vs {j}))` (allying with the
///   source of danger does not remove the danger — Walt's case against bandwagoning — unless the alliance
///   restrains the partner, the tethering share τ, default 0).
/// - **Entanglement** (Snyder 1984, the alliance security dilemma): i shares, in proportion r_i/r(S), the
///   burden of its partners' quarrels that are not its own, `e·Σ_{k∈S∖i} Σ_j q_kj·r_i/r(S)` with
///   `q_kj = T[k←j] − T[i←j]` clipped at 0 for outsiders j, and the full `T[k←j]` for rivalries inside S.
/// - **Autonomy** ("contracting disperses power"; Morrow 1991's security–autonomy trade-off):
///   `−κ·(1 − r_i/r(S))`.
/// - **Spoils** (power-acquiring actors only, weighted by the probability that i is power-acquiring):
///   against every status-quo actor j outside S, `G·g(d_ij)·r_j·(1 − π_j)·p(S vs S_j)·r_i/r(S)` — the
///   prize is the defender's capability within reach (g is the proximity decay of the threat model, π_j the
///   probability that j is itself power-acquiring: revisionists prey on the status quo, not on each other),
///   shared by capability (Gamson).
///
/// All actors therefore value security; power-acquiring ones also value spoils. With all actors status quo
/// only the security terms pull actors together, so only defensive alliances (against a common outside threat)
/// form; with a revisionist the spoils can make two revisionists ally against a status-quo bloc.
///
/// - Complexity: O(n²) per structure with block sums precomputed (n actors).
public struct ConflictStage: Sendable, Equatable {
    /// Decisiveness γ of the contest success function (γ = 1 is the ratio form; default 2).
    public let decisiveness: Double
    /// Weight e of entanglement in partners' quarrels (default 0.3).
    public let entanglement: Double
    /// Autonomy cost κ of contracting (default 0.02, in units of threat × capability share).
    public let autonomyCost: Double
    /// Scale G of the spoils a power-acquiring winner takes (default 1).
    public let prize: Double
    /// Tethering τ ∈ [0, 1]: the share of a partner's threat that the alliance restrains (Schroeder 1976's
    /// "pacts of restraint", Weitsman 2004's tethering). 0 (default): a threat inside one's alliance is faced in full.
    public let tethering: Double

    /// Creates the stage; throws ``AllianceGameError/invalidParameter(name:value:range:)`` on a value outside
    /// its range (γ in [0.25, 8], e, κ, G finite in [0, 1e12]).
    public init(
        decisiveness: Double = 2, entanglement: Double = 0.3, autonomyCost: Double = 0.02, prize: Double = 1,
        tethering: Double = 0
    ) throws(AllianceGameError) {
        guard tethering.isFinite, tethering >= 0, tethering <= 1 else {
            throw .invalidParameter(name: "tethering", value: tethering, range: "[0, 1]")
        }
        guard decisiveness.isFinite, decisiveness >= 0.25, decisiveness <= 8 else {
            throw .invalidParameter(name: "decisiveness", value: decisiveness, range: "[0.25, 8]")
        }
        for (name, v) in [("entanglement", entanglement), ("kappa", autonomyCost), ("prize", prize)] {
            guard v.isFinite, v >= 0, v <= 1e12 else {
                throw .invalidParameter(name: name, value: v, range: "[0, 1e12]")
            }
        }
        self.decisiveness = decisiveness
        self.entanglement = entanglement
        self.autonomyCost = autonomyCost
        self.prize = prize
        self.tethering = tethering
    }

    /// Win probability of strength `a` against strength `b` (0.5 when both are 0).
    /// Computed as 1/(1 + (b/a)^γ) with the larger strength in the denominator, so tiny strengths do not underflow.
    @inlinable public func winProbability(_ a: Double, against b: Double) -> Double {
        if a <= 0 && b <= 0 { return 0.5 }
        if a >= b {
            let q = b / a
            let x = decisiveness == 2 ? q * q : Foundation.pow(q, decisiveness)
            return 1 / (1 + x)
        }
        let q = a / b
        let x = decisiveness == 2 ? q * q : Foundation.pow(q, decisiveness)
        return x / (1 + x)
    }

    /// The payoffs of every actor in the structure `labels` (block index per actor, any labelling).
    ///
    /// - Parameters:
    ///   - labels: block of each actor (n entries, values in 0..<n).
    ///   - r: capability shares (non-negative, summing to 1).
    ///   - t: the threat matrix T (row threatened, column source), normalised like `r`.
    ///   - g: g(d_ij), the proximity decay used for spoils.
    ///   - powerAcquiring: probability that each actor is power-acquiring (weights its spoils).
    ///   - blockStrength: workspace of at least n entries (reused across calls).
    ///   - u: output, n payoffs.
    /// - Complexity: O(n³) worst case for the entanglement term, O(n²) otherwise.
    public func payoffs(
        labels: [Int], shares r: [Double], threat t: Matrix, reach g: Matrix, powerAcquiring: [Double],
        blockStrength: inout [Double], into u: inout [Double]
    ) {
        let n = labels.count
        for b in 0..<n { blockStrength[b] = 0 }
        for i in 0..<n { blockStrength[labels[i]] += r[i] }
        for i in 0..<n {
            let s = labels[i]
            let rs = blockStrength[s]
            var value = 0.0
            var spoils = 0.0
            var entangled = 0.0
            for j in 0..<n where j != i {
                let tij = t[i, j]
                if labels[j] == s {
                    value -= (1 - tethering) * tij * (1 - winProbability(r[i], against: r[j]))
                } else {
                    let p = winProbability(rs, against: blockStrength[labels[j]])
                    value -= tij * (1 - p)
                    if powerAcquiring[i] > 0, rs > 0 {
                        spoils += g[i, j] * r[j] * (1 - powerAcquiring[j]) * p * r[i] / rs
                    }
                }
            }
            if rs > r[i] && rs > 0 {
                for k in 0..<n where k != i && labels[k] == s {
                    for j in 0..<n where j != k && j != i {
                        let tkj = t[k, j]
                        entangled += labels[j] == s ? tkj : Swift.max(0, tkj - t[i, j])
                    }
                }
                entangled *= r[i] / rs
                value -= entanglement * entangled + autonomyCost * (1 - r[i] / rs)
            }
            u[i] = value + powerAcquiring[i] * prize * spoils
        }
    }
}

/// Errors of the alliance game and its forecasts.
public enum AllianceGameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its documented range.
    case invalidParameter(name: String, value: Double, range: String)
    /// Too many actors for the exhaustive structure space (Bell(n) partitions).
    case tooManyActors(count: Int, limit: Int)
    /// A year outside the embedded data.
    case yearOutOfRange(year: Int, range: ClosedRange<Int>)
    /// A computation produced a non-finite value (never reported as a result).
    case nonFinite(String)
    /// An iterative computation did not reach its tolerance (never reported as a result).
    case notConverged(what: String)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let range): return "\(name) must be in \(range), got \(value)"
        case .tooManyActors(let count, let limit):
            return
                "the alliance game enumerates every coalition structure (Bell(n) of them): \(count) actors exceed the limit of \(limit); analyse at most \(limit) actors (e.g. the great powers only)"
        case .yearOutOfRange(let y, let r): return "year \(y) is outside \(r.lowerBound)–\(r.upperBound)"
        case .nonFinite(let what): return "non-finite value in \(what)"
        case .notConverged(let what): return "did not converge: \(what)"
        }
    }
}
