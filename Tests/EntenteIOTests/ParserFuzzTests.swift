import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics
import Foundation
import Testing

/// A seeded, bounded mutation fuzzer run with the normal test suite: valid example inputs of every file format are
/// mutated byte by byte (deterministically) and fed to every parser, which must return a value or throw a typed
/// error (`FileFormatError`, `ScenarioError`, …) — never trap, hang or allocate without bound. Runs in a few
/// seconds; `ENTENTE_FUZZ_ITERATIONS=100000 swift test --filter ParserFuzzTests` runs it longer (docs/fuzzing.md),
/// and `ENTENTE_FUZZ_LOG=/tmp/last-input` writes each input to `/tmp/last-input.FORMAT` before parsing it, to find a crashing input.
@Suite struct ParserFuzzTests {
    /// SplitMix64: a small, fast, seedable generator (the sequence is the same on every platform).
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Format: String, CaseIterable { case nfg, gameJSON, bayesian, coalition, scenario, nmc }

    static let seeds: [(Format, String)] = [
        (
            .nfg,
            "NFG 1 R \"BoS\" { \"Her\" \"Him\" } { { \"Opera\" \"Fight\" } { \"Opera\" \"Fight\" } }\n\"\"\n2 1 0 0 0 0 1 2\n"
        ),
        (.nfg, "NFG 1 R \"t\" { \"A\" \"B\" } { 2 3 }\n1/3 2 3 4 5 6 7 8 9 10 11 12\n"),
        (
            .nfg,
            "NFG 1 R \"o\" { \"1\" \"2\" } { { \"a\" \"b\" } { \"c\" \"d\" } }\n\"\"\n{ { \"x\" 1, -1 } { \"y\" -1, 1 } }\n1 2 2 1\n"
        ),
        (
            .nfg,
            "NFG 1 D \"three\" { \"1\" \"2\" \"3\" } { 2 2 2 }\n1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24\n"
        ),
        (
            .gameJSON,
            #"{"title": "t", "players": ["Row", "Col"], "strategies": [["U", "D"], ["L", "M", "R"]], "payoffs": [[[1, 2, "1/3"], [4, 5, 6]], [[-1, -2, -3], [-4, -5, -6]]]}"#
        ),
        (
            .gameJSON,
            #"{"players": ["a", "b", "c"], "strategies": [["x", "y"], ["x", "y"], ["x"]], "payoffs": [[[[1], [2]], [[3], [4]]], [[[1], [2]], [[3], [4]]], [[[0], [0]], [[0], [1e3]]]]}"#
        ),
        (
            .bayesian,
            #"{"title": "Bayesian battle of the sexes", "players": ["1", "2"], "types": [["only"], ["meet", "avoid"]], "actions": [["B", "S"], ["B", "S"]], "prior": [["1/2", "1/2"]], "payoffs": [[[[[2, 0], [0, 1]], [[2, 0], [0, 1]]]], [[[[1, 0], [0, 2]], [[0, 2], [1, 0]]]]]}"#
        ),
        (.coalition, #"{"players": ["A", "B", "C"], "values": [0, 0, 0, 1, 0, 1, 1, "3/2"]}"#),
        (
            .coalition,
            #"{"players": ["A", "B", "C"], "coalitions": {"A,B": 1, "A,C": 1, "B,C": 1, "A,B,C": 1, "A": 0, "B": 0, "C": 0}}"#
        ),
        (
            .coalition,
            #"{"players": ["GMY", "UKG", "RUS"], "weights": [158201, 137909, 110805], "quota": 203457.5, "quota_rule": "strict"}"#
        ),
        (
            .coalition,
            #"{"players": ["A", "B", "C", "D"], "weights": [0.4, "1/3", 0.2, 0.1], "scale": 1000, "quota_rule": "weak"}"#
        ),
        (
            .scenario,
            """
            {"name": "toy", "year": 1900, "actors": [
              {"id": "A", "capability": 0.4, "type": 0.5, "capital": {"lat": 52.5, "lng": 13.4}}, {"id": "B", "capability": "7/20", "military_share": 0.3},
              {"id": "C", "capability": 0.25, "type": "powerAcquiring"}],
             "distances_km": [["A", "B", 300], ["A", "C", 200], ["B", "C", 200]], "contiguous": [["A", "C"]], "rivalries": [["A", "B"]],
             "sources": ["test"]}
            """
        ),
        (
            .nmc,
            """
            stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng
            AAA,1900,100,20,30,40,500,60,10,20
            BBB,1900,50,-9,10,20,300,30,11,21
            CCC,1900,25,5,5,5,100,10,12,22
            AAA,1901,1,1,1,1,1,1,10,20
            """
        ),
    ]

    /// Fragments inserted by the mutator: syntax, extreme numbers, escapes, separators.
    static let dictionary: [String] = [
        "0", "-", "+", ".", "e", "E", "/", "\"", "\\", "[", "]", "{", "}", ",", ":", " ", "\n", "\r", "\t", "\u{0}",
        "1e19", "-1e19", "1e308", "-1e308", "5e-324", "9223372036854775807", "9223372036854775808", "1/0", "0/0",
        "1e400",
        "NaN", "inf", "-0", "null", "true", "\\ud83d", "\\ude00", "\\ud83d\\ude00", "\\u0000", "999999999999",
        "1000001",
        "-9", "65", "1/3", "{ ", "} ", "\"\"", "[[[[", "]]]]", "\"x\":", "😀", "\u{FEFF}",
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let edits = 1 + Int(rng.next() % 3)
        for _ in 0..<edits {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 7 {
            case 0 where !bytes.isEmpty:  // flip a bit
                bytes[position] ^= UInt8(1 << (rng.next() % 8))
            case 1 where !bytes.isEmpty:  // delete a run
                let n = min(bytes.count - position, 1 + Int(rng.next() % 8))
                bytes.removeSubrange(position..<(position + n))
            case 2:  // insert a dictionary fragment
                let word = dictionary[Int(rng.next() % UInt64(dictionary.count))]
                bytes.insert(contentsOf: Array(word.utf8), at: position)
            case 3 where !bytes.isEmpty:  // replace a number with a dictionary fragment
                var end = position
                while end < bytes.count,
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) || bytes[end] == UInt8(ascii: ".")
                { end += 1 }
                let word = dictionary[Int(rng.next() % UInt64(dictionary.count))]
                bytes.replaceSubrange(position..<end, with: Array(word.utf8))
            case 4 where !bytes.isEmpty:  // duplicate a chunk
                let n = min(bytes.count - position, 1 + Int(rng.next() % 40))
                let chunk = Array(bytes[position..<(position + n)])
                bytes.insert(contentsOf: chunk, at: Int(rng.next() % UInt64(bytes.count)))
            case 5 where !bytes.isEmpty:  // set a random byte
                bytes[position] = UInt8(truncatingIfNeeded: rng.next())
            default:  // truncate
                bytes.removeSubrange(min(position, bytes.count)..<bytes.count)
            }
        }
        return bytes
    }

