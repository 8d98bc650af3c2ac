import EntenteAlliances
import EntenteNumerics
import Testing

/// Konishi–Ray mixing between moving and waiting in the private-type game: the pivotal mover is indifferent, so the
/// move is weakly profitable (it may be made) and not strictly profitable (it does not exclude waiting).
@Suite struct MoveOrWaitMixingTests {
    /// Four actors, A's type private (prior 0.23), B power-acquiring; no exit, no window: 15 structures × 11 beliefs.
    /// Found by a random search over small scenarios: the search under the strict rule finds no verified process here.
    static func game(rule: Profitability = .konishiRay) throws -> BayesianAllianceFormationGame {
        let actors = [
            Country(id: "A", capability: 0.341, type: .uncertain(probabilityPowerAcquiring: 0.23)),
            Country(id: "B", capability: 0.241, type: .powerAcquiring), Country(id: "C", capability: 0.497),
            Country(id: "D", capability: 0.355),
        ]
        let km: [[Double]] = [[0, 200, 200, 800], [200, 0, 200, 300], [200, 200, 0, 500], [800, 300, 500, 0]]
        var riv = [[Bool]](repeating: [false, false, false, false], count: 4)
        riv[0][1] = true; riv[1][0] = true; riv[1][3] = true; riv[3][1] = true
        let s = try Scenario(name: "hesitation", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
        var p = AllianceFormationGame.Parameters()
        p.kappa = 0.01
        p.prize = 2
        p.windowHazard = nil
        p.allowExit = false
        p.rule = rule
        return try BayesianAllianceFormationGame(scenario: s, parameters: p)
    }

    @Test func anIndifferentMoverMixesBetweenMovingAndWaitingAndTheVerifierAcceptsIt() throws {
        let g = try Self.game()
        let r = try g.solve()
        #expect(r.verified)
        #expect(g.violations(r).isEmpty)
        #expect(try g.violations(of: r.prescriptions).isEmpty)
        let hesitant = r.prescriptions.indices.compactMap { z -> (z: Int, move: Int, q: Double)? in
            if case .moveOrWait(let k, let q) = r.prescriptions[z] { return (z, k, q) }
            return nil
        }
        let (z, k, q) = try #require(hesitant.first)
        #expect(q > 0 && q < 1)
        // Neither pure choice is an equilibrium there, the rest of the process unchanged: always waiting leaves a
        // strictly profitable move (rejected: it excludes waiting), always moving makes the pivotal mover lose.
        var waiting = r.prescriptions
        waiting[z] = .wait
        #expect(try g.violations(of: waiting).contains(z))
        var moving = r.prescriptions
        moving[z] = .pooling(move: k)
        #expect(try g.violations(of: moving).contains(z))
        // The strict rule cannot justify the mixture: the move it makes would have to be strictly profitable, and
        // then it would exclude waiting.
        #expect(try Self.game(rule: .strict).violations(of: r.prescriptions).contains(z))
    }

    @Test func aMixtureOutsideTheOpenUnitIntervalIsRejected() throws {
        let g = try Self.game()
        let r = try g.solve()
        let z = try #require(
            r.prescriptions.indices.first { if case .moveOrWait = r.prescriptions[$0] { true } else { false } })
        guard case .moveOrWait(let k, _) = r.prescriptions[z] else { return }
        // Degenerate mixtures are waiting or moving, not mixing: rejected as violations.
        for q in [0.0, 1.0] {
            var bad = r.prescriptions
            bad[z] = .moveOrWait(move: k, probability: q)
            #expect(try g.violations(of: bad).contains(z))
        }
        // Not a probability, or no such move: not a process at all — a typed error, not a verdict.
        for bad in [
            BayesianPrescription.moveOrWait(move: k, probability: -0.5), .moveOrWait(move: k, probability: .nan),
            .moveOrWait(move: 10_000, probability: 0.5),
        ] {
            var process = r.prescriptions
            process[z] = bad
            #expect(throws: DynamicsError.self) { try g.violations(of: process) }
        }
    }
}
