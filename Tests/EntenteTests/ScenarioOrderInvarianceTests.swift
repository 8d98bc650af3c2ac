// Writing a scenario file in another order — actors reversed, every pair written the other way round — changes
// nothing: not the static analysis, not the dynamic game. Public API only: plain `import Entente`.
import Entente
import Testing

@Suite struct ScenarioOrderInvarianceTests {
    /// The scenario's JSON with the actors in reverse order and every pair (`distances_km`, `contiguous`,
    /// `rivalries`) reversed, read back.
    static func reversedFile(_ s: Scenario) throws -> Scenario {
        struct NotAnObject: Error {}
        guard case .object(let fields) = ScenarioJSON.encode(s) else { throw NotAnObject() }
        var out: [(String, JSONValue)] = []
        for (key, value) in fields {
            switch (key, value) {
            case ("actors", .array(let actors)): out.append((key, .array(actors.reversed())))
            case ("distances_km", .array(let rows)), ("contiguous", .array(let rows)), ("rivalries", .array(let rows)):
                out.append(
                    (
                        key,
                        .array(
                            rows.reversed().map { row in
                                guard case .array(let r) = row, r.count >= 2 else { return row }
                                return .array([r[1], r[0]] + r.dropFirst(2))
                            })
                    ))
            default: out.append((key, value))
            }
        }
        return try ScenarioJSON.parse(JSONValue.object(out).serialized())
    }

    @Test(arguments: BuiltinScenarios.all.map(\.name))
    func theDynamicGameOfAReversedFileIsTheSameGame(name: String) throws {
        let s = try BuiltinScenarios.scenario(named: name)
        let r = try Self.reversedFile(s)
        #expect(r.ids == Array(s.ids.reversed()))
        var p = AllianceFormationGame.Parameters()
        // great-powers-1914 has eight actors: build it restricted, as `dynamics` requires.
        if s.actorCount > AllianceFormationGame.defaultActorLimit { p.maxCoalitionSize = 2 }
        let a = try AllianceFormationGame(scenario: s, parameters: p, actorLimit: s.actorCount)
        let b = try AllianceFormationGame(scenario: r, parameters: p, actorLimit: r.actorCount)
        // The game orders actors by id, so both files give the same states, moves and payoffs (to rounding: the
        // threat sums run in another order) — hence the same deterministic search and the same equilibrium process.
        #expect(a.scenario.ids == b.scenario.ids)
        #expect(a.states == b.states)
        #expect(a.moves.map { $0.map(\.target) } == b.moves.map { $0.map(\.target) })
        #expect(a.moves.map { $0.map(\.move) } == b.moves.map { $0.map(\.move) })
        #expect(zip(a.payoffs, b.payoffs).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) <= 1e-12 } })
    }

    /// Every built-in, in both settings: the solved dynamic game of a reversed file and of a shuffled actor list gives
    /// every actor the same choice and value at the status quo, and the same long-run structures.
    @Test(arguments: BuiltinScenarios.all.map(\.name))
    func theDynamicEquilibriumDoesNotDependOnTheOrderOfActors(name: String) throws {
        let s = try BuiltinScenarios.scenario(named: name)
        let n = s.actorCount
        let statusQuo = try s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) }))
        var p = AllianceFormationGame.Parameters()
        if n > AllianceFormationGame.defaultActorLimit { p.maxCoalitionSize = 2 }
        let shuffle = (0..<n).map { ($0 * 3 + 2) % n }
        for setting in [statusQuo, s] {
            let orders = [
                try Self.reversedFile(setting), Set(shuffle).count == n ? try setting.reordered(shuffle) : setting,
            ]
            let a = try AllianceFormationGame(scenario: setting, parameters: p, actorLimit: n)
            let x = try a.solve()
            #expect(x.verified, "\(name)")
            let summary = { (g: AllianceFormationGame, r: AllianceDynamicsResult) in
                (
                    Dictionary(uniqueKeysWithValues: zip(g.scenario.ids, g.choices(in: r.initialState, result: r))),
                    r.absorbing.map { g.describe($0.state) }, r.values[r.initialState]
                )
            }
            let base = summary(a, x)
            for other in orders {
                let b = try AllianceFormationGame(scenario: other, parameters: p, actorLimit: n)
                let y = try b.solve()
                let o = summary(b, y)
                #expect(y.verified && y.selection == x.selection, "\(name)")
                #expect(o.0 == base.0, "\(name)")
                #expect(o.1 == base.1, "\(name)")
                #expect(zip(o.2, base.2).allSatisfy { abs($0 - $1) < 1e-9 }, "\(name)")
                #expect(zip(x.absorbing, y.absorbing).allSatisfy { abs($0.probability - $1.probability) < 1e-9 })
            }
        }
    }

    @Test func theAnalysisOfAReversedFileIsTheSame() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1890")
        let r = try Self.reversedFile(s)
        let (a, b) = (try AllianceAnalysis(scenario: s), try AllianceAnalysis(scenario: r))
        for (x, y) in [(a.statusQuo, b.statusQuo), (a.powerAcquiring, b.powerAcquiring)] {
            let named = { (o: AlignmentOutcome, ids: [String]) -> [String: String] in
                Dictionary(uniqueKeysWithValues: ids.indices.map { (ids[$0], o.choices[$0].rawValue) })
            }
            #expect(named(x, s.ids) == named(y, r.ids))
            #expect(Set(x.blocs.map { Set($0.map { s.ids[$0] }) }) == Set(y.blocs.map { Set($0.map { r.ids[$0] }) }))
            for i in 0..<s.actorCount {
                for j in 0..<s.actorCount {
                    let (bi, bj) = (r.ids.firstIndex(of: s.ids[i])!, r.ids.firstIndex(of: s.ids[j])!)
                    #expect(abs(x.allied[i, j] - y.allied[bi, bj]) < 1e-9)
                }
            }
        }
    }
}
