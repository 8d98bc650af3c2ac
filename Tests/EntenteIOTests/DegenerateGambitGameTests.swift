import EntenteGames
import EntenteIO
import Testing

@Suite struct DegenerateGambitGameTests {
    /// Gambit's `contrib/games/deg1.nfg` ("Degenerate 3x3 game 1"), outcome version, transcribed.
    static let deg1 = """
        NFG 1 R "Degenerate 3x3 game 1" { "Player 1" "Player 2" }
        { { "1" "2" "3" } { "1" "2" "3" } }
        ""
        { { "" 1, 1 } { "" 2, 3 } { "" 3, 2 } { "" 3, 2 } { "" 2, 2 } { "" 1, 2 } { "" 2, 3 } { "" 2, 1 } { "" 2, 2 } }
        1 2 3 4 5 6 7 8 9
        """

    @Test func vertexEnumerationFindsAllSixExtremeEquilibriaLikeGambit() throws {
        // gambit-enummixed (rational) lists exactly these six; support enumeration methods find fewer.
        let expected: [[[String]]] = [
            [["1", "0", "0"], ["0", "0", "1"]], [["1/2", "1/2", "0"], ["1/2", "1/2", "0"]],
            [["1/2", "1/2", "0"], ["0", "0", "1"]],
            [["0", "0", "1"], ["1", "0", "0"]], [["0", "0", "1"], ["1/2", "1/2", "0"]],
            [["0", "0", "1"], ["0", "0", "1"]],
        ]
        let g = try GambitNFG.parse(Self.deg1)
        let r = try VertexEnumeration.solve(g)
        #expect(r.complete && r.equilibria.count == 6)
        let exact = try r.equilibria.map { e in
            try #require(Certify.certify(e, in: g)).probabilities.map { $0.map(\.description) }
        }
        #expect(Set(exact.map { "\($0)" }) == Set(expected.map { "\($0)" }))
        let support = try SupportEnumeration.solve(g)
        #expect(!support.complete)  // singular systems met: it says so instead of claiming completeness
    }
}
