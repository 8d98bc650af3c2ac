import Foundation

/// Per-period payoffs of the dynamic alliance game: the conflict stage (``ConflictStage``) of the static alliance
/// game, evaluated in each state of ``AllianceFormationGame``, so that the static and the dynamic game are one game.
///
/// - **Window of opportunity.** While the window is open the power-acquiring actors can act on their intentions:
///   the threat they pose counts with intention 1 (``ThreatModel/useTypePriors``) and they collect spoils. Once it
///   closes, threat falls back to rivalries (ε for non-rivals) and spoils vanish. Status-quo actors therefore face a
///   larger threat while the window is open — balancing before an attack is worth more then — and a faster-closing
///   window (larger λ) lowers the value of both seizing and balancing. Without a window (λ = nil) the opportunity
///   is permanent.
/// - **Opting out** is a declared neutrality: the actor leaves the game for good, pays no alliance costs, collects
///   no spoils and bears ν times its security loss standing alone (default 1.2: no one will ever help a declared
///   neutral) — against each threat's current bloc, or against each threat backed by all the others
///   (``Neutrality``) — plus the exit payoff (the neutrality dividend). It stays a potential
///   threat to others (declaring neutrality does not disarm). A state whose security gain from allying is below the
///   costs of entanglement and autonomy (small, remote or unthreatened) gains by exiting; a great power facing its
///   top threat forfeits valuable alliances by exiting and does not.
/// - Alliance cost c per partner on top of the stage's autonomy and entanglement costs.
///
/// - Complexity: O(n³) per state.
public struct DynamicPayoffModel: Sendable {
    let shares: [Double]
    let threatOpen: Matrix
    let threatClosed: Matrix
    let reach: Matrix
    let powerAcquiring: [Double]
    let stage: ConflictStage
    let parameters: AllianceFormationGame.Parameters

    /// Builds the model of a scenario (its types give the power-acquiring actors: probability ≥ 1/2).
    public init(scenario: Scenario, threatModel: ThreatModel, parameters: AllianceFormationGame.Parameters) throws {
        let n = scenario.actorCount
        let unit: Scenario, total: Double
        do { (unit, total) = try AlignmentGame.normalised(scenario) } catch {
            throw DynamicsError.invalidParameter(name: "capabilities (the largest must be positive and finite)")
        }
        shares = unit.actors.map { $0.capability / total }
        var open = threatModel
        open.useTypePriors = true
        var closed = threatModel
        closed.useTypePriors = false
        var to = try open.matrix(unit), tc = try closed.matrix(unit)
        for k in to.storage.indices { to.storage[k] /= total; tc.storage[k] /= total }
        guard to.isFinite, tc.isFinite else {
            throw DynamicsError.invalidParameter(name: "capabilities (the threat matrix is not finite)")
        }
        threatOpen = to
        threatClosed = tc
        reach = threatModel.reach(scenario)
        powerAcquiring = scenario.actors.map { $0.type.probabilityPowerAcquiring >= 0.5 ? 1 : 0 }
        do {
            stage = try ConflictStage(
                decisiveness: parameters.decisiveness, entanglement: parameters.entanglement,
                autonomyCost: parameters.kappa, prize: parameters.prize)
        } catch { throw DynamicsError.invalidParameter(name: error.description) }
        self.parameters = parameters
    }

    /// The per-period payoff of every actor in a state. O(n³).
    public func payoff(_ s: AllianceFormationGame.State) -> [Double] {
        let n = shares.count
        let active = s.windowOpen || parameters.windowHazard == nil
        let t = active ? threatOpen : threatClosed
        // A block's label is the index of its first member; an actor that opted out stands alone under its own
        // index, which no block uses.
        var labels = [Int](repeating: 0, count: n)
        var size = [Int](repeating: 0, count: n)
        for i in 0..<n {
            labels[i] = s.labels[i] < 0 ? i : Int(s.labels[i])
            size[labels[i]] += 1
        }
        var spoils = active ? powerAcquiring : [Double](repeating: 0, count: n)
        for i in 0..<n where s.labels[i] < 0 { spoils[i] = 0 }
        var work = [Double](repeating: 0, count: n)
        var u = [Double](repeating: 0, count: n)
        stage.payoffs(
            labels: labels, shares: shares, threat: t, reach: reach, powerAcquiring: spoils, blockStrength: &work,
            into: &u)
        for i in 0..<n {
            if s.labels[i] < 0 {
                let security: Double
                switch parameters.neutrality {
                case .facingBlocs: security = u[i]  // alone in the structure: minus its security loss
                case .facingEveryone:
                    let p = stage.winProbability(shares[i], against: 1 - shares[i])
                    security = -(0..<n).reduce(0) { $1 == i ? $0 : $0 + t[i, $1] } * (1 - p)
                }
                u[i] = parameters.exitPayoff + parameters.neutralExposure * security
            } else {
                u[i] -= parameters.allianceCost * Double(size[labels[i]] - 1)
            }
        }
        return u
    }
}
