/// The dynamic alliance-formation game (``AllianceFormationGame``) as a ``DyadModel``: each year's great powers play
/// the game from that year's inputs alone (capabilities, capitals, contiguity, rivalries; every actor status quo, as
/// ``GreatPowerHistory/scenario(year:)`` builds it), and the probability that a pair is allied is the long-run share
/// of periods in which the equilibrium process, started at the status quo (everyone alone, window open), has the two
/// in one bloc — the Cesàro average of periods 201–400, which is the absorption probability for an absorbing process
/// and the time share for a cycling one. `pSameSide` is the same number (allies fight on the same side).
///
/// Unlike the logit forecast (``AllianceGameModel``) the game is not started at observed alliances: it predicts
/// alliances from the strategic situation only, the test the equilibrium model has to pass. Free parameters, the
/// autonomy cost κ and the entanglement weight e of the conflict stage (and, when asked, the reneging cost b of the
/// dynamic game), are fitted on the fitting years by a grid (``kappas`` × ``entanglements`` [× ``renegingCosts``]): among the grid points with the fewest fitting years whose equilibrium search
/// does not verify (predictions should come from equilibria), the one with the smallest log loss of the
/// monotone-calibrated predictions (``MonotoneCalibration``, Platt 1999) on those years; the other parameters keep
/// their defaults. A year whose search does not verify is predicted from the unverified process and listed in
/// ``unverifiedYears`` (reported, never hidden).
///
/// - Complexity: one equilibrium search per year and grid point (Bell(n + 1) × 2 states for n powers: 1 754 for the
///   six great powers of 1860–1890, 8 280 for seven), each about 0.1–2 s; years run concurrently.
public struct DynamicGameModel: DyadModel {
    /// Candidate autonomy costs κ of the fit.
    public static let kappas: [Double] = [0.001, 0.005, 0.02, 0.05]
    /// Candidate entanglement weights e of the fit.
    public static let entanglements: [Double] = [0, 0.1, 0.3]
    /// Candidate reneging costs b for a fit that includes b (``AllianceFormationGame/Parameters/renegingCost``):
    /// pass them as `renegingCosts` to `fitted`. The default fit keeps b = 0: with b > 0 the searches of the
    /// eight- and nine-power years after 1890 often fail to verify and take minutes each.
    public static let renegingCosts: [Double] = [0, 0.1, 0.3]

    /// The fitting grid κ × e × b (b from `renegingCosts`).
    static func grid(renegingCosts: [Double]) -> [(kappa: Double, entanglement: Double, reneging: Double)] {
        kappas.flatMap { k in entanglements.flatMap { e in renegingCosts.map { (k, e, $0) } } }
    }

    /// The game's parameters used for every year.
    public let parameters: AllianceFormationGame.Parameters
    /// The threat model (proximity λ = 500 km, ε = 0.1 by default).
    public let threatModel: ThreatModel
    /// Years solved at construction whose equilibrium search did not verify.
    public let unverifiedYears: [Int]
    let table: [Int: [DyadPrediction]]
    /// Polled by every equilibrium search, also for the years solved on demand (a deadline or an interrupt).
    let shouldStop: @Sendable () -> Bool

    /// "dynamic".
    public var name: String { "dynamic" }

    /// Solves the game for every year of `years` now (other years are solved when asked for) with the given
    /// parameters. Throws the game's errors (e.g. too many powers), and `DynamicsError.stopped` when `shouldStop` (a
    /// deadline or an interrupt, polled by every search — here and for the years solved later — from several
    /// threads) says so: a stopped search is never turned into predictions.
    public init(
        history: GreatPowerHistory = .embedded, years: ClosedRange<Int>? = nil,
        parameters: AllianceFormationGame.Parameters = .init(), threatModel: ThreatModel = ThreatModel(),
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws {
        let span = years.map { Array($0) } ?? []
        let all = try ConcurrentYears.map(span) { y in
            try DynamicGameModel.predict(
                year: y, history: history, parameters: parameters, threatModel: threatModel, shouldStop: shouldStop)
        }
        var table: [Int: [DyadPrediction]] = [:]
        var unverified: [Int] = []
        for y in span {
            table[y] = all[y]!.rows
            if !all[y]!.verified { unverified.append(y) }
        }
        self.parameters = parameters
        self.threatModel = threatModel
        self.table = table
        self.unverifiedYears = unverified
        self.shouldStop = shouldStop
    }

    /// The year's predictions: precomputed at construction, else solved now (inputs of that year only). Throws
    /// ``HistoryError/yearOutOfRange(year:available:)`` outside the history and the game's errors.
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        if let rows = table[year] { return rows }
        return try DynamicGameModel.predict(
            year: year, history: history, parameters: parameters, threatModel: threatModel, shouldStop: shouldStop
        ).rows
    }

