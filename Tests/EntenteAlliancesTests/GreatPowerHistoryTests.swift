import EntenteAlliances
import Foundation
import Testing

/// The embedded great-power history 1816–1945 and the scenarios built from it.
@Suite struct GreatPowerHistoryTests {
    let history = GreatPowerHistory.embedded

    @Test func tablesHaveTheDocumentedSizes() throws {
        #expect(history.years == 1816...1945 && history.outcomeYears == 1816...1890)
        let years = try history.years.map { try history.year($0) }
        #expect(years.map(\.powers.count).reduce(0, +) == 792)
        #expect(years.map(\.dyads.count).reduce(0, +) == 2090)
        #expect(
            years.allSatisfy {
                (5...8).contains($0.powers.count) && $0.dyads.count == $0.powers.count * ($0.powers.count - 1) / 2
            })
        #expect(history.alliances.count == 295)
        #expect(history.wars.map(\.warnum) == [22, 28, 55, 58])
        #expect(history.wars.flatMap(\.participants).count == 10)
        #expect(history.wars.flatMap(\.pairs).count == 8)
        // Missing NMC values (−9) are nil: AUH 1816 milex.
        let auh = try #require(try history.year(1816).power(ccode: 300))
        #expect(auh.milex == nil && auh.milper != nil && auh.militaryShare > 0)
        // Minimum distance coverage starts in 1886.
        #expect(try history.year(1885).dyads.allSatisfy { $0.minDistanceKm == nil })
        #expect(try history.year(1886).dyads.allSatisfy { $0.minDistanceKm != nil })
    }

    @Test func yearsOutsideTheDataAreATypedError() throws {
        for y in [1815, 1946] {
            #expect(throws: HistoryError.yearOutOfRange(year: y, available: 1816...1945)) {
                try history.scenario(year: y)
            }
        }
        #expect(throws: HistoryError.outcomesUnavailable(year: 1891, available: 1816...1890)) {
            try history.commitments(year: 1891)
        }
        #expect(try history.scenario(year: 1945).actorCount >= 5)
    }

    /// ATOP 5.1 codes the 1887 Mediterranean Agreements (UKG–AUH, UKG–ITA) with an offense obligation, so under the
    /// defense-or-offense outcome 1890 has five allied pairs, not only the Triple Alliance.
    @Test func alliancesOf1890AreTheTripleAllianceAndTheMediterraneanAgreements() throws {
        let allied = try history.commitments(year: 1890).filter(\.isAlliance).map { "\($0.ccode1)-\($0.ccode2)" }
        #expect(Set(allied) == ["255-300", "255-325", "300-325", "200-300", "200-325"])
        let y = try history.year(1890)
        let o = try history.allianceOutcomes(year: 1890)
        #expect(o.count == y.dyads.count && o.filter { $0 }.count == 5)
    }

    /// 1870 and 1914 agree with the built-in scenarios on the great powers they share (the built-ins add Turkey,
    /// which is not a COW major power). The built-ins use NMC v6.0 with CINC recomputed over all states, the history
    /// NMC v7.0's published CINC and its world totals: for these years they agree to < 1e-4 (capability) and the
    /// distances, land contiguity and rivalries are identical.
    @Test(arguments: [(1870, "europe-1870"), (1914, "great-powers-1914")])
    func scenarioMatchesTheBuiltinWhereTheyOverlap(year: Int, builtin: String) throws {
        let h = try history.scenario(year: year)
        let b = try BuiltinScenarios.scenario(named: builtin)
        #expect(h.name == "history-\(year)" && h.year == year)
        let shared = h.ids.filter { b.index(of: $0) != nil }
        #expect(shared.count == h.actorCount)
        for id in shared {
            let x = h.actors[h.index(of: id)!], y = b.actors[b.index(of: id)!]
            #expect(abs(x.capability - y.capability) < 1e-4, "\(id) capability \(x.capability) vs \(y.capability)")
            #expect(
                abs(x.militaryShare - y.militaryShare) < 2e-3,
                "\(id) military share \(x.militaryShare) vs \(y.militaryShare)")
            #expect(x.type == .statusQuo)
        }
        for a in shared {
            for c in shared where a != c {
                let (i, j) = (h.index(of: a)!, h.index(of: c)!), (k, l) = (b.index(of: a)!, b.index(of: c)!)
                #expect(abs(h.distances[i, j] - b.distances[k, l]) < 1, "\(a)–\(c) distance")
                #expect(h.landContiguous[i][j] == b.landContiguous[k][l], "\(a)–\(c) contiguity")
                #expect(h.rivalries[i][j] == b.rivalries[k][l], "\(a)–\(c) rivalry")
            }
        }
    }

    @Test func suppliedOutcomesExtendTheScoredYears() throws {
        let supplied = [
            AllianceCommitment(year: 1891, ccode1: 220, ccode2: 365, defense: true, offense: false),
            AllianceCommitment(year: 1892, ccode1: 365, ccode2: 220, defense: true, offense: false),
        ]
        let wars = try HistoryCSV.wars(
            "warnum,start_year,ccode,stateabb,side\n999,1892,220,FRN,1\n999,1892,255,GMY,2\n")
        let h = try history.withOutcomes(alliances: supplied, wars: wars)
        #expect(h.outcomeYears == 1816...1892 && h.warYears.upperBound == 1892)
        #expect(try h.allianceOutcomes(year: 1892).filter { $0 }.count == 1)
        #expect(try h.commitments(year: 1890).count == (try history.commitments(year: 1890)).count)
        #expect(try h.wars(startingIn: 1891...1892).map(\.warnum) == [999])
        #expect(throws: HistoryError.self) {
            try history.withOutcomes(
                alliances: [AllianceCommitment(year: 1900, ccode1: 2, ccode2: 200, defense: true, offense: false)],
                wars: nil)
        }
    }

    @Test func malformedOutcomeFilesAreReported() throws {
        #expect(throws: HistoryError.malformed(table: "alliances", line: 1, message: "missing column \"offense\"")) {
            try HistoryCSV.alliances("year,ccode1,ccode2,defense\n1891,220,365,1\n")
        }
        #expect(throws: HistoryError.self) {
            try HistoryCSV.alliances("year,ccode1,ccode2,defense,offense\n1891,220,365,2,0\n")
        }
        let parsed = try HistoryCSV.alliances(
            "\"year\",\"ccode1\",\"ccode2\",\"abb1\",\"abb2\",\"defense\",\"offense\"\r\n1891,365,220,\"RUS\",\"FRN\",1,0\r\n"
        )
        #expect(parsed == [AllianceCommitment(year: 1891, ccode1: 220, ccode2: 365, defense: true, offense: false)])
    }
}
