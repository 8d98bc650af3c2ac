import Foundation
import Testing

// @testable: the order in which the enumerator visits support profiles (SupportProfileOrder) is internal.
@testable import EntenteGames

/// The n-player enumerator's support-profile limit and its account of uncertified (singular) equilibria.
@Suite struct HomotopyLimitsTests {
    @Test func supportProfileOrderVisitsEveryProfileOnceSmallestFirst() {
        let order = Array(SupportProfileOrder(candidates: [[0, 2], [1, 3, 4]]))
        #expect(order.count == 3 * 7)
        #expect(
            Set(order.map { $0.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "|") }).count == 21)
        let totals = order.map { $0[0].count + $0[1].count }
        #expect(totals == totals.sorted())
        #expect(order.first == [[0], [1]])
        #expect(order.last == [[0, 2], [1, 3, 4]])
        #expect(
            order.allSatisfy {
                $0[0].allSatisfy { [0, 2].contains($0) } && $0[1].allSatisfy { [1, 3, 4].contains($0) }
            })
    }

    @Test func maxVisitedSupportProfilesCutsTheEnumerationAndSaysSo() throws {
        let g = HomotopyEnumerationTests.mckelveyMcLennan
        var options = HomotopyEnumeration.Options()
        options.maxVisitedSupportProfiles = 4
        let cut = try HomotopyEnumeration.solve(g, options: options)
        #expect(cut.visitedSupportProfiles == 4)
        #expect(cut.supportProfiles == 27)
        #expect(!cut.result.complete)
        #expect(cut.result.incompleteReason == "stopped after 4 of 27 support profiles (support-profile limit)")
        // The first four profiles are pure; the game has 4 pure equilibria, not all among them.
        #expect(cut.result.equilibria.count < 9)
        options.maxVisitedSupportProfiles = 27
        let whole = try HomotopyEnumeration.solve(g, options: options)
        #expect(whole.result.complete && whole.visitedSupportProfiles == 27 && whole.result.equilibria.count == 9)
        options.maxVisitedSupportProfiles = 0
        #expect(throws: EquilibriumError.invalidLimit(value: 0, minimum: 1)) {
            _ = try HomotopyEnumeration.solve(g, options: options)
        }
    }

    /// Three players with 20 strategies each and no dominated strategy: (2²⁰ − 1)³ support profiles are refused
    /// without a limit and visited lazily, 30 of them, with one.
    @Test func aLimitMakesHugeGamesStartable() throws {
        let g = HomotopyEnumerationTests.game([20, 20, 20]) { s in
            let same = s[0] == s[1] && s[1] == s[2]
            return [same ? 1 : 0, same ? 1 : 0, same ? 1 : 0]
        }
        #expect(throws: EquilibriumError.self) { _ = try HomotopyEnumeration.solve(g) }
        var options = HomotopyEnumeration.Options()
        options.maxVisitedSupportProfiles = 30
        let r = try HomotopyEnumeration.solve(g, options: options)
        #expect(r.visitedSupportProfiles == 30 && !r.result.complete)
        #expect(r.supportProfiles == ((1 << 20) - 1) * ((1 << 20) - 1) * ((1 << 20) - 1))
        #expect(r.result.equilibria.contains { $0.profile.probabilities.allSatisfy { $0[0] == 1 } })
    }

    /// Indifference conditions q − r = 0, r − p = 0 and p + q − 2pq − ½ = 0 (p, q, r the probabilities of each
    /// player's first strategy): on the line p = q = r the last is −2(t − ½)², so (½, ½, ½) is an isolated double root
    /// of the totally mixed support system. It is a verified equilibrium with no Krawczyk box, and the result says why
    /// (it is rational, so the exact certificate still proves it).
    @Test func singularIsolatedEquilibriumIsReportedUncertifiedWithTheReason() throws {
        let g = HomotopyEnumerationTests.game([2, 2, 2]) { s in
            let p = s[0] == 0 ? 1.0 : 0, q = s[1] == 0 ? 1.0 : 0, r = s[2] == 0 ? 1.0 : 0
            return [s[0] == 0 ? q - r : 0, s[1] == 0 ? r - p : 0, s[2] == 0 ? p + q - 2 * p * q - 0.5 : 0]
        }
        let h = try HomotopyEnumeration.solve(g)
        // Besides the double root, two segments of equilibria (q = r = 1 and q = r = 0, p ≤ ½): the points of
        // them that support systems with more strategies meet are moved into the components, and the double root,
        // reached by several paths, is listed once.
        #expect(h.result.complete)
        #expect(h.result.equilibria.count == 1)
        #expect(h.components.count == 2)
        let k = try #require(
            h.result.equilibria.firstIndex { $0.profile.probabilities.allSatisfy { abs($0[0] - 0.5) < 1e-6 } })
        #expect(h.certificates[k] == nil)
        guard case .singularJacobian = h.uncertified[k] else {
            Issue.record("expected a singular Jacobian, got \(String(describing: h.uncertified[k]))")
            return
        }
        for (c, why) in zip(h.certificates, h.uncertified) { #expect((c == nil) == (why != nil)) }
        #expect(h.exact[k] != nil)
    }
}

extension HomotopyLimitsTests {
    /// Player 1 (2 strategies) is indifferent everywhere, player 2 has one strategy, player 3 is indifferent between
    /// its first two strategies exactly when player 1 mixes ½–½, where its third strategy earns 1 against ½: on the
    /// support ({1, 2}, {1}, {1, 2}) the solution set is a line (player 1 fixed at ½, player 3 free) on which player
    /// 3 always gains by deviating. The enumerator proves the line holds no equilibrium and stays complete.
    @Test func aSolutionLineWithAStrictlyBetterOutsideStrategyIsResolved() throws {
        let g = HomotopyEnumerationTests.game([2, 1, 3]) { s in
            let u3: Double = s[2] == 2 ? 1 : (s[2] == s[0] ? 1 : 0)
            return [0, 0, u3]
        }
        let h = try HomotopyEnumeration.solve(g)
        #expect(h.result.complete, "\(h.result.incompleteReason ?? "")")
        #expect(h.failedPaths == 0)
    }
}
