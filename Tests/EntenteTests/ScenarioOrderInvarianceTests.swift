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

    @Test func theDynamicEquilibriumOfAReversedFileIsTheSame() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1870")
        let r = try Self.reversedFile(s)
        let a = try AllianceFormationGame(scenario: s)
        let b = try AllianceFormationGame(scenario: r)
        let (x, y) = (try a.solve(), try b.solve())
        #expect(x.verified && y.verified)
        #expect(a.choices(in: x.initialState, result: x) == b.choices(in: y.initialState, result: y))
        #expect(x.absorbing.map(\.state) == y.absorbing.map(\.state))
        #expect(zip(x.absorbing, y.absorbing).allSatisfy { abs($0.probability - $1.probability) < 1e-9 })
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
