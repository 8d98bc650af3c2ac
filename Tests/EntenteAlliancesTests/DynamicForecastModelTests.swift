import EntenteAlliances
import Testing

/// The dynamic game's equilibrium processes chained from observed alliances (`DynamicForecastModel`).
@Suite struct DynamicForecastModelTests {
    static let history = GreatPowerHistory.embedded

    /// Pairs allied (defense or offense) in a year, as ccode pairs.
    static func allied(_ year: Int) throws -> Set<[Int]> {
        Set(
            zip(try history.year(year).dyads, try history.allianceOutcomes(year: year)).filter(\.1).map {
                [$0.0.ccode1, $0.0.ccode2]
            })
    }

    @Test func theOriginYearReproducesItsObservedBlocs() throws {
        let m = try DynamicForecastModel(history: Self.history, fitYears: 1816...1817, revisionRate: 1)
        let origin = try Self.allied(1816)
        #expect(!origin.isEmpty)
        let rows = try m.rawProbabilities(year: 1816, history: Self.history)
        // The Quadruple Alliance's pairs are one bloc: every allied pair has p = 1 (pairs in one connected component
        // of allied pairs would too), unallied pairs outside any bloc have p = 0.
        #expect(rows.allSatisfy { !origin.contains([$0.ccode1, $0.ccode2]) || $0.pAlliance == 1 })
        #expect(rows.allSatisfy { $0.pAlliance == 0 || $0.pAlliance == 1 })
    }

    @Test func oneYearLaterTheBlocsMoveByTheYearsEquilibriumProcess() throws {
        let history = Self.history
        let full = try DynamicForecastModel(history: history, fitYears: 1816...1817, revisionRate: 1)
        let half = try DynamicForecastModel(history: history, fitYears: 1816...1817, revisionRate: 0.5)
        // By hand: the 1816 structure placed in 1817's game (window open), one step of its equilibrium process.
        let game = try AllianceFormationGame(scenario: try history.scenario(year: 1817))
        let result = try game.solve()
        #expect(result.verified == !full.unverifiedYears.contains(1817))
        let gy = try history.year(1817)
        let ids = game.scenario.ids
        let abb = Dictionary(uniqueKeysWithValues: gy.powers.map { ($0.ccode, $0.abb) })
        let origin = try Self.allied(1816)
        let position = { (c: Int) in ids.firstIndex(of: abb[c]!)! }
        // Union–find over the 1816 allied pairs among 1817's powers, labelled by first member in the game's order.
        var label = Array(0..<ids.count)
        func find(_ i: Int) -> Int { label[i] == i ? i : find(label[i]) }
        for pair in origin.sorted(by: { $0.lexicographicallyPrecedes($1) })
        where abb[pair[0]] != nil && abb[pair[1]] != nil {
            let (a, b) = (find(position(pair[0])), find(position(pair[1])))
            label[max(a, b)] = min(a, b)
        }
        let labels = (0..<ids.count).map { Int8(find($0)) }
        let start = try #require(game.states.firstIndex { $0.labels == labels && $0.windowOpen })
        let step = game.transitionRows(result)[start]
        #expect(abs(step.reduce(0) { $0 + $1.1 } - 1) < 1e-12)
        let rowsFull = try full.rawProbabilities(year: 1817, history: history)
        let rowsHalf = try half.rawProbabilities(year: 1817, history: history)
        for (r, h) in zip(rowsFull, rowsHalf) {
            let (i, j) = (position(r.ccode1), position(r.ccode2))
            let together = { (x: Int) -> Bool in
                let l = game.states[x].labels
                return l[i] >= 0 && l[i] == l[j]
            }
            let expected = step.filter { together($0.0) }.reduce(0) { $0 + $1.1 }
            #expect(abs(r.pAlliance - expected) < 1e-12)
            // The lazy chain (1 − ρ)I + ρP: half the mass stays at the origin's structure.
            let stay: Double = together(start) ? 1 : 0
            #expect(abs(h.pAlliance - (0.5 * stay + 0.5 * expected)) < 1e-12)
            #expect(h.pSameSide == h.pAlliance)
        }
    }

    @Test func yearsAfterTheWindowAreChainedOnDemandAndBadRatesAreRejected() throws {
        let history = Self.history
        let m = try DynamicForecastModel(history: history, fitYears: 1816...1817, revisionRate: 0.2)
        // 1818 is chained from the window's last year (1817's alliances), on demand; asking twice gives the same rows.
        let a = try m.rawProbabilities(year: 1818, history: history)
        let b = try m.rawProbabilities(year: 1818, history: history)
        let dyads = try history.year(1818).dyads.count
        #expect(a == b && a.count == dyads)
        #expect(a.allSatisfy { (0...1).contains($0.pAlliance) })
        // Pairs allied in 1817 keep at least 1 − ρ of their probability.
        let in1817 = try Self.allied(1817)
        #expect(a.allSatisfy { !in1817.contains([$0.ccode1, $0.ccode2]) || $0.pAlliance >= 0.8 - 1e-12 })
        for bad in [0.0, -1, 1.5, .nan] {
            #expect(throws: DynamicsError.self) {
                try DynamicForecastModel(history: history, fitYears: 1816...1817, revisionRate: bad)
            }
        }
        #expect(throws: HistoryError.self) {
            try DynamicForecastModel(history: history, fitYears: 1880...1900, revisionRate: 0.5)
        }
    }
}
