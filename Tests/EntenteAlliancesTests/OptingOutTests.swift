import EntenteNumerics
import Testing

@testable import EntenteAlliances

/// Who opts out of the dynamic game on the built-in systems at the default parameters, and why.
@Suite struct OptingOutTests {
    /// The actors that have opted out in some state of the most likely path or of an absorbing structure.
    static func exits(_ g: AllianceFormationGame, _ r: AllianceDynamicsResult) -> Set<String> {
        let states = r.path + r.absorbing.map(\.state)
        return Set(states.flatMap { g.states[$0].exited.map { g.scenario.ids[$0] } })
    }

    /// Issue 10's named case: in 1870, with Prussia power-acquiring, France faced its top threat. An equilibrium in
    /// which France opts out exists (exit as a commitment that makes the others regroup), and ranking moves by gain
    /// alone reaches it; the default selection (opting out as a last resort) reaches one in which France allies.
    @Test func franceDoesNotOptOutFacingPrussiaIn1870() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1870")
        let g = try AllianceFormationGame(scenario: s)
        let r = try g.solve()
        #expect(r.verified && r.selection == .reversibleFirst)
        let france = try #require(g.scenario.ids.firstIndex(of: "FRN"))
        #expect(g.choices(in: r.initialState, result: r)[france] != .exit)
        #expect(!Self.exits(g, r).contains("FRN"))

