import EntenteNumerics
import EntenteTestSupport
import Testing

// @testable: the vertex bases an equilibrium carries and a hand-built non-equilibrium are internals checked here.
@testable import EntenteGames

@Suite struct CertificateTests {
    @Test func rationalsReadDecimalsAndFractionsExactly() {
        #expect(Rational(0.1)!.description == "1/10")
        #expect(Rational(1.0 / 3)!.description == "1/3")
        #expect(Rational(-2.5)!.description == "-5/2")
        #expect(Rational(.nan) == nil)
        #expect((Rational(1, 3) + Rational(1, 6)).description == "1/2")
        #expect(Rational(3, -6).description == "-1/2")
        // A double with no small-denominator form keeps its exact binary value.
        let pi = Rational(Double.pi)!
        #expect(pi.doubleValue == Double.pi && pi.denominator > 1_000_000)
    }

    @Test func battleOfTheSexesMixedEquilibriumIsCertifiedExactly() throws {
        let r = try VertexEnumeration.solve(TestGames.battleOfTheSexes)
        let mixed = try #require(
            r.equilibria.first { $0.profile.probabilities[0][1] > 0.01 && $0.profile.probabilities[0][0] > 0.01 })
        let c = try #require(Certify.certify(mixed, in: TestGames.battleOfTheSexes))
        #expect(c.probabilities.map { $0.map(\.description) } == [["2/3", "1/3"], ["1/3", "2/3"]])
        #expect(c.payoffs.map(\.description) == ["2/3", "2/3"])
    }

    @Test func degenerateExtremePointsAreCertifiedThroughTheirBases() throws {
        let r = try VertexEnumeration.solve(TestGames.degenerate)
        for e in r.equilibria {
            let c = try #require(Certify.certify(e, in: TestGames.degenerate))
            for (p, probs) in c.probabilities.enumerated() {
                for (s, q) in probs.enumerated() { #expect(abs(q.doubleValue - e.profile.probabilities[p][s]) < 1e-12) }
            }
        }
    }

    @Test(arguments: 0..<10) func certifyAgreesWithFloatAnswersOnIntegerGames(seed: Int) throws {
        let g = TestGames.random(m: 4, n: 4, seed: UInt64(seed) + 77, integer: true)
        for method in [
            try VertexEnumeration.solve(g), try SupportEnumeration.solve(g), try LemkeHowson.solveAllLabels(g),
        ] {
            for e in method.equilibria {
                guard let c = Certify.certify(e, in: g) else {
                    // Only support-based certification of degenerate supports may decline.
                    #expect(e.vertexBases == nil)
                    continue
                }
                for (p, probs) in c.probabilities.enumerated() {
                    for (s, q) in probs.enumerated() {
                        #expect(abs(q.doubleValue - e.profile.probabilities[p][s]) < 1e-9)
                    }
                }
            }
        }
    }

    @Test func aNonEquilibriumIsNotCertified() throws {
        let g = TestGames.prisonersDilemma
        let fake = NashEquilibrium(profile: .pure([0, 0], in: g), payoffs: [3, 3], regret: 2)
        #expect(Certify.certify(fake, in: g) == nil)
    }
}
