import EntenteAlliances
import EntenteIO
import EntenteNumerics
import Foundation
import Testing

@Suite struct AllianceAnalysisTests {
    /// Structural equality with numbers compared to 1e-9 relative (1e-12 absolute near zero).
    static func close(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return abs(x - y) <= 1e-12 + 1e-9 * max(abs(x), abs(y))
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { close($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && close($0.1, $1.1) }
        default: return a == b
        }
    }

    @Test func analyzeJSONMatchesTheGoldenFileForEurope1890() throws {
        let url = try #require(Bundle.module.url(forResource: "Golden/analyze-europe-1890", withExtension: "json"))
        let golden = try String(contentsOf: url, encoding: .utf8)
        let a = try AllianceAnalysis(scenario: BuiltinScenarios.scenario(named: "europe-1890"))
        if let path = ProcessInfo.processInfo.environment["ENTENTE_WRITE_GOLDEN"] {  // regenerate after a model change
            try (AnalysisJSON.encode(a).serialized() + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        // Same keys, order, strings and structure; numbers equal to 1e-9 (relative): the last digits of LU and
        // stationary-distribution results may differ between builds.
        #expect(Self.close(try JSONValue.parse(AnalysisJSON.encode(a).serialized()), try JSONValue.parse(golden)))
        // The documented keys are present.
        let parsed = try JSONValue.parse(golden)
        for key in ["actors", "roles", "powerIndices", "threat", "blocs", "settings"] {
            #expect(parsed[key] != nil, "\(key)")
        }
        #expect(
            parsed["settings"]?["statusQuo"]?["choices"] != nil
                && parsed["settings"]?["powerAcquiring"]?["blocs"] != nil)
    }

    @Test func europe1914SplitsIntoEntenteAndCentralPowers() throws {
        let a = try AllianceAnalysis(scenario: BuiltinScenarios.scenario(named: "europe-1914"))
        let ids = a.scenario.ids
        let blocs = try #require(a.exactBlocs).blocs.map { Set($0.map { ids[$0] }) }
        #expect(blocs.contains(["UKG", "FRN", "RUS"]) && blocs.contains(["GMY", "AUH", "ITA", "TUR"]))
        #expect(a.blocAgreement == 1)
    }

    @Test func scenarioJSONRoundTripsAndValidates() throws {
        let s = try BuiltinScenarios.scenario(named: "great-powers-1939")
        let text = ScenarioJSON.encode(s).serialized()
        let back = try ScenarioJSON.parse(text)
        #expect(back == s)
        func error(_ json: String) -> String {
            do { _ = try ScenarioJSON.parse(json); return "no error" } catch { return "\(error)" }
        }
        #expect(
            error(#"{"actors": [{"id": "A", "capability": -1}]}"#)
                == "$.actors[0].capability: capability must be non-negative, got -1.0")
        #expect(
            error(#"{"actors": [{"id": "A", "capability": 1}, {"id": "A", "capability": 2}]}"#).contains(
                "duplicate id \"A\""))
        #expect(error(#"{"actors": [{"id": "A", "capability": 1, "type": 1.5}]}"#).contains("$.actors[0].type"))
        #expect(
            error(#"{"actors": [{"id": "A", "capability": 1}], "rivalries": [["A", "B"]]}"#)
                == #"$.rivalries[0][1]: unknown actor id "B""#)
        #expect(
            error(#"{"actors": [{"id": "A", "capability": 1}, {"id": "B", "capability": 1}]}"#).contains(
                "no distance between A and B"))
        #expect(error(#"{"actors": [{"id": "A", "capability": NaN}]}"#).contains("invalid number"))
    }