        var byGain = AllianceFormationGame.Parameters()
        byGain.selection = .largestGain
        let h = try AllianceFormationGame(scenario: s, parameters: byGain)
        let q = try h.solve()
        #expect(q.verified && q.selection == .largestGain)
        #expect(Self.exits(h, q).contains("FRN"))
    }

    /// On every built-in of at most seven powers, in both settings, at the defaults: nobody opts out while its strongest
    /// threat stays in the game, unless it is little threatened (its strongest threat below the median actor's) —
    /// small, remote or unthreatened units, as in the seed. On great-powers-1939 Japan and the United States opt out.
    @Test func onlyLittleThreatenedActorsOptOutOnTheBuiltIns() throws {
        var exitsSeen = 0
        for name in ["europe-1870", "europe-1890", "europe-1914", "great-powers-1939"] {
            let scenario = try BuiltinScenarios.scenario(named: name)
            let statusQuo = try scenario.withTypes(
                Dictionary(uniqueKeysWithValues: scenario.ids.map { ($0, ActorType.statusQuo) }))
            for s in [statusQuo, scenario] {
                let g = try AllianceFormationGame(scenario: s)
                let r = try g.solve()
                #expect(r.verified, "\(name)")
                #expect(g.exitsFacingTopThreat(r).isEmpty, "\(name)")
                exitsSeen += Self.exits(g, r).count
                for id in Self.exits(g, r) {
                    let i = try #require(g.scenario.ids.firstIndex(of: id))
                    #expect(
                        g.strongestThreat[i] == nil, "\(name): \(id) opts out although it is among the most threatened")
                }
            }
        }
        // The property is not vacuous: somebody does opt out (great-powers-1939).
        #expect(exitsSeen > 0)
    }

    /// The diagnostic flags the named failure where the selection by gain alone reaches it.
    @Test func franceOptingOutFacingPrussiaIsFlagged() throws {
        var byGain = AllianceFormationGame.Parameters()
        byGain.selection = .largestGain
        let g = try AllianceFormationGame(scenario: BuiltinScenarios.scenario(named: "europe-1870"), parameters: byGain)
        let r = try g.solve()
        let flagged = g.exitsFacingTopThreat(r).map { (g.scenario.ids[$0.actor], g.scenario.ids[$0.threat]) }
        #expect(flagged.contains { $0 == ("FRN", "GMY") })
    }

    /// Opting out as a pre-contract option only: no exit move exists once an alliance has formed, and on europe-1870
    /// with e = 0.1 — where the default game lets France opt out facing Prussia — nobody opts out facing its top threat.
    @Test func optingOutBeforeContractingRemovesTheExitAsCommitment() throws {
        var p = AllianceFormationGame.Parameters()
        p.entanglement = 0.1
        let s = try BuiltinScenarios.scenario(named: "europe-1870")
        let anytime = try AllianceFormationGame(scenario: s, parameters: p)
        let r0 = try anytime.solve()
        #expect(r0.verified && anytime.exitsFacingTopThreat(r0).contains { anytime.scenario.ids[$0.actor] == "FRN" })
        p.exitOnlyBeforeContracting = true
        let g = try AllianceFormationGame(scenario: s, parameters: p)
        for (x, st) in g.states.enumerated() where st.blocs.contains(where: { $0.mask.nonzeroBitCount >= 2 }) {
            #expect(!g.moves[x].contains { $0.move.isExit })
        }
        let r = try g.solve()
        #expect(r.verified)
        #expect(g.exitsFacingTopThreat(r).isEmpty)
    }

    /// A neutral facing everyone bears an exposure that does not depend on how the others group: in every state where
    /// exactly the same actors have opted out (same window), each neutral's per-period payoff is the same, whatever the
    /// others' alliances. Facing the blocs as they stand, it is not — which is what lets an exit work as a commitment.
    @Test func aNeutralFacingEveryoneIsIndifferentToHowTheOthersGroup() throws {
        let s = try BuiltinScenarios.scenario(named: "great-powers-1939")
        var p = AllianceFormationGame.Parameters()
        p.neutrality = .facingEveryone
        let everyone = try AllianceFormationGame(scenario: s, parameters: p)
        let blocs = try AllianceFormationGame(scenario: s)
        var byKey: [[Int]: [Int]] = [:]
        for (x, st) in everyone.states.enumerated() where !st.exited.isEmpty {
            byKey[st.exited + [st.windowOpen ? 1 : 0], default: []].append(x)
        }
        var blocsDiffer = false
        var compared = 0
        for (key, xs) in byKey where xs.count > 1 {
            for i in key.dropLast() {
                let values = Set(xs.map { everyone.payoffs[$0][i] })
                #expect(values.count == 1, "neutral \(everyone.scenario.ids[i])")
                compared += 1
                if Set(xs.map { blocs.payoffs[$0][i] }).count > 1 { blocsDiffer = true }
            }
        }
        #expect(compared > 0)
        #expect(blocsDiffer)
    }

    /// Where the neutral facing the blocs lets a threatened great power opt out (europe-1870 with e = 0.1: France
    /// opts out facing Prussia), the neutral facing everyone removes it: the process verifies with the default
    /// selection and nobody opts out at all.
    @Test func neutralsFacingEveryoneRemoveTheExitAsCommitment() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1870")
        var p = AllianceFormationGame.Parameters()
        p.entanglement = 0.1
        let g0 = try AllianceFormationGame(scenario: s, parameters: p)
        let r0 = try g0.solve()
        #expect(r0.verified && g0.exitsFacingTopThreat(r0).contains { g0.scenario.ids[$0.actor] == "FRN" })
        p.neutrality = .facingEveryone
        let g = try AllianceFormationGame(scenario: s, parameters: p)
        let r = try g.solve()
        #expect(r.verified && r.selection == .reversibleFirst)
        #expect(g.exitsFacingTopThreat(r).isEmpty)
        #expect(Self.exits(g, r).isEmpty)
    }

    /// "isolated" in the dynamic game: on great-powers-1939 (all status quo) France, Britain and Italy are alone at the
    /// status quo, want an alliance and are refused — as in the static analysis — while the United States waits and
    /// Japan opts out. Every isolated actor is alone and has an alliance move that would pay it.
    @Test func isolatedActorsAreToldApartFromWaitingOnesIn1939() throws {
        let scenario = try BuiltinScenarios.scenario(named: "great-powers-1939")
        let s = try scenario.withTypes(Dictionary(uniqueKeysWithValues: scenario.ids.map { ($0, ActorType.statusQuo) }))
        let g = try AllianceFormationGame(scenario: s)
        let r = try g.solve()
        #expect(r.verified)
        let choice = g.choices(in: r.initialState, result: r)
        let byID = Dictionary(uniqueKeysWithValues: zip(g.scenario.ids, choice))
        #expect(byID["FRN"] == .isolated && byID["UKG"] == .isolated && byID["ITA"] == .isolated)
        #expect(byID["USA"] == .wait && byID["JPN"] == .exit)
        for (i, c) in choice.enumerated() where c == .isolated {
            #expect(g.isolated(i, in: r.initialState, values: r.values))
        }
    }
}