    /// The model with κ and e (and b over `renegingCosts`, default [0]: b fixed at 0; pass ``renegingCosts`` to fit
    /// it) fitted on `fitYears` (fewest unverified years, then log loss after monotone calibration), keeping the chosen point's solved fitting years; other years are solved on demand; the parameters
    /// that are not fitted are `base`'s. `progress` is called after each grid point with (points done, points in all). Throws ``HistoryError/invalidFitYears(_:allowed:)`` for a window outside 1816–1890,
    /// and `DynamicsError.stopped` when `shouldStop` says so (polled between grid points and by every search; the
    /// fitted model keeps it for the years it solves later).
    /// - Complexity: (grid points) × |fitYears| equilibrium searches.
    public static func fitted(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        base: AllianceFormationGame.Parameters = AllianceFormationGame.Parameters(),
        renegingCosts: [Double] = [0],
        progress: (Int, Int) -> Void = { _, _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> DynamicGameModel {
        try AllianceValidation.checkFit(fitYears, history: history)
        var selection = try DynamicFitSelection<DynamicGameModel>(history: history, fitYears: fitYears)
        let grid = grid(renegingCosts: renegingCosts)
        for (done, (kappa, e, b)) in grid.enumerated() {
            if shouldStop() { throw DynamicsError.stopped }
            var p = base
            p.kappa = kappa
            p.entanglement = e
            p.renegingCost = b
            let m = try DynamicGameModel(history: history, years: fitYears, parameters: p, shouldStop: shouldStop)
            try selection.offer(m, unverified: m.unverifiedYears.count)
            progress(done + 1, grid.count)
        }
        return selection.best!.model
    }

    /// One year's game (every great power of the year, status quo) and its solved equilibrium process. Throws
    /// `DynamicsError.stopped` if `shouldStop` ended the search, and the game's errors.
    static func solved(
        year: Int, history: GreatPowerHistory, parameters: AllianceFormationGame.Parameters,
        threatModel: ThreatModel, shouldStop: () -> Bool
    ) throws -> (AllianceFormationGame, AllianceDynamicsResult) {
        let scenario = try history.scenario(year: year)
        let game = try AllianceFormationGame(
            scenario: scenario, threatModel: threatModel, parameters: parameters,
            actorLimit: max(AllianceFormationGame.defaultActorLimit, scenario.actorCount), shouldStop: shouldStop)
        let result = try game.solve(shouldStop: shouldStop)
        if result.stopped { throw DynamicsError.stopped }
        return (game, result)
    }

    /// One year's pairs: solve the game, then the long-run share of periods each pair spends in one bloc. Throws
    /// `DynamicsError.stopped` if `shouldStop` ended the search.
    static func predict(
        year: Int, history: GreatPowerHistory, parameters: AllianceFormationGame.Parameters,
        threatModel: ThreatModel, shouldStop: () -> Bool
    ) throws -> (rows: [DyadPrediction], verified: Bool) {
        let gy = try history.year(year)
        let (game, result) = try solved(
            year: year, history: history, parameters: parameters, threatModel: threatModel, shouldStop: shouldStop)
        let together = game.longRunTogetherness(result)
        // The game orders actors by id; map each power's code to its index there.
        let position = Dictionary(uniqueKeysWithValues: game.scenario.ids.enumerated().map { ($0.element, $0.offset) })
        let abb = Dictionary(uniqueKeysWithValues: gy.powers.map { ($0.ccode, $0.abb) })
        let rows = gy.dyads.map { d -> DyadPrediction in
            let i = position[abb[d.ccode1]!]!, j = position[abb[d.ccode2]!]!
            let p = min(1, max(0, together[i * game.scenario.actorCount + j]))
            return DyadPrediction(year: year, ccode1: d.ccode1, ccode2: d.ccode2, pAlliance: p, pSameSide: p)
        }
        return (rows, result.verified)
    }
}

extension AllianceFormationGame {
    /// `t[i·n + j]`: the long-run share of periods in which actors i and j are in one bloc under the result's process,
    /// from its initial state — the Cesàro average of the state distribution over periods 201–400.
    /// - Complexity: O(400 · transitions + states · n²).
    public func longRunTogetherness(_ result: AllianceDynamicsResult) -> [Double] {
        let n = scenario.actorCount
        let rows = transitions(result.choice, mixed: result.mixed)
        var dist = [Double](repeating: 0, count: states.count)
        var average = dist
        dist[result.initialState] = 1
        var next = dist
        for t in 1...400 {
            for k in next.indices { next[k] = 0 }
            for (x, w) in dist.enumerated() where w > 0 { for (y, q) in rows[x] { next[y] += w * q } }
            swap(&dist, &next)
            if t > 200 { for k in average.indices { average[k] += dist[k] / 200 } }
        }
        var t = [Double](repeating: 0, count: n * n)
        for (x, w) in average.enumerated() where w > 0 {
            let labels = states[x].labels
            for i in 0..<n where labels[i] >= 0 {
                for j in (i + 1)..<n where labels[j] == labels[i] { t[i * n + j] += w; t[j * n + i] += w }
            }
        }
        return t
    }

    /// The pairs (i < j, in pair order) allied for at least `threshold` of the long run (``longRunTogetherness``),
    /// with their shares. O(longRunTogetherness + n²).
    public func longRunAlliedPairs(_ result: AllianceDynamicsResult, atLeast threshold: Double) -> [(
        first: Int, second: Int, share: Double
    )] {
        let n = scenario.actorCount
        let t = longRunTogetherness(result)
        var pairs: [(first: Int, second: Int, share: Double)] = []
        for i in 0..<n { for j in (i + 1)..<n where t[i * n + j] >= threshold { pairs.append((i, j, t[i * n + j])) } }
        return pairs
    }
}
