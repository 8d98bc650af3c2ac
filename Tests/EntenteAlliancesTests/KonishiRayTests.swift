import EntenteAlliances
import EntenteGames
import Testing

@Suite struct KonishiRayTests {
    /// 3-player majority game with equal division: ½ each in a pair, ⅓ each in the grand coalition, 0 alone.
    static let majority = try! CoalitionFormationGame(players: 3, discount: 0.9) { p in
        (0..<3).map { i in
            let b = p.block(of: i)
            return b.count == 2 ? 0.5 : (b.count == 3 ? 1.0 / 3 : 0)
        }
    }

    func state(_ blocks: [[Int]]) -> Int { Self.majority.index(of: Partition(blocks.map { Coalition($0) }))! }

    @Test func strictProfitabilityGivesTwelveProcessesWithEveryPairAbsorbing() throws {
        let eqs = try KonishiRay.deterministicEquilibria(Self.majority, rule: .strict)
        #expect(eqs.count == 12)
        let pairs = [state([[0, 1], [2]]), state([[0, 2], [1]]), state([[1, 2], [0]])]
        for e in eqs { #expect(Set(e.absorbing) == Set(pairs)) }
        // singletons → {12}, grand → {12}: values 5, 4.5 and 4.8333 / 0.3333.
        let singles = state([[0], [1], [2]]), grand = state([[0, 1, 2]]), p12 = state([[0, 1], [2]])
        let e = try #require(eqs.first { $0.transitions[singles][p12] == 1 && $0.transitions[grand][p12] == 1 })
        #expect(abs(e.values[p12][0] - 5) < 1e-9)
        #expect(abs(e.values[singles][0] - 4.5) < 1e-9)
        #expect(abs(e.values[grand][0] - 4.833333333) < 1e-8 && abs(e.values[grand][2] - 0.333333333) < 1e-8)
    }

    @Test func weakProfitabilityGivesTwelveCyclicalProcesses() throws {
        let eqs = try KonishiRay.deterministicEquilibria(Self.majority, rule: .weak)
        #expect(eqs.count == 12)
        for e in eqs { #expect(e.absorbing.count == 1) }
        // {1}{23} absorbing; {12}{3} ↔ {13}{2}; grand → {1}{23}; singletons → {12}{3}.
        let p12 = state([[0, 1], [2]]), p13 = state([[0, 2], [1]]), p23 = state([[1, 2], [0]])
        let grand = state([[0, 1, 2]]), singles = state([[0], [1], [2]])
        let e = try #require(
            eqs.first {
                $0.transitions[p12][p13] == 1 && $0.transitions[p13][p12] == 1 && $0.transitions[singles][p12] == 1
            })
        #expect(e.transitions[p23][p23] == 1 && e.transitions[grand][p23] == 1)
        #expect(abs(e.values[p12][0] - 5) < 1e-9 && abs(e.values[p13][0] - 5) < 1e-9)
        #expect(abs(e.values[p12][1] - 2.631578947) < 1e-8 && abs(e.values[p12][2] - 2.368421053) < 1e-8)
        #expect(abs(e.values[grand][0] - 0.333333333) < 1e-8 && abs(e.values[grand][1] - 4.833333333) < 1e-8)
        #expect(
            abs(e.values[singles][0] - 4.5) < 1e-8 && abs(e.values[singles][1] - 2.368421053) < 1e-8
                && abs(e.values[singles][2] - 2.131578947) < 1e-8)
    }

    @Test func invalidParametersAndSizesAreRejected() {
        #expect(throws: DynamicsError.invalidParameter(name: "delta (must be in (0, 1 − 1e-9])")) {
            try CoalitionFormationGame(players: 3, discount: 1) { _ in [0, 0, 0] }
        }
        #expect(throws: DynamicsError.tooManyStates(players: 10, limit: 9)) {
            try CoalitionFormationGame(players: 10, discount: 0.9) { _ in [Double](repeating: 0, count: 10) }
        }
    }
}
