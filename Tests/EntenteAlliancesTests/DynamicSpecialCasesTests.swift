import EntenteAlliances
import EntenteGames
import Testing

@Suite struct DynamicSpecialCasesTests {
    static let volunteer: [(Int, Double, Double, Double)] = [
        (2, 0.5, 0.5, 0.25), (3, 0.5, 0.292893, 0.353553), (5, 0.5, 0.159104, 0.420448),
        (10, 0.5, 0.074125, 0.462937), (3, 0.1, 0.683772, 0.031623),
    ]

    @Test(arguments: volunteer) func buckPassingClosedForm(n: Int, c: Double, balance: Double, none: Double) throws {
        let e = try BuckPassing.symmetricEquilibrium(states: n, cost: c)
        #expect(abs(e.balanceProbability - balance) < 5e-7 && abs(e.nobodyBalances - none) < 5e-7)
    }

    @Test func buckPassingAgreesWithTheNashSolvers() throws {
        // n = 3, c/b = 0.5: the logit path from uniform play ends at the symmetric mixed equilibrium.
        let g = try BuckPassing.normalFormGame(states: 3, cost: 0.5)
        let e = try LogitPath.solve(g).equilibria[0]
        for p in e.profile.probabilities { #expect(abs(p[0] - 0.292893219) < 1e-8) }
        // The pure equilibria are the three "exactly one balances" profiles.
        #expect(try PureEquilibria.solve(g).equilibria.count == 3)
        #expect(throws: DynamicsError.self) { try BuckPassing.symmetricEquilibrium(states: 3, cost: 2) }
    }

    @Test func oneShotFenceSittingNumbers() throws {
        let f = try FenceSitting()
        let a = try f.oneShot(prior: 0.5, hazard: 0.1)
        #expect(abs(a.ally + 0.1) < 1e-12 && a.out == 0.2 && abs(a.wait - 0.2755) < 1e-12 && a.choice == .wait)
        #expect(abs(try f.oneShot(prior: 0.5, hazard: 0.5).wait - 0.2375) < 1e-12)
        let b = try f.oneShot(prior: 0.9, hazard: 0.1)
        #expect(abs(b.wait - 0.3439) < 1e-12 && b.choice == .wait)
        let c = try f.oneShot(prior: 0.9, hazard: 0.5)
        #expect(abs(c.ally - 0.3) < 1e-12 && abs(c.wait - 0.2755) < 1e-12 && c.choice == .ally)
        // At p = 0.5, waiting beats opting out iff λ < 0.8947.
        #expect(
            try f.oneShot(prior: 0.5, hazard: 0.894).choice == .wait
                && f.oneShot(prior: 0.5, hazard: 0.895).choice == .out)
    }

    static let horizon: [(Double, Double, Double?, Double?, Double, Double)] = [
        (0, 0.19, 0.20, 0.94, 0.95, 0.235326), (0.1, 0.25, 0.26, 0.91, 0.92, 0.223571),
        (0.5, 0.54, 0.55, 0.84, 0.85, 0.2), (1, 0.79, nil, nil, 0.80, 0.2),
    ]

    @Test(arguments: horizon) func infiniteHorizonRegionsShrinkAsTheWindowCloses(
        lambda: Double, outMax: Double, waitMin: Double?, waitMax: Double?, allyMin: Double, v05: Double
    ) throws {
        let r = try FenceSitting().infiniteHorizon(hazard: lambda)
        func at(_ p: Double) -> Int { Int((p * 100).rounded()) }
        #expect(r.choices[at(outMax)] == .out && r.choices[at(outMax) + 1] != .out)
        #expect(r.choices[at(allyMin)] == .ally && r.choices[at(allyMin) - 1] != .ally)
        if let lo = waitMin, let hi = waitMax {
            #expect((at(lo)...at(hi)).allSatisfy { r.choices[$0] == .wait })
        } else {
            #expect(!r.choices.contains(.wait))
        }
        #expect(abs(r.values[50] - v05) < 1e-6)
    }
}