    /// Feeds one input to the parser of its format (and to the other text parsers, which must also cope).
    static func feed(_ bytes: [UInt8], as format: Format) -> (accepted: Bool, typedError: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        func attempt(_ body: () throws -> Void) -> (Bool, Bool) {
            do {
                try body()
                return (true, false)
            } catch is FileFormatError {
                return (false, true)
            } catch is ScenarioError {
                return (false, true)
            } catch {
                // Any other Error is still a clean failure (not a trap); count it as typed if it describes itself.
                return (false, !"\(error)".isEmpty)
            }
        }
        // What a parser accepts must be usable: cheap whole-value operations run on every accepted input.
        func use(_ g: NormalFormGame) throws {
            if g.profileCount <= 4096 { _ = try? PureEquilibria.solve(g) }
            let again = try GambitNFG.parse(GambitNFG.write(g))
            #expect(again.payoffs == g.payoffs, "write/parse round trip changed the payoffs")
        }
        switch format {
        case .nfg: return attempt { try use(try GambitNFG.parseExact(text).game) }
        case .gameJSON: return attempt { try use(try GameJSON.parseExact(text).game) }
        case .bayesian:
            return attempt {
                let g = try BayesianGameJSON.parse(text)
                // Accepted games must be usable: the agent and ex-ante forms are built (or refused by their size limits).
                if g.typeProfileCount <= 64 {
                    _ = try? g.agentForm(profileLimit: 4096)
                    _ = try? g.exAnteForm(profileLimit: 4096)
                }
            }
        case .coalition:
            return attempt {
                switch try CoalitionJSON.parse(text) {
                case .transferableUtility(let g) where g.playerCount <= 8:
                    _ = ShapleyValue.exact(g)
                    _ = BanzhafValue.exact(g)
                case .weightedMajority(let g) where g.playerCount <= 8:
                    _ = try? PowerIndices.shapleyShubik(g)
                    _ = try? PowerIndices.banzhaf(g)
                default: break
                }
            }
        case .scenario:
            return attempt {
                let s = try ScenarioJSON.parse(text)
                let again = try ScenarioJSON.parse(ScenarioJSON.encode(s).serialized())
                #expect(again.ids == s.ids, "encode/parse round trip changed the actors")
            }
        case .nmc: return attempt { _ = try NMCCSV.scenario(text, year: 1900) }
        }
    }

