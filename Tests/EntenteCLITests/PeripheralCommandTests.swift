import Entente
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end checks of `entente fence-sit`, `buck-pass`, `hedonic` and `sweep --svg` against the known answers of
/// buck-passing, hedonic threat affinity and fence-sitting.
@Suite struct PeripheralCommandTests {
    let cli = CommandLineTests()

    func json(_ arguments: [String]) throws -> JSONValue {
        let r = try cli.run(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try JSONValue.parse(r.stdout)
    }

    func number(_ v: JSONValue?) -> Double {
        if case .number(let x)? = v { return x }
        Issue.record("not a number: \(String(describing: v))")
        return .nan
    }

    @Test func fenceSitReportsTheOneShotDecisionAndTheBeliefRegions() throws {
        let a = try json(["fence-sit", "--p", "0.5", "--lambda", "0.1", "--format", "json"])
        #expect(a["oneShot"]?["decision"] == .string("WAIT"))
        #expect(abs(number(a["oneShot"]?["wait"]) - 0.2755) < 1e-12 && abs(number(a["oneShot"]?["ally"]) + 0.1) < 1e-12)
        // Infinite horizon, λ = 0.1: OUT ≤ .25, WAIT .26–.91, ALLY ≥ .92, V(.5) = .223571.
        #expect(abs(number(a["infiniteHorizon"]?["value"]) - 0.223571) < 1e-6)
        guard case .array(let regions)? = a["infiniteHorizon"]?["regions"] else { Issue.record("no regions"); return }
        let described = regions.map { r -> String in
            guard case .string(let d)? = r["decision"] else { return "?" }
            return "\(d) \(Format2.two(number(r["from"])))–\(Format2.two(number(r["to"])))"
        }
        #expect(described == ["OUT 0.00–0.25", "WAIT 0.26–0.91", "ALLY 0.92–1.00"])
        let b = try json(["fence-sit", "--p", "0.9", "--lambda", "0.5", "--format", "json"])
        #expect(b["oneShot"]?["decision"] == .string("ALLY") && abs(number(b["oneShot"]?["wait"]) - 0.2755) < 1e-12)
        // λ = 1: no WAIT region (OUT ≤ .79, ALLY ≥ .80).
        let table = try cli.run(["fence-sit", "--lambda", "1"])
        #expect(
            table.status == 0 && table.stdout.contains("no WAIT region") && table.stdout.contains("OUT       0 – 0.79"))
        let plain = try cli.run(["fence-sit", "--p", "0.5", "--lambda", "0.1"])
        #expect(plain.stdout.contains("decision: WAIT") && plain.stdout.contains("0.2755"))
    }

