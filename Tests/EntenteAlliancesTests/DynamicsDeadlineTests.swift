import EntenteAlliances
import EntenteGames
import EntenteNumerics
import Testing

/// Deadlines (`shouldStop`) in the dynamic game and the models built on it, and the state space they share: a stopped
/// search is reported as stopped and never verified, without its final check; nothing here measures time.
@Suite struct DynamicsDeadlineTests {
    /// Five actors on a line, the first power-acquiring.
    static func line(_ k: Int = 5, powerAcquiring: Bool = true) throws -> Scenario {
        var actors: [Country] = []
        for i in 0..<k {
            let x = Double(i)
            let type: ActorType = powerAcquiring && i == 0 ? .powerAcquiring : .statusQuo
            let capital: (latitude: Double, longitude: Double) = (40 + x, 5 + 3 * x)
            actors.append(Country(id: "S\(i)", capability: 0.05 + 0.01 * x, type: type, capital: capital))
        }
        return try Scenario(name: "line", actors: actors)
    }

    /// A poll that says "stop" from its `after`-th call on (counted, not timed).
    final class CountingStop: @unchecked Sendable {
        var calls = 0
        let after: Int
        init(after: Int) { self.after = after }
        func poll() -> Bool {
            calls += 1
            return calls > after
        }
    }

    @Test func anExpiredDeadlineStopsTheSearchBeforeAnyBlockAndSkipsTheFinalCheck() throws {
        let game = try AllianceFormationGame(scenario: Self.line())
        let r = try game.solve(shouldStop: { true })
        #expect(r.stopped && !r.verified && r.iterations == 0)
        #expect(r.evaluation.contains("stopped (timeout or interrupt) after 0 of"))
        // Nothing was evaluated: the values are still the per-period payoffs (the final check would have replaced them
        // with the discounted values of the whole process), and every state waits.
        #expect(r.values == game.payoffs)
        #expect(r.choice.allSatisfy { $0 == nil })
        // The incomplete process is still described: everyone waits, so the status quo stays until the window closes.
        #expect(r.path == [r.initialState])
        #expect(r.absorbing.count == 1 && r.absorbing[0].state == game.closedPartner[r.initialState])
    }

    @Test func aDeadlineDuringTheSearchStopsItAndIsNeverVerified() throws {
        let game = try AllianceFormationGame(scenario: Self.line())
        let full = try game.solve()
        #expect(full.verified && !full.stopped)
        for after in [1, 5, 40] {
            let stop = CountingStop(after: after)
            let r = try game.solve(shouldStop: stop.poll)
            #expect(r.stopped && !r.verified, "after \(after) polls")
            #expect(stop.calls > after)
        }
    }

