import EntenteCooperative
import EntenteGames
import EntenteNumerics
import Foundation
import Testing

// @testable: the embedded data tables (BuiltinData) are internals checked against their published sources here.
@testable import EntenteAlliances

@Suite struct AllianceDataTests {
    @Test(arguments: [1870, 1890, 1914, 1939]) func cincReproducesThePublishedColumn(year: Int) throws {
        let records = CINC.builtinRecords(year: year)
        #expect(records.count > 30)
        let scores = CINC.scores(records)
        for r in records { #expect(abs(scores[r.state]!.cinc - r.publishedCINC) < 1e-8, "\(r.state) \(year)") }
    }

    @Test func missingAsZeroWouldBeWrong() {
        // CHN 1870 misses milex and upop: treating −9 as 0 over six components errs by about 0.057.
        let records = CINC.builtinRecords(year: 1870)
        let chn = records.first { $0.state == "CHN" }!
        let naive = CINC.scores(
            records.map { r in
                NMCRecord(
                    state: r.state, ccode: r.ccode, year: r.year, milex: max(0, r.milex), milper: max(0, r.milper),
                    irst: max(0, r.irst),
                    pec: max(0, r.pec), tpop: max(0, r.tpop), upop: max(0, r.upop), publishedCINC: r.publishedCINC)
            })
        #expect(abs(naive["CHN"]!.cinc - chn.publishedCINC) > 0.05)
    }

    @Test func haversineReproducesEveryShippedCapitalDistance() {
        var checked = 0
        for (year, a, b, km, _) in BuiltinData.dyads {
            guard let ca = BuiltinData.capitals.first(where: { $0.0 == year && $0.1 == a }),
                let cb = BuiltinData.capitals.first(where: { $0.0 == year && $0.1 == b })
            else { continue }
            #expect(Scenario.haversineKm((ca.3, ca.4), (cb.3, cb.4)) == km, "\(year) \(a)-\(b)")
            checked += 1
        }
        #expect(checked == 841)
    }

    func shapleyShubik(_ s: Scenario) throws -> [String] {
        let g = try WeightedMajorityGame(capabilities: s.actors.map(\.capability), rule: .strict)
        return try PowerIndices.shapleyShubik(g).exact!.map(\.description)
    }

    @Test func shapleyShubikOfTheBuiltinScenariosMatchesModels() throws {
        #expect(
            try shapleyShubik(BuiltinScenarios.scenario(named: "great-powers-1914"))
                == ["39/140", "11/60", "23/140", "13/105", "2/21", "8/105", "1/28", "1/35", "1/70"])
        #expect(
            try shapleyShubik(BuiltinScenarios.scenario(named: "europe-1914")) == [
                "4/15", "1/10", "1/6", "1/3", "1/10", "1/30", "0",
            ])
        #expect(
            try shapleyShubik(BuiltinScenarios.scenario(named: "great-powers-1939"))
                == ["26/105", "26/105", "19/105", "4/35", "4/35", "1/21", "1/21"])
        #expect(
            try shapleyShubik(BuiltinScenarios.scenario(named: "europe-1870")) == [
                "7/15", "1/6", "1/10", "1/6", "1/30", "1/30", "1/30",
            ])
        #expect(
            try shapleyShubik(BuiltinScenarios.scenario(named: "europe-1890")) == [
                "11/30", "2/15", "2/15", "7/30", "1/15", "1/15", "0",
            ])
        let e1914 = try BuiltinScenarios.scenario(named: "europe-1914")
        #expect(abs(e1914.actors.map(\.capability).reduce(0, +) - 0.587721) < 1e-6)
    }

    @Test func aesRulingCoalitionsOnCINC() throws {
        for (name, expected) in [
            ("europe-1870", ["UKG", "FRN", "RUS", "AUH"]), ("europe-1890", ["FRN", "RUS", "GMY"]),
        ] {
            let s = try BuiltinScenarios.scenario(named: name)
            let ruling = try RulingCoalitions.ruling(powers: s.actors.map(\.capability))
            #expect(ruling.count == 1 && ruling[0].members.map { s.actors[$0].id } == expected)
            #expect(!(try RulingCoalitions.selfEnforcing(powers: s.actors.map(\.capability)).last!))
        }
    }

    @Test func threatMatrix1890MatchesTheHandComputedTable() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1890")
        let t = try ThreatModel(lengthKm: 500, epsilon: 0.1).matrix(s)
        let expected: [[Double]] = [
            [0, 0.074548, 0.002422, 0.002171, 0.000546, 0.000353, 0.000027],
            [0.049292, 0, 0.002118, 0.139791, 0.008136, 0.062210, 0.000043],
            [0.001491, 0.001973, 0, 0.139791, 0.064567, 0.000057, 0.039466],
            [0.001518, 0.147797, 0.158704, 0, 0.006457, 0.000584, 0.000122],
            [0.000826, 0.018624, 0.158704, 0.013979, 0, 0.062210, 0.039466],
            [0.000555, 0.147797, 0.000146, 0.001313, 0.064567, 0, 0.002517],
            [0.000066, 0.000162, 0.158704, 0.000433, 0.064567, 0.003967, 0],
        ]
        for i in 0..<7 { for j in 0..<7 { #expect(abs(t[i, j] - expected[i][j]) < 5e-7, "T[\(i)←\(j)]") } }
        let fr = s.index(of: "FRN")!, uk = s.index(of: "UKG")!
        #expect(
            abs(s.actors[fr].offensiveEmphasis - 1.550828) < 1e-6
                && abs(s.actors[uk].offensiveEmphasis - 0.544510) < 1e-6)
    }

    @Test func threatOfAThreeActorScenarioByHand() throws {
        // A (capability .5, military .6), B (.3, .3), C (.2, .1); A–B land-contiguous rivals, C 1000 km from both.
        let actors: [Country] = [
            Country(id: "A", capability: 0.5, militaryShare: 0.6),
            Country(id: "B", capability: 0.3, militaryShare: 0.3),
            Country(id: "C", capability: 0.2, militaryShare: 0.1),
        ]
        let km: [[Double]] = [[0, 800, 1000], [800, 0, 1000], [1000, 1000, 0]]
        let pair: [[Bool]] = [[false, true, false], [true, false, false], [false, false, false]]
        let s = try Scenario(
            name: "three", actors: actors, distances: Matrix(rowArrays: km), landContiguous: pair, rivalries: pair)
        let t = try ThreatModel(lengthKm: 500, epsilon: 0.1).matrix(s)
        #expect(abs(t[1, 0] - 0.6) < 1e-15)  // P·O of A, contiguous, rival
        let decay: Double = exp(-2.0)
        #expect(abs(t[2, 0] - 0.06 * decay) < 1e-15)  // 1000 km, no rivalry: 0.6 · e⁻² · 0.1
        #expect(abs(t[0, 2] - 0.01 * decay) < 1e-15)
        var noProximity = ThreatModel(lengthKm: 500, epsilon: 0.1)
        noProximity.proximity = .none
        #expect(abs(try noProximity.matrix(s)[2, 0] - 0.06) < 1e-15)
    }

    /// Blocs as sorted id lists, smaller bloc first.
    func names(_ split: Blocs.Split, _ s: Scenario) -> [[String]] {
        var blocs: [[String]] = split.blocs.map { bloc in bloc.map { s.actors[$0].id }.sorted() }
        blocs.sort { (a: [String], b: [String]) -> Bool in
            a.count != b.count ? a.count < b.count : a.joined(separator: ",") < b.joined(separator: ",")
        }
        return blocs
    }

    @Test func twoBlocSplitsOf1890And1870() throws {
        let s90 = try BuiltinScenarios.scenario(named: "europe-1890")
        let h90 = ThreatModel.hostility(try ThreatModel(lengthKm: 500, epsilon: 0.1).matrix(s90))
        let exact = try Blocs.exact(hostility: h90)
        #expect(names(exact, s90) == [["AUH", "FRN", "RUS"], ["GMY", "ITA", "TUR", "UKG"]])
        #expect(abs(exact.cut - 1.375039) < 1e-6)
        for v in Blocs.SpectralVariant.allCases {
            let sp = try Blocs.spectral(hostility: h90, variant: v)
            #expect(names(sp, s90) == [["FRN", "RUS"], ["AUH", "GMY", "ITA", "TUR", "UKG"]])
            #expect(abs(sp.cut - 1.372452) < 1e-6)
        }
        let s70 = try BuiltinScenarios.scenario(named: "europe-1870")
        let h70 = ThreatModel.hostility(try ThreatModel(lengthKm: 500, epsilon: 0.1).matrix(s70))
        let e70 = try Blocs.exact(hostility: h70)
        #expect(names(e70, s70) == [["AUH", "FRN", "TUR"], ["GMY", "ITA", "RUS", "UKG"]])
        #expect(abs(e70.cut - 1.195408) < 1e-6)
        #expect(abs(try Blocs.spectral(hostility: h70, variant: .adjacency).cut - 1.106506) < 1e-6)
    }

    @Test func spectralSplitRecoversAPlantedBalancedPartition() throws {
        // Hostility 1 across {0,1,2} | {3,4,5}, 0 inside: both methods find it.
        var h = Matrix(rows: 6, columns: 6)
        for i in 0..<3 { for j in 3..<6 { h[i, j] = 1; h[j, i] = 1 } }
        let planted = [1, 1, 1, -1, -1, -1]
        #expect(try Blocs.exact(hostility: h).sides == planted)
        #expect(try Blocs.spectral(hostility: h).sides == planted)
        #expect(Blocs.randIndex(planted, [1, 1, 1, 2, 2, 2]) == 1)
    }

    @Test func hedonicThreatAffinity1890HasTwoNashStablePartitions() throws {
        let s = try BuiltinScenarios.scenario(named: "europe-1890")
        let v = ThreatModel.affinity(try ThreatModel(lengthKm: 1000, epsilon: 0.25).matrix(s))
        let g = try HedonicGame(affinities: v)
        let stable = try g.nashStablePartitions()
        let described = stable.map { p in
            p.blocks.map { $0.members.map { s.actors[$0].id }.sorted().joined(separator: ",") }.sorted()
        }
        #expect(Set(described) == [["AUH,GMY,ITA,TUR,UKG", "FRN,RUS"], ["AUH,FRN,GMY,ITA,RUS,TUR,UKG"]])
        let potentials = stable.map(g.potential).sorted()
        #expect(abs(potentials[0] - 1.232578) < 1e-6 && abs(potentials[1] - 1.292669) < 1e-6)
    }
}
