import Foundation

/// A simple stand-in ``DyadModel`` built from the threat model: raw p = σ(s · v_ij), the logistic of the scaled
/// additively separable threat affinity v_ij = Σ_{k≠i,j} min(T_ik, T_jk) − (T_ij + T_ji)/2 (Walt 1987; Bogomolnaia & Jackson 2002) of the
/// year's ``GreatPowerHistory/scenario(year:)``: shared threats bind, mutual threats repel. The same value is used
/// for `pSameSide`.
///
/// The scale s (default 100: v in percentage points of world capability) only changes the raw values; the
/// monotone calibration fitted by ``AllianceValidation`` undoes any scale. Not an equilibrium model: a baseline-like
/// reference until the alliance game's model is plugged in. Inputs of year t: CINC and military shares, capitals,
/// land contiguity and rivalries of year t. Complexity O(n³) per year.
public struct ThreatAffinityModel: DyadModel {
    /// The threat model (λ, ε, factors).
    public var threatModel: ThreatModel
    /// Scale s of the affinity inside the logistic.
    public var scale: Double

    /// "affinity".
    public var name: String { "affinity" }

    /// The model with the default threat parameters (λ = 500 km, ε = 0.1). O(1).
    public init(threatModel: ThreatModel = ThreatModel(), scale: Double = 100) {
        self.threatModel = threatModel
        self.scale = scale
    }

    /// σ(s · v_ij) for every pair of the year's great powers. O(n³).
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        let gy = try history.year(year)
        let s = try history.scenario(year: year)
        let v = ThreatModel.affinity(try threatModel.matrix(s))
        var out: [DyadPrediction] = []
        for i in 0..<gy.powers.count {
            for j in (i + 1)..<gy.powers.count {
                let p = 1 / (1 + exp(-scale * v[i, j]))
                out.append(
                    DyadPrediction(
                        year: year, ccode1: gy.powers[i].ccode, ccode2: gy.powers[j].ccode, pAlliance: p, pSameSide: p))
            }
        }
        return out
    }
}