    @Test func buckPassMatchesTheClosedFormAndTheNashSolvers() throws {
        for (n, c, balance, none) in [
            (2, 0.5, 0.5, 0.25), (3, 0.5, 0.292893, 0.353553), (10, 0.5, 0.074125, 0.462937),
            (3, 0.1, 0.683772, 0.031623),
        ] {
            let d = try json(["buck-pass", "--n", "\(n)", "--cost", "\(c)", "--format", "json"])
            #expect(
                abs(number(d["symmetric"]?["balance"]) - balance) < 5e-7
                    && abs(number(d["symmetric"]?["nobodyBalances"]) - none) < 5e-7)
            guard n <= 6 else { #expect(d["solvers"] == nil); continue }
            #expect(number(d["symmetricRegret"]) < 1e-12)
            guard case .array(let solved)? = d["solvers"] else { Issue.record("no solvers"); continue }
            // n = 2: vertex enumeration finds the two pure equilibria and the mixed one; n = 3: three pure + logit.
            #expect(solved.count == (n == 2 ? 3 : n + 1))
            for s in solved { #expect(number(s["regret"]) < 1e-8) }
            let symmetric = solved.contains { s in
                guard case .array(let ps)? = s["balance"] else { return false }
                return ps.allSatisfy { abs(number($0) - balance) < 5e-7 }
            }
            #expect(symmetric, "n = \(n)")
        }
    }

    @Test func hedonicReproducesTheThreatAffinityKnownAnswers() throws {
        func partitions(_ d: JSONValue, _ key: String) -> [String: Double] {
            guard case .array(let ps)? = d[key] else { return [:] }
            var out: [String: Double] = [:]
            for p in ps {
                guard case .array(let blocs)? = p["blocs"] else { continue }
                let text = blocs.map { b -> String in
                    guard case .array(let ids) = b else { return "" }
                    return ids.map { if case .string(let s) = $0 { return s } else { return "" } }.joined(
                        separator: ",")
                }.sorted().joined(separator: " | ")
                out[text] = number(p["potential"])
            }
            return out
        }
        let a = try json([
            "hedonic", "--builtin", "europe-1890", "--lambda", "1000", "--epsilon", "0.25", "--format", "json",
        ])
        let nash = partitions(a, "nashStable")
        #expect(Set(nash.keys) == ["AUH,GMY,ITA,TUR,UKG | FRN,RUS", "AUH,FRN,GMY,ITA,RUS,TUR,UKG"])
        #expect(abs((nash["AUH,GMY,ITA,TUR,UKG | FRN,RUS"] ?? 0) - 1.292669) < 1e-6)
        #expect(abs((nash["AUH,FRN,GMY,ITA,RUS,TUR,UKG"] ?? 0) - 1.232578) < 1e-6)
        let b = try json([
            "hedonic", "--builtin", "europe-1890", "--lambda", "500", "--epsilon", "0.1", "--format", "json",
        ])
        #expect(
            partitions(b, "nashStable").mapValues { ($0 * 1e6).rounded() } == ["AUH,GMY,ITA,TUR,UKG | FRN,RUS": 948110])
        let c = try json(["hedonic", "--builtin", "europe-1870", "--format", "json"])
        #expect(
            partitions(c, "nashStable").mapValues { ($0 * 1e6).rounded() } == ["AUH,FRN,TUR | GMY,ITA,RUS,UKG": 557432])
        let d = try json([
            "hedonic", "--builtin", "europe-1870", "--lambda", "1000", "--epsilon", "0.25", "--format", "json",
        ])
        #expect(
            partitions(d, "nashStable").mapValues { ($0 * 1e6).rounded() } == ["AUH,FRN,GMY,ITA,RUS,TUR,UKG": 1011864])
        let table = try cli.run(["hedonic", "--builtin", "europe-1890", "--lambda", "1000", "--epsilon", "0.25"])
        #expect(
            table.status == 0 && table.stdout.contains("Nash-stable partitions (2)")
                && table.stdout.contains("{AUH,GMY,ITA,TUR,UKG} | {FRN,RUS}"))
    }

    @Test func newSubcommandsFailWithOneLine() throws {
        let cases: [[String]] = [
            ["fence-sit", "--lambda", "1.5"], ["fence-sit", "--p", "2"], ["fence-sit", "--accuracy", "0.4"],
            ["buck-pass", "--n", "1"], ["buck-pass", "--cost", "2"], ["hedonic", "--builtin", "atlantis"],
            ["hedonic", "--builtin", "europe-1890", "--epsilon", "3"], ["fence-sit", "--format", "csv"],
        ]
        for args in cases {
            let r = try cli.run(args)
            #expect(r.status != 0, "\(args)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("entente: error: "), "\(args): \(r.stderr)")
        }
    }

    /// Three actors, A and B neighbouring rivals: each grid point solves in milliseconds.
    static let toy = """
        {"name": "toy", "actors": [
          {"id": "A", "capability": 0.4}, {"id": "B", "capability": 0.35}, {"id": "C", "capability": 0.25}],
         "distances_km": [["A", "B", 300], ["A", "C", 200], ["B", "C", 200]], "rivalries": [["A", "B"]]}
        """

    /// Cells (`<rect class="cell">`) per panel (`<g class="panel" data-panel=…>`), read by an XML parser where
    /// Foundation has one (the parse fails on malformed XML), else by the document's structure.
    static func cellsPerPanel(_ svg: String) throws -> [String: Int] {
        #if canImport(FoundationXML) || canImport(Darwin)
            final class Counter: NSObject, XMLParserDelegate {
                var panel: String?
                var counts: [String: Int] = [:]
                var root: String?
                func parser(
                    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]
                ) {
                    if root == nil { root = name }
                    if name == "g", attributes["class"] == "panel" { panel = attributes["data-panel"] }
                    if name == "rect", attributes["class"] == "cell", let p = panel { counts[p, default: 0] += 1 }
                }
                func parser(
                    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
                ) {
                    if name == "g" { panel = nil }
                }
            }
            let parser = XMLParser(data: Data(svg.utf8))
            let counter = Counter()
            parser.delegate = counter
            #expect(parser.parse(), "malformed SVG: \(String(describing: parser.parserError))")
            #expect(counter.root == "svg")
            return counter.counts
        #else
            var counts: [String: Int] = [:]
            for chunk in svg.components(separatedBy: "<g class=\"panel\" data-panel=\"").dropFirst() {
                let name = String(chunk.prefix { $0 != "\"" })
                counts[name] =
                    chunk.components(separatedBy: "</g>")[0].components(separatedBy: "class=\"cell\"").count - 1
            }
            #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
            return counts
        #endif
    }

    @Test func sweepDrawsOneCellPerGridPointAndPanel() throws {
        let file = try cli.temporaryFile(Self.toy, suffix: ".json")
        let svg = NSTemporaryDirectory() + "entente-sweep-\(UUID().uuidString).svg"
        let r = try cli.run([
            "sweep", file, "--types", "A=pa", "--param", "kappa=0,0.05,0.1", "--param", "lambda=0,0.5", "--svg", svg,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 6)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(try Self.cellsPerPanel(picture) == ["A": 6, "B": 6, "C": 6])
        #expect(picture.contains("<g class=\"legend\">"))
        // The structures view: one panel.
        let s = try cli.run([
            "sweep", file, "--param", "kappa=0,0.05,0.1", "--param", "exit=0,1", "--svg", svg, "--svg-view",
            "structures",
        ])
        #expect(s.status == 0, "\(s.stderr)")
        #expect(try Self.cellsPerPanel(String(contentsOfFile: svg, encoding: .utf8)) == ["long-run structure": 6])
        // One axis, three axes, or an unwritable file: a one-line error and a non-zero exit.
        for args in [
            ["--param", "kappa=0,0.1", "--svg", svg],
            ["--param", "kappa=0,0.1", "--param", "lambda=0", "--param", "delta=0.9", "--svg", svg],
            ["--param", "kappa=0,0.1", "--param", "lambda=0", "--svg", "/nonexistent/dir/x.svg"],
            ["--param", "kappa=0,0.1", "--param", "lambda=0", "--svg", svg, "--svg-view", "pie"],
        ] {
            let e = try cli.run(["sweep", file] + args)
            #expect(e.status != 0, "\(args)")
            #expect(e.stderr.split(separator: "\n").last?.hasPrefix("entente: error: ") == true, "\(args): \(e.stderr)")
        }
    }
}

enum Format2 {
    static func two(_ x: Double) -> String { String(format: "%.2f", x) }
}