    @Test func jackalBalancesWithoutSpoilsAndUnthreatenedActorStaysOut() throws {
        // A (0.5, a power-acquiring "wolf") and B (0.3) are neighbouring rivals; C (0.15) is far from everyone;
        // J (0.05) is a power-acquiring "jackal" (Schweller 1994).
        let actors = [
            Country(id: "A", capability: 0.5, type: .powerAcquiring), Country(id: "B", capability: 0.3),
            Country(id: "C", capability: 0.15),
            Country(id: "J", capability: 0.05, type: .powerAcquiring),
        ]
        let far = 20_000.0
        let km: [[Double]] = [[0, 100, far, 300], [100, 0, far, 300], [far, far, 0, far], [300, 300, far, 0]]
        var riv = [[Bool]](repeating: [false, false, false, false], count: 4)
        riv[0][1] = true; riv[1][0] = true
        let s = try Scenario(name: "toy", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
        var p = AlignmentParameters()
        p.prize = 20
        let greedy = try AllianceAnalysis(scenario: s, alignment: p)
        // The remote, unthreatened C stays out in every setting.
        #expect(greedy.statusQuo.choices[2] == .stayOut && greedy.powerAcquiring.choices[2] == .stayOut)
        // Without spoils, the jackal next to the wolf balances against it with B; with large spoils it does not
        // side with B (the wolf's Gamson share would be diluted, so the wolf refuses it: it would gain by joining, and
        // is isolated rather than neutral by choice).
        p.prize = 0
        let modest = try AllianceAnalysis(scenario: s, alignment: p)
        #expect(modest.powerAcquiring.choices[3] == .balance && modest.powerAcquiring.structure.contains([1, 3]))
        #expect(greedy.powerAcquiring.choices[3] == .isolated)
        for o in [greedy.statusQuo, greedy.powerAcquiring, modest.powerAcquiring] {
            #expect(o.isEquilibrium && o.equilibria.allSatisfy { $0.regret <= 1e-9 })
        }
    }

    @Test func wolfAcceptsJackalWhenItsStrengthDecidesTheWarAndSpoilsAreLarge() throws {
        // W (0.40, power-acquiring "wolf") and D (0.45, status quo) are rivals near parity; J (0.15) is a
        // power-acquiring "jackal" (Schweller 1994). With γ = 2 the jackal's strength moves the wolf's chances
        // most near parity, so the wolf gains from sharing the spoils with it; the jackal, hopeless alone, gains too.
        let actors = [
            Country(id: "W", capability: 0.40, type: .powerAcquiring), Country(id: "D", capability: 0.45),
            Country(id: "J", capability: 0.15, type: .powerAcquiring),
        ]
        let km: [[Double]] = [[0, 300, 300], [300, 0, 300], [300, 300, 0]]
        let riv = [[false, true, false], [true, false, false], [false, false, false]]
        let s = try Scenario(name: "wolf and jackal", actors: actors, distances: Matrix(rowArrays: km), rivalries: riv)
        var p = AlignmentParameters()
        p.prize = 5
        let greedy = try AllianceAnalysis(scenario: s, alignment: p)
        #expect(greedy.powerAcquiring.equilibria.map(\.blocks) == [[[0, 2], [1]]])
        #expect(greedy.powerAcquiring.choices[2] == .bandwagon)
        // Without spoils the same jackal sides with the defender against the wolf that threatens it.
        p.prize = 0
        let modest = try AllianceAnalysis(scenario: s, alignment: p)
        #expect(modest.powerAcquiring.equilibria.map(\.blocks) == [[[0], [1, 2]]])
        #expect(modest.powerAcquiring.structure.contains([1, 2]))
        // With everyone status quo nobody allies (no common outside threat outweighs the costs).
        #expect(greedy.statusQuo.structure.allSatisfy { $0.count == 1 })
        for o in [greedy.statusQuo, greedy.powerAcquiring, modest.powerAcquiring] {
            #expect(o.isEquilibrium && o.equilibria.allSatisfy { $0.regret <= 1e-9 })
        }
    }

    @Test func badParametersAreRejected() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1890")
        #expect(throws: AllianceGameError.self) { try ThreatModel(lengthKm: -1, epsilon: 0.1).matrix(s) }
        #expect(throws: AllianceGameError.self) { try ThreatModel(lengthKm: 500, epsilon: 2).matrix(s) }
        var p = AlignmentParameters()
        p.autonomyCost = -1
        #expect(throws: AllianceGameError.invalidParameter(name: "kappa", value: -1, range: "[0, 1e12]")) {
            try AllianceAnalysis(scenario: s, alignment: p)
        }
        #expect(throws: ScenarioError.self) { try BuiltinScenarios.scenario(named: "atlantis-1900") }
        #expect(throws: ScenarioError.self) { try s.withTypes(["XXX": .powerAcquiring]) }
    }
}

@Suite struct NMCCSVTests {
    static let csv = """
        stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng
        AAA,1900,100,10,50,200,1000,100,50.0,0.0
        BBB,1900,50,20,-9,100,2000,50,48.0,2.0
        CCC,1900,-9,5,10,20,500,-9,45.0,10.0
        DDD,1901,1,1,1,1,1,1,0,0
        """

    @Test func cincFromACSVUsesTheMissingValueRule() throws {
        let s = try NMCCSV.scenario(Self.csv, year: 1900, states: ["AAA", "BBB"])
        #expect(s.actorCount == 2)
        // AAA: milex 100/150, milper 10/35, irst 50/60, pec 200/320, tpop 1000/3500, upop 100/150 (−9 skipped in totals).
        let expected = (100.0 / 150 + 10.0 / 35 + 50.0 / 60 + 200.0 / 320 + 1000.0 / 3500 + 100.0 / 150) / 6
        #expect(abs(s.actors[0].capability - expected) < 1e-15)
        #expect(abs(s.distances[0, 1] - Scenario.haversineKm((50, 0), (48, 2))) < 1e-9)
        #expect(try NMCCSV.scenario(Self.csv, year: 1900).actorCount == 3)
    }

    @Test func badCSVRowsAreReportedWithTheirPosition() {
        #expect(throws: FileFormatError.self) { try NMCCSV.scenario("stateabb,year\nA,1900\n", year: 1900) }
        do {
            _ = try NMCCSV.scenario("stateabb,year,milex,milper,irst,pec,tpop,upop\nA,1900,x,1,1,1,1,1\n", year: 1900)
            Issue.record("expected an error")
        } catch let e as FileFormatError {
            #expect(e.line == 2 && e.column == 3)
        } catch { Issue.record("wrong error \(error)") }
        #expect(throws: FileFormatError.self) { try NMCCSV.scenario(Self.csv, year: 1900, states: ["ZZZ"]) }
    }
}
