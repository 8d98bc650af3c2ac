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

    @Test func theKonishiRayRuleKeepsEveryStrictAndEveryWeakProcess() throws {
        // Its moves need only weak profitability, and only strictly profitable moves exclude staying: every process of
        // either published answer above is also a Konishi–Ray process.
        let kr = try KonishiRay.deterministicEquilibria(Self.majority, rule: .konishiRay)
        let strict = try KonishiRay.deterministicEquilibria(Self.majority, rule: .strict)
        let weak = try KonishiRay.deterministicEquilibria(Self.majority, rule: .weak)
        let found = Set(kr.map(\.transitions))
        #expect(strict.allSatisfy { found.contains($0.transitions) })
        #expect(weak.allSatisfy { found.contains($0.transitions) })
        for e in kr {
            #expect(
                KonishiRay.violation(Self.majority, transitions: e.transitions, values: e.values, rule: .konishiRay)
                    == nil)
        }
    }

    @Test func waitingIsExcludedOnlyByAStrictlyProfitableMove() throws {
        let g = Self.majority
        let p12 = state([[0, 1], [2]]), singles = state([[0], [1], [2]])
        // Every pair absorbing, singletons → {12}, grand → {12}: in {12}, 1 and 3 moving to {13} leaves 1 indifferent
        // (½ each period either way) and makes 3 strictly better off — a weakly, not strictly, profitable move.
        let strict = try #require(
            try KonishiRay.deterministicEquilibria(g, rule: .strict).first { $0.transitions[singles][p12] == 1 })
        #expect(
            KonishiRay.violation(g, transitions: strict.transitions, values: strict.values, rule: .konishiRay) == nil)
        #expect(KonishiRay.violation(g, transitions: strict.transitions, values: strict.values, rule: .weak) != nil)
        // Staying put in the singletons, where 1 and 2 strictly gain from forming {12}, is rejected (the only violation).
        var p = strict.transitions
        p[singles] = [Double](repeating: 0, count: g.states.count)
        p[singles][singles] = 1
        let v = try KonishiRay.values(g, transitions: p)
        for rule in [Profitability.strict, .konishiRay] {
            #expect(KonishiRay.violation(g, transitions: p, values: v, rule: rule) == singles)
        }
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
