import EntenteGames
import EntenteIO
import Testing

@Suite struct GameFileTests {
    static let payoffVersion = """
        NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" } { 3 2 }

        1 1 0 2 0 2 1 1 0 3 2 0
        """

    static let outcomeVersion = """
        NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
        { "Player 1" "Player 2" }

        { { "1" "2" "3" }
        { "1" "2" }
        }
        ""

        {
        { "" 1, 1 }
        { "" 0, 2 }
        { "" 0, 2 }
        { "" 1, 1 }
        { "" 0, 3 }
        { "" 2, 0 }
        }
        1 2 3 4 5 6
        """

    @Test func payoffAndOutcomeVersionsDescribeTheSameGame() throws {
        let a = try GambitNFG.parse(Self.payoffVersion)
        let b = try GambitNFG.parse(Self.outcomeVersion)
        #expect(a.payoffs == b.payoffs)
        #expect(a.strategyCounts == [3, 2] && a.players == ["Player 1", "Player 2"])
        #expect(a.title == "Selten (IJGT, 75), Figure 2, normal form")
        // First player's strategy varies fastest: profile (2, 0) is the third pair "0 2".
        #expect(a.payoff(player: 0, profile: [2, 0]) == 0 && a.payoff(player: 1, profile: [2, 0]) == 2)
    }

    @Test func nfgRoundTripKeepsNamesAndPayoffs() throws {
        let g = try NormalFormGame(
            title: "Round \"trip\"", players: ["Row", "Col"], strategies: [["U", "D"], ["L", "R"]],
            payoffs: [[1, 0.5, -2, 3], [4, 1e-3, 0, 1.0 / 3]])
        let text = GambitNFG.write(g)
        let back = try GambitNFG.parse(text)
        #expect(back == g)
    }

    @Test func fractionsAndOutcomeZeroAreRead() throws {
        let g = try GambitNFG.parse("NFG 1 R \"\" { \"A\" \"B\" } { 2 1 }\n\"\"\n{ { \"o\" 1/2, -3/4 } }\n1 0\n")
        #expect(g.payoffs == [[0.5, 0], [-0.75, 0]])
    }

    @Test func malformedNFGGivesLineAndColumn() throws {
        let bad = "NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n1 2 3 x 5 6 7 8\n"
        do {
            _ = try GambitNFG.parse(bad)
            Issue.record("expected an error")
        } catch let e as FileFormatError {
            #expect(e.line == 2 && e.column == 7)
            #expect(e.description.contains("invalid number 'x'"))
        }
        #expect(throws: FileFormatError.self) { try GambitNFG.parse("NFG 1 R \"t\" { \"A\" } { 2 }\n1\n") }
        #expect(throws: FileFormatError.self) { try GambitNFG.parse("EFG 2 R \"t\"") }
        #expect(throws: FileFormatError.self) { try GambitNFG.parse("NFG 1 R \"t\" { \"A\" } { 1 }\n1 2\n") }
    }

    @Test func jsonGameIsIndexedByStrategies() throws {
        let text = """
            {"players": ["Row", "Col"], "strategies": [["U", "D"], ["L", "M", "R"]],
             "payoffs": [[[1, 2, 3], [4, 5, 6]], [[-1, -2, -3], [-4, -5, -6]]]}
            """
        let g = try GameJSON.parse(text)
        #expect(g.payoff(player: 0, profile: [1, 2]) == 6)
        #expect(g.payoff(player: 1, profile: [0, 1]) == -2)
    }

    @Test func malformedJSONGivesAPathOrPosition() throws {
        func message(_ text: String) -> String {
            do { _ = try GameJSON.parse(text); return "no error" } catch { return "\(error)" }
        }
        #expect(
            message(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [[1, 2]]}"#).hasPrefix(
                "$.payoffs[0]: expected 1 entries"))
        #expect(
            message(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [["a"]]}"#).hasPrefix(
                "$.payoffs[0][0]: expected a number"))
        #expect(message(#"{"players": ["A"], "strategies": [["x"]]}"#) == #"$: missing required key "payoffs""#)
        #expect(
            message("{\"players\": [\"A\"],\n  \"strategies\" [[\"x\"]]}").hasPrefix("line 2, column 16: expected ':'"))
        #expect(message(#"{"players": ["A"], "strategies": [["x"]], "payoffs": [[NaN]]}"#).contains("invalid number"))
    }
}
