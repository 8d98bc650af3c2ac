import Entente
import Foundation
import Testing

/// `entente predict`, `entente validate` and `--year` end to end.
extension CommandLineTests {
    @Test
    func predictPrintsOneRowPerPairAndYear() throws {
        let r = try run(["predict", "--years", "1891-1900"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "year,ccode1,ccode2,p_alliance,p_same_side")
        let expected = try (1891...1900).map { y -> Int in
            let n = try GreatPowerHistory.embedded.year(y).powers.count; return n * (n - 1) / 2
        }.reduce(0, +)
        #expect(lines.count - 1 == expected)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 5 })
        let json = try run(["predict", "--years", "1905", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"p_same_side\""))
    }

    @Test
    func validateRunsOn1880To1890AndDrawsSVG() throws {
        let svg = NSTemporaryDirectory() + "entente-validate-\(UUID().uuidString).svg"
        let r = try run(["validate", "--years", "1880-1890", "--fit", "1816-1870", "--svg", svg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains("logistic") && r.stdout.contains("nobody")
                && r.stdout.contains("outside the fitting window"))
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(picture.hasPrefix("<svg") && picture.contains("polyline"))
        let json = try run(["validate", "--years", "1880-1890", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"meanARI\""))
    }

    @Test
    func heldOutYearsNeedSuppliedOutcomes() throws {
        let refused = try run(["validate", "--years", "1891-1895"])
        #expect(refused.status != 0 && refused.stderr.contains("held out"))
        let outcomes = try temporaryFile(
            "year,ccode1,ccode2,abb1,abb2,defense,offense,neutral,nonagg,consul\n1891,255,300,GMY,AUH,1,0,0,0,0\n1892,220,365,FRN,RUS,1,0,0,0,0\n",
            suffix: ".csv")
        let wars = try temporaryFile(
            "warnum,start_year,ccode,stateabb,side,initiator,outcome,first_year,last_year\n", suffix: ".csv")
        let r = try run(["validate", "--years", "1891-1892", "--outcomes", outcomes, "--wars", wars])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("scored on 1891–1892"))
    }

    @Test
    func yearBuildsTheHistoryScenarioAndConflictsAreErrors() throws {
        let ok = try run(["analyze", "--year", "1905"])
        #expect(ok.status == 0 && ok.stdout.contains("history-1905"), "\(ok.stderr)")
        for args in [
            ["analyze", "--year", "1800"], ["analyze", "--year", "1905", "--builtin", "europe-1914"],
            ["dynamics", "--year", "1950"], ["predict", "--fit", "1816-1900"], ["predict", "--model", "oracle"],
            ["validate", "--years", "1880-1890", "--format", "csv"],
        ] {
            let r = try run(args)
            let lines = r.stderr.split(separator: "\n")
            #expect(r.status != 0 && lines.count == 1 && lines[0].hasPrefix("entente: error: "), "\(args): \(r.stderr)")
        }
    }
}