    static var iterations: Int {
        ProcessInfo.processInfo.environment["ENTENTE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 500
    }

    @Test(arguments: Format.allCases)
    func mutatedInputsNeverTrap(_ format: Format) throws {
        let log = ProcessInfo.processInfo.environment["ENTENTE_FUZZ_LOG"]
        var inputs = Self.seeds.filter { $0.0 == format }.map { Array($0.1.utf8) }
        if format == .scenario {
            // A realistic file too: a built-in scenario as `entente scenario show` prints it.
            inputs.append(
                Array(ScenarioJSON.encode(try BuiltinScenarios.scenario(named: "europe-1890")).serialized().utf8))
        }
        for (k, seed) in inputs.enumerated() {
            // Every seed is valid as given.
            let clean = Self.feed(seed, as: format)
            #expect(clean.accepted, "seed \(k) of \(format) is rejected")
            var rng = SplitMix64(state: 0x5EED_0000 &+ UInt64(k) &* 7919 &+ UInt64(format.rawValue.utf8.count))
            var accepted = 0
            for _ in 0..<Self.iterations {
                let input = Self.mutate(seed, &rng)
                if let path = log { FileManager.default.createFile(atPath: "\(path).\(format)", contents: Data(input)) }
                let r = Self.feed(input, as: format)
                if r.accepted { accepted += 1 } else { #expect(r.typedError) }
                // The other parsers see the same bytes too: cross-format inputs must not trap either.
                for other in Format.allCases where other != format { _ = Self.feed(input, as: other) }
            }
            // Sanity: the mutator keeps some inputs valid and breaks most.
            #expect(accepted < Self.iterations)
        }
    }

    /// Inputs that crashed a parser (issue 12, and the fuzzer above): each must now be a located, typed error.
    @Test func crashRegressions() throws {
        let nfg = [
            // outcome index 1e19 (Int(Double) trap)
            "NFG 1 R \"o\" { \"1\" \"2\" } { 1 1 }\n{ { \"x\" 1, 2 } }\n1e19\n",
            "NFG 1 R \"o\" { \"1\" \"2\" } { 1 1 }\n{ { \"x\" 1, 2 } }\n-1e19\n",
            "NFG 1 R \"o\" { \"1\" \"2\" } { 1 1 }\n{ { \"x\" 1, 2 } }\n2\n",
            "NFG 1 R \"c\" { \"1\" } { 1e19 }\n1\n",
        ]
        // libFuzzer finding: strategy counts far beyond what the file can fill allocated the payoff tables first.
        let short = #expect(throws: FileFormatError.self) {
            try GambitNFG.parseExact("NFG 1 D \"three\" { \"0\" \"2\" } { 584584 20}\n6 42  1 \u{FF}\n")
        }
        #expect(short?.message.contains("too short") == true)
        for text in nfg { #expect(throws: FileFormatError.self, "\(text)") { try GambitNFG.parse(text) } }
        let coalition = [
            #"{"players": ["A", "B"], "weights": [1e19, 1]}"#,  // Int(Double) trap in the reader
            #"{"players": ["A", "B"], "weights": [5e18, 5e18]}"#,  // total overflows Int
            #"{"players": ["A", "B"], "weights": [1, 1], "quota": 1e19}"#,  // Int(quota) trap in winningThreshold
            #"{"players": ["A", "B"], "weights": [1, 1], "quota": -1}"#,
            #"{"players": ["A", "B"], "weights": [0.5, 1], "scale": 1e300}"#,
            #"{"players": ["A", "B"], "weights": ["1/3", 1]}"#,  // not an integer without a scale
            #"{"players": ["A", "B"], "values": [0, 1, 1, 2, 3]}"#,
            #"{"players": ["A", "B"], "coalitions": {"A": 1, "A,B": 2}}"#,
            #"{"players": ["A", "B"], "coalitions": {"A": 1, " A ": 2, "B": 1, "A,B": 2}}"#,
        ]
        for text in coalition { #expect(throws: FileFormatError.self, "\(text)") { try CoalitionJSON.parse(text) } }
        // NMC components so large that the yearly column sums overflow (CINCs summed to 0.856).
        let nmc =
            "stateabb,year,milex,milper,irst,pec,tpop,upop,lat,lng\nAAA,1900,1e308,1,1,1,1,1,0,0\nBBB,1900,1e308,1,1,1,1,1,1,1\n"
        #expect(throws: FileFormatError.self) { try NMCCSV.scenario(nmc, year: 1900) }
        // Many coalitions are read in linear time (a member lookup per key was quadratic): 2¹⁴ − 1 keys.
        let players14 = (0..<14).map { "\"P\($0)\"" }.joined(separator: ",")
        let keys = (1..<(1 << 14)).map { mask in
            "\"" + (0..<14).filter { mask & (1 << $0) != 0 }.map { "P\($0)" }.joined(separator: ",") + "\": 1"
        }.joined(separator: ",")
        guard
            case .transferableUtility(let big) = try CoalitionJSON.parse(
                #"{"players": [\#(players14)], "coalitions": {\#(keys)}}"#)
        else { Issue.record("not a TU game"); return }
        #expect(big.values.count == 1 << 14)
        // More actors than the limit (100,000 would be 80 GB of distances): refused before the n × n tables.
        let many = (0..<(ScenarioJSON.maxActors + 1)).map { #"{"id":"\#($0)","capability":1}"# }.joined(separator: ",")
        #expect(throws: FileFormatError.self) { try ScenarioJSON.parse(#"{"actors": [\#(many)]}"#) }
        // 30 players with an empty list: refused by the length check, before any 2³⁰ allocation.
        let names = (0..<30).map { "\"P\($0)\"" }.joined(separator: ",")
        #expect(throws: FileFormatError.self) {
            try CoalitionJSON.parse(#"{"players": [\#(names)], "values": []}"#, playerLimit: 30)
        }
        #expect(throws: FileFormatError.self) {
            try CoalitionJSON.parse(#"{"players": [\#(names)], "coalitions": {"P1": 1}}"#, playerLimit: 30)
        }
    }

    /// Exact fractions are accepted wherever the formats take payoffs, values, weights or capabilities.
    @Test func fractionsAreAcceptedInEveryJSONFormat() throws {
        let game = try GameJSON.parse(
            #"{"players": ["a", "b"], "strategies": [["x"], ["y", "z"]], "payoffs": [[["1/3", "-2/3"]], [[0.5, "7"]]]}"#
        )
        #expect(game.payoffs[0] == [1.0 / 3.0, -2.0 / 3.0] && game.payoffs[1] == [0.5, 7])
        guard
            case .weightedMajority(let w) = try CoalitionJSON.parse(
                #"{"players": ["A", "B", "C"], "weights": ["1/3", "2/3", 1], "scale": 3, "quota": "3/2"}"#)
        else { Issue.record("not a weighted game"); return }
        #expect(w.weights == [1, 2, 3] && w.quota == 4.5)
        guard
            case .transferableUtility(let tu) = try CoalitionJSON.parse(
                #"{"players": ["A", "B"], "values": [0, "1/3", "1/3", 1]}"#)
        else { Issue.record("not a TU game"); return }
        #expect(tu.values[1] == 1.0 / 3.0)
        let s = try ScenarioJSON.parse(
            #"{"actors": [{"id": "A", "capability": "1/3", "military_share": "1/4"}, {"id": "B", "capability": "2/3"}], "distances_km": [["A", "B", 100]]}"#
        )
        #expect(s.actors[0].capability == 1.0 / 3.0 && s.actors[0].militaryShare == 0.25)
        let typed = try ScenarioJSON.parse(
            #"{"actors": [{"id": "A", "capability": 1, "type": "1/3"}, {"id": "B", "capability": 1}], "distances_km": [["A", "B", 1]]}"#
        )
        #expect(typed.actors[0].type == .uncertain(probabilityPowerAcquiring: 1.0 / 3.0))
        #expect(throws: FileFormatError.self) {
            try ScenarioJSON.parse(#"{"actors": [{"id": "A", "capability": 1, "type": "4/3"}]}"#)
        }
        // The exact readers keep what was written, beyond the 10⁶ denominators the doubles can be mapped back from.
        let j = try GameJSON.parseExact(
            #"{"players": ["a", "b"], "strategies": [["x"], ["y", "z"]], "payoffs": [[["1/3000007", 0.1]], [[-2, "5"]]]}"#
        )
        #expect(j.exactPayoffs == [[Rational(1, 3_000_007), Rational(1, 10)], [Rational(-2), Rational(5)]])
        let n = try GambitNFG.parseExact("NFG 1 R \"x\" { \"a\" \"b\" } { 1 2 }\n1/3000007 -2 0.1 +5\n")
        #expect(n.exactPayoffs == [[Rational(1, 3_000_007), Rational(1, 10)], [Rational(-2), Rational(5)]])
        let o = try GambitNFG.parseExact("NFG 1 R \"o\" { \"1\" \"2\" } { 1 2 }\n{ { \"x\" 1/7, -1 } }\n0 1\n")
        #expect(o.exactPayoffs == [[.zero, Rational(1, 7)], [.zero, Rational(-1)]])
    }
}