    @Test func anExpiredDeadlineStopsTheConstructionWithATypedError() throws {
        var p = AllianceFormationGame.Parameters()
        p.maxCoalitionSize = 2
        #expect(throws: DynamicsError.stopped) {
            try AllianceFormationGame(scenario: Self.line(8), parameters: p, actorLimit: 8, shouldStop: { true })
        }
        #expect(DynamicsError.stopped.description.contains("stopped"))
    }

    @Test func thePrivateTypesSearchStopsToo() throws {
        var s = try Self.line(3, powerAcquiring: false)
        s = try s.withTypes(["S0": .uncertain(probabilityPowerAcquiring: 0.5)])
        let game = try BayesianAllianceFormationGame(scenario: s)
        let r = try game.solve(shouldStop: { true })
        #expect(r.stopped && !r.verified)
        let full = try game.solve()
        #expect(!full.stopped)
        // Building the private-types game polls the deadline too: payoffs per type profile and belief kernels.
        var polls = 0
        #expect(throws: DynamicsError.stopped) {
            try BayesianAllianceFormationGame(
                scenario: s,
                shouldStop: {
                    polls += 1; return polls > 3
                })
        }
    }

    @Test func theDynamicModelNeverPredictsFromAStoppedSearch() throws {
        #expect(throws: DynamicsError.stopped) {
            try DynamicGameModel(history: .embedded, years: 1816...1817, shouldStop: { true })
        }
        #expect(throws: DynamicsError.stopped) {
            try DynamicGameModel.fitted(history: .embedded, fitYears: 1816...1820, shouldStop: { true })
        }
        #expect(throws: DynamicsError.stopped) {
            try DynamicForecastModel(history: .embedded, fitYears: 1816...1817, shouldStop: { true })
        }
        #expect(throws: DynamicsError.stopped) {
            try DynamicForecastModel.fitted(history: .embedded, fitYears: 1816...1820, shouldStop: { true })
        }
        // Years solved on demand poll the same deadline.
        let lazy = try DynamicGameModel(history: .embedded, years: nil, shouldStop: { true })
        #expect(throws: DynamicsError.stopped) { try lazy.rawProbabilities(year: 1816, history: .embedded) }
    }

    @Test func theDynamicCalibrationEndsWithTheCompletedPoints() throws {
        let none = try Calibration.dynamicGrid(kappas: [0.02], exposures: [1], exitPayoffs: [0], shouldStop: { true })
        #expect(none.isEmpty)
    }

    /// The state space enumerated directly (coalitions of at most k members in increasing mask order, then exits)
    /// matches a reference built from label arrays, and a game sharing it equals a game built from scratch.
    @Test func theStateSpaceMatchesAReferenceAndIsSharedBetweenSettings() throws {
        for k in [nil, 2] as [Int?] {
            var p = AllianceFormationGame.Parameters()
            p.maxCoalitionSize = k
            let game = try AllianceFormationGame(scenario: Self.line(), parameters: p)
            if k == nil { #expect(game.states.count == 2 * Partition.bellNumber(6)) }
            var index: [AllianceFormationGame.State: Int] = [:]
            for (x, st) in game.states.enumerated() { index[st] = x }
            #expect(index.count == game.states.count)
            for (x, st) in game.states.enumerated() {
                let n = st.labels.count
                func canonical(_ l: [Int8]) -> [Int8] {
                    l.map { a in a < 0 ? -1 : Int8(l.firstIndex(of: a)!) }
                }
                var expected: [(AllianceFormationGame.Move, [Int8])] = []
                let active = (0..<n).filter { st.labels[$0] >= 0 }
                let activeMask = active.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
                for mask in 1..<(UInt64(1) << UInt64(n)) where mask & ~activeMask == 0 {
                    guard mask.nonzeroBitCount <= (k ?? n) else { continue }
                    var y = st.labels
                    for i in 0..<n where mask & (1 << UInt64(i)) != 0 { y[i] = 100 }
                    let c = canonical(y)
                    if c != st.labels { expected.append((.form(Coalition(mask: mask)), c)) }
                }
                for i in active {
                    var y = st.labels
                    y[i] = -1
                    expected.append((.exit(i), canonical(y)))
                }
                #expect(game.moves[x].count == expected.count)
                for (mv, e) in zip(game.moves[x], expected) {
                    #expect(mv.move == e.0)
                    let target = game.states[mv.target]
                    #expect(target.labels == e.1 && target.windowOpen == st.windowOpen)
                }
                let closed = game.states[game.closedPartner[x]]
                #expect(closed.labels == st.labels && !closed.windowOpen)
            }
            let statusQuo = try Self.line().withTypes(["S0": .statusQuo])
            let shared = try game.sharingStateSpace(scenario: statusQuo, threatModel: ThreatModel())
            let fresh = try AllianceFormationGame(scenario: statusQuo, parameters: p)
            #expect(shared.states == fresh.states && shared.payoffs == fresh.payoffs)
            #expect(shared.closedPartner == fresh.closedPartner && shared.powerAcquiring == fresh.powerAcquiring)
            let (a, b) = (try shared.solve(), try fresh.solve())
            #expect(a.choice == b.choice && a.values == b.values && a.verified == b.verified)
        }
        #expect(throws: DynamicsError.self) {
            try AllianceFormationGame(scenario: Self.line()).sharingStateSpace(
                scenario: try Self.line(4), threatModel: ThreatModel())
        }
    }
}
