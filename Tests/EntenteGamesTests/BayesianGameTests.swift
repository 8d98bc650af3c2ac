import EntenteGames
import Testing

@Suite struct BayesianGameTests {
    /// Kydd's security dilemma with independent types: trustworthy (t < 1) with probability π, greedy (t > 1).
    static func securityDilemma(pi: Double, t: Double, c: Double, greedyT: Double = 1.5) throws -> BayesianGame {
        try BayesianGame(
            players: ["i", "j"], types: [["trustworthy", "greedy"], ["trustworthy", "greedy"]],
            actions: [["C", "D"], ["C", "D"]], typePriors: [[pi, 1 - pi], [pi, 1 - pi]]
        ) { theta, a in
            func u(_ me: Int, _ other: Int, _ type: Int) -> Double {
                let ti = type == 0 ? t : greedyT
                switch (me, other) {
                case (0, 0): return 1;
                case (0, 1): return -c;
                case (1, 0): return ti;
                default: return 0
                }
            }
            return [u(a[0], a[1], theta[0]), u(a[1], a[0], theta[1])]
        }
    }

    static func hasTrustEquilibrium(_ eqs: [BayesianEquilibrium]) -> Bool {
        eqs.contains { e in
            e.strategies.allSatisfy { abs($0[0][0] - 1) < 1e-9 && abs($0[1][1] - 1) < 1e-9 }
        }
    }

    @Test(arguments: [(0.5, 0.5, 0.5), (0.0, 1.0, 0.5), (0.8, 0.2, 0.5), (0.5, 2.0, 0.8)])
    func kyddTrustThresholdSeparatesCooperation(t: Double, c: Double, tau: Double) throws {
        #expect(abs(c / (1 - t + c) - tau) < 1e-12)
        let above = try Self.securityDilemma(pi: min(1, tau + 0.01), t: t, c: c).solve().equilibria
        let below = try Self.securityDilemma(pi: tau - 0.01, t: t, c: c).solve().equilibria
        #expect(Self.hasTrustEquilibrium(above))
        #expect(!Self.hasTrustEquilibrium(below))
        // "All defect" is always an equilibrium.
        for eqs in [above, below] {
            #expect(eqs.contains { e in e.strategies.allSatisfy { $0.allSatisfy { abs($0[1] - 1) < 1e-9 } } })
        }
    }

    @Test func agentFormEquilibriumIsABayesianEquilibrium() throws {
        let g = try Self.securityDilemma(pi: 0.9, t: 0.5, c: 2)
        let agents = try g.agentForm()
        #expect(agents.playerCount == 4)
        let e = try g.solve(all: false).equilibria[0]
        #expect(e.regret <= 1e-9)
        // In the trust equilibrium a trustworthy type gets π·1 + (1−π)(−c) = 0.7 and a greedy type π·1.5 = 1.35.
        let trust = try #require(
            try g.solve().equilibria.first { e in
                e.strategies.allSatisfy { abs($0[0][0] - 1) < 1e-9 && abs($0[1][1] - 1) < 1e-9 }
            })
        #expect(abs(trust.interimPayoffs[0][0] - 0.7) < 1e-9 && abs(trust.interimPayoffs[0][1] - 1.35) < 1e-9)
        let allPure = try VertexEnumeration.solve(try g.exAnteForm())
        #expect(allPure.complete && !allPure.equilibria.isEmpty)
    }

    @Test func invalidPriorIsRejected() {
        #expect(throws: GameError.notAProbability(player: 0)) {
            try BayesianGame(
                players: ["a"], types: [["x", "y"]], actions: [["l"]], prior: [0.5, 0.6],
                payoffs: [[[0]], [[0]]])
        }
    }
}
