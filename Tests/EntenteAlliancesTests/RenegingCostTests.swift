import EntenteGames
import EntenteNumerics
import Testing

// @testable: who pays is read from the game's internal bloc masks.
@testable import EntenteAlliances

/// The one-time cost of breaking an alliance (``AllianceFormationGame/Parameters/renegingCost``).
@Suite struct RenegingCostTests {
    static func game(cost: Double) throws -> AllianceFormationGame {
        var p = AllianceFormationGame.Parameters()
        p.kappa = 0.01
        p.allowExit = false
        p.windowHazard = nil
        p.renegingCost = cost
        return try AllianceFormationGame(scenario: MixedProcessTests.cyclingScenario(), parameters: p)
    }

    @Test func onlyAMoverWhoLeavesAPartnerBehindPays() throws {
        let g = try Self.game(cost: 0.1)
        // {A, B} {C} {D}: A and B are actors 0 and 1.
        let x = try #require(g.states.firstIndex { $0.labels == [0, 0, 2, 3] })
        #expect(g.renegers(at: x, movers: Coalition([0, 2])) == 1 << 0)  // A leaves B for C; C leaves nobody
        #expect(g.renegers(at: x, movers: Coalition([0, 1, 2])) == 0)  // the alliance moves whole
        #expect(g.renegers(at: x, movers: Coalition([1])) == 1 << 1)  // B walks out on A
        #expect(g.renegers(at: x, movers: Coalition([2, 3])) == 0)  // two singletons ally
        #expect(try Self.game(cost: 0).renegers(at: x, movers: Coalition([0, 2])) == 0)
    }

    @Test func theCostEntersTheValuesOfTheProcessThatPaysIt() throws {
        // The process "from {A, B} {C} {D}, A moves to C, everyone else waits" costs A δ·b once: its value there is
        // the cost-free value less δ·b.
        let (free, costly) = (try Self.game(cost: 0), try Self.game(cost: 0.1))
        let x = try #require(free.states.firstIndex { $0.labels == [0, 0, 2, 3] })
        let k = try #require(free.moves[x].firstIndex { $0.move == .form(Coalition([0, 2])) })
        var choice = [Int?](repeating: nil, count: free.states.count)
        choice[x] = k
        let (v0, v1) = (try free.values(of: choice), try costly.values(of: choice))
        #expect(abs(v0[x][0] - v1[x][0] - 0.9 * 0.1) < 1e-12)
        for i in 1..<4 { #expect(abs(v0[x][i] - v1[x][i]) < 1e-12) }
    }

    @Test func aRenegingCostLetsAnAllianceFormAndLast() throws {
        // Without the cost any alliance of this four-actor game would be broken up again: the equilibrium process
        // mixes in 7 states and nobody allies from the status quo (it is absorbing). With a cost of breaking
        // alliances, A and C ally at once and stay allied, and the process needs no mixing.
        let free = try Self.game(cost: 0)
        let r0 = try free.solve()
        #expect(r0.verified && !r0.mixed.isEmpty)
        #expect(r0.absorbing.map(\.state) == [r0.initialState])
        for cost in [0.05, 0.2] {
            let g = try Self.game(cost: cost)
            let r = try g.solve()
            #expect(r.verified && r.mixed.isEmpty)
            #expect(try g.violations(of: r.choice).isEmpty)
            #expect(r.absorbing.count == 1 && g.describe(r.absorbing[0].state) == "{A,C} {B} {D}")
            #expect(r.path.count == 2)
        }
    }

    @Test func aNegativeOrNonFiniteCostIsATypedError() throws {
        for bad in [-0.1, .nan, .infinity] {
            var p = AllianceFormationGame.Parameters()
            p.renegingCost = bad
            #expect(throws: DynamicsError.invalidParameter(name: "reneging cost (must be in [0, 1e12])")) {
                try p.validate()
            }
        }
    }
}
