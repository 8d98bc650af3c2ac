import Synchronization

/// The dynamic alliance-formation game (``AllianceFormationGame``) as a forecaster started at observed alliances: the
/// equilibrium processes of the years' games, chained year by year from the alliances of an origin year — the
/// origins of the logit forecast (``AllianceGameModel``) and the persistence baseline (``PersistenceModel``).
///
/// Each year's great powers play the game from that year's inputs (every actor status quo, as
/// ``GreatPowerHistory/scenario(year:)`` builds it), solved once. The forecast is a distribution over alliance
/// structures (blocs of great-power codes): at the origin year it is the observed structure (connected components of
/// the ATOP defense/offense pairs); each later year it is restricted to that year's great powers (a bloc loses the
/// powers that left; new powers start alone), placed in that year's game with the window open, and moved one step of
/// the lazy chain (1 − ρ)I + ρP, where P is the year's equilibrium process and ρ the revision rate: alliances are
/// revised at random times — each year with probability ρ, on average once every 1/ρ years (revision opportunities
/// as in the logit forecast's periods per year) — and when they are, the equilibrium process moves them. An actor
/// that opted out is alone again the next year (opting out is a decision within one year's game). P(allied) of a pair
/// is the probability that the two share a bloc at the end of the year; `pSameSide` is the same number. Years before
/// the fitting window start at the history's first year with nobody allied. So the equilibrium model gets the same
/// starting point as the forecast and the persistence baseline: whatever it adds to persistence comes from the
/// equilibrium moves.
///
/// ρ → 0 is pure persistence; ρ = 1 moves every year. Free parameters — κ and e of the conflict stage
/// (``DynamicGameModel/kappas`` × ``DynamicGameModel/entanglements``), optionally the reneging cost b
/// (``DynamicGameModel/renegingCosts``; default b = 0) and ρ (``revisionRates``) — are fitted on the fitting years: fewest fitting years whose search
/// does not verify, then the smallest log loss after monotone calibration (``MonotoneCalibration``). Years after the
/// fitting window are solved when first asked for (the chain runs through every year from the window's last year to
/// the latest year asked for) and kept.
///
/// - Complexity: one equilibrium search per year and (κ, e) (Bell(n + 1) × 2 states for n powers; 0.1–2 s for six
///   or seven powers, several seconds for eight), plus O(transitions) per year and ρ for the chain.
public struct DynamicForecastModel: DyadModel {
    /// Candidate revision rates ρ (the probability that the year's structure is revised by the equilibrium process).
    public static let revisionRates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]

    /// The game's parameters used for every year.
    public let parameters: AllianceFormationGame.Parameters
    /// The revision rate ρ ∈ (0, 1].
    public let revisionRate: Double
    /// The fitting window (it fixes the origins).
    public let fitYears: ClosedRange<Int>
    /// The threat model (proximity λ = 500 km, ε = 0.1 by default).
    public let threatModel: ThreatModel
    /// Fitting years whose equilibrium search did not verify (their processes are still used, and reported).
    public let unverifiedYears: [Int]
    let table: [Int: [DyadPrediction]]
    let later: LaterYears
    /// Polled by every equilibrium search, also for the years solved on demand (a deadline or an interrupt).
    let shouldStop: @Sendable () -> Bool

    /// "dynamic-forecast".
    public var name: String { "dynamic-forecast" }

    /// A structure: the blocs of two or more great powers (codes sorted, blocs sorted); everyone else alone.
    typealias Structure = [[Int]]

    /// One year's solved game: its process's transition rows and how its actors map to great-power codes.
    struct SolvedYear: Sendable {
        let rows: [[(Int, Double)]]
        let codes: [Int]
        let labels: [[Int8]]
        let state: [[Int8]: Int]
        let verified: Bool
    }

    /// The chain's state after its last year: the distribution over structures and every year's pairs so far.
    struct ChainState: Sendable {
        var distribution: [Structure: Double]
        var last: Int
        var table: [Int: [DyadPrediction]] = [:]
    }

    /// The years after the fitting window, chained on demand through the latest year asked for (under a lock, since
    /// years may be asked for concurrently).
    final class LaterYears: Sendable {
        let state = Mutex<ChainState?>(nil)
    }

    /// The model for given parameters: solves and chains the years of the fitting window (and those before it).
    /// Throws `DynamicsError.stopped` when `shouldStop` (a deadline or an interrupt, polled by every search — here and
    /// for the years solved later — from several threads) says so: a stopped search is never chained into predictions.
    public init(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        parameters: AllianceFormationGame.Parameters = .init(), revisionRate: Double = 1,
        threatModel: ThreatModel = ThreatModel(), shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws {
        guard revisionRate > 0 && revisionRate <= 1 else {
            throw DynamicsError.invalidParameter(name: "revision rate ρ (must be in (0, 1])")
        }
        try AllianceValidation.checkFit(fitYears, history: history)
        let first = history.years.lowerBound
        let solved = try DynamicForecastModel.solve(
            years: Array(first...fitYears.upperBound), history: history, parameters: parameters,
            threatModel: threatModel, shouldStop: shouldStop)
        try self.init(
            history: history, fitYears: fitYears, parameters: parameters, revisionRate: revisionRate,
            threatModel: threatModel, solved: solved, shouldStop: shouldStop)
    }

    init(
        history: GreatPowerHistory, fitYears: ClosedRange<Int>, parameters: AllianceFormationGame.Parameters,
        revisionRate: Double, threatModel: ThreatModel, solved: [Int: SolvedYear],
        shouldStop: @escaping @Sendable () -> Bool
    ) throws {
        var table: [Int: [DyadPrediction]] = [:]
        let first = history.years.lowerBound
        if fitYears.lowerBound > first {
            for (y, rows) in try DynamicForecastModel.chain(
                from: first, observed: false, through: fitYears.lowerBound - 1, history: history, solved: solved,
                revisionRate: revisionRate)
            {
                table[y] = rows
            }
        }
        for (y, rows) in try DynamicForecastModel.chain(
            from: fitYears.lowerBound, observed: true, through: fitYears.upperBound, history: history, solved: solved,
            revisionRate: revisionRate)
        {
            table[y] = rows
        }
        self.parameters = parameters
        self.revisionRate = revisionRate
        self.fitYears = fitYears
        self.threatModel = threatModel
        self.table = table
        self.unverifiedYears = fitYears.filter { solved[$0]?.verified == false }
        self.later = LaterYears()
        self.shouldStop = shouldStop
    }

    /// The model with κ, e, b (over `renegingCosts`, default [0]) and the revision rate ρ fitted on `fitYears`
    /// (fewest unverified fitting years, then log loss after monotone calibration); the parameters that are not fitted (the equilibrium selection, δ, the window,
    /// the exit terms) are `base`'s. `progress` is called after each (κ, e, b) point with (points done, points in
    /// all). Throws ``HistoryError/invalidFitYears(_:allowed:)`` for a window outside 1816–1890, and
    /// `DynamicsError.stopped` when `shouldStop` says so (polled between grid points and by every search; the fitted
    /// model keeps it for the years it solves later).
    /// - Complexity: (κ, e points) × |fitYears| equilibrium searches.
    public static func fitted(
        history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int> = AllianceValidation.fitLimit,
        base: AllianceFormationGame.Parameters = AllianceFormationGame.Parameters(),
        renegingCosts: [Double] = [0],
        progress: (Int, Int) -> Void = { _, _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> DynamicForecastModel {
        try AllianceValidation.checkFit(fitYears, history: history)
        var selection = try DynamicFitSelection<DynamicForecastModel>(history: history, fitYears: fitYears)
        let grid = DynamicGameModel.grid(renegingCosts: renegingCosts)
        for (done, (kappa, e, b)) in grid.enumerated() {
            if shouldStop() { throw DynamicsError.stopped }
            var p = base
            p.kappa = kappa
            p.entanglement = e
            p.renegingCost = b
            let solved = try solve(
                years: Array(history.years.lowerBound...fitYears.upperBound), history: history, parameters: p,
                threatModel: ThreatModel(), shouldStop: shouldStop)
            for rate in revisionRates {
                let m = try DynamicForecastModel(
                    history: history, fitYears: fitYears, parameters: p, revisionRate: rate, threatModel: ThreatModel(),
                    solved: solved, shouldStop: shouldStop)
                try selection.offer(m, unverified: m.unverifiedYears.count)
            }
            progress(done + 1, grid.count)
        }
        return selection.best!.model
    }

    /// The year's predictions. Years after the fitting window are computed on the first such request (every year
    /// through the end of the history, chained from the window's last year). Throws
    /// ``HistoryError/yearOutOfRange(year:available:)`` outside the history and the game's errors.
    public func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction] {
        if let rows = table[year] { return rows }
        guard history.years.contains(year), year > fitYears.upperBound else {
            throw HistoryError.yearOutOfRange(year: year, available: history.years)
        }
        return try later.state.withLock { cache in
            var chain =
                try cache
                ?? DynamicForecastModel.start(at: fitYears.upperBound, history: history)
            if chain.last < year {
                let solved = try DynamicForecastModel.solve(
                    years: Array((chain.last + 1)...year), history: history, parameters: parameters,
                    threatModel: threatModel, shouldStop: shouldStop)
                try DynamicForecastModel.extend(
                    &chain, through: year, history: history, solved: solved, revisionRate: revisionRate)
            }
            cache = chain
            guard let rows = chain.table[year] else {
                throw HistoryError.yearOutOfRange(year: year, available: history.years)
            }
            return rows
        }
    }

    /// Solves every year's game (concurrently). Throws `DynamicsError.stopped` if `shouldStop` ended a search.
    static func solve(
        years: [Int], history: GreatPowerHistory, parameters: AllianceFormationGame.Parameters,
        threatModel: ThreatModel, shouldStop: @Sendable () -> Bool
    ) throws -> [Int: SolvedYear] {
        try ConcurrentYears.map(years) { y in
            let gy = try history.year(y)
            let (game, result) = try DynamicGameModel.solved(
                year: y, history: history, parameters: parameters, threatModel: threatModel, shouldStop: shouldStop)
            let code = Dictionary(uniqueKeysWithValues: gy.powers.map { ($0.abb, $0.ccode) })
            let open = parameters.windowHazard != nil
            var state: [[Int8]: Int] = [:]
            for (x, s) in game.states.enumerated() where s.windowOpen == open { state[s.labels] = x }
            return SolvedYear(
                rows: game.transitions(result.choice, mixed: result.mixed),
                codes: game.scenario.ids.map { code[$0]! }, labels: game.states.map(\.labels), state: state,
                verified: result.verified)
        }
    }

    /// The chain from `origin` (its observed alliances, or nobody allied) through `through`: each year's pairs.
    static func chain(
        from origin: Int, observed: Bool, through: Int, history: GreatPowerHistory, solved: [Int: SolvedYear],
        revisionRate: Double
    ) throws -> [Int: [DyadPrediction]] {
        // Without observed alliances nobody is allied at the start, and the first year is moved by its process too.
        var state =
            observed
            ? try start(at: origin, history: history) : ChainState(distribution: [[]: 1], last: origin - 1)
        try extend(&state, through: through, history: history, solved: solved, revisionRate: revisionRate)
        return state.table
    }

    /// The chain at its origin: the observed structure (connected components of the year's allied pairs), whose
    /// pairs are the origin year's predictions.
    static func start(at origin: Int, history: GreatPowerHistory) throws -> ChainState {
        let gy = try history.year(origin)
        let index = Dictionary(uniqueKeysWithValues: gy.powers.enumerated().map { ($0.element.ccode, $0.offset) })
        let edges = try history.alliedPairs(year: origin).map { (index[$0[0]]!, index[$0[1]]!) }
        let blocs = PartitionAgreement.components(count: gy.powers.count, edges: edges)
        var structure: [[Int]] = []
        for b in Set(blocs) {
            let members = blocs.indices.filter { blocs[$0] == b }.map { gy.powers[$0].ccode }.sorted()
            if members.count > 1 { structure.append(members) }
        }
        var state = ChainState(distribution: [structure.sorted { $0.lexicographicallyPrecedes($1) }: 1], last: origin)
        state.table[origin] = pairs(of: state.distribution, year: gy)
        return state
    }

    /// Moves the chain one year at a time through `through` (each year's game must be in `solved`).
    static func extend(
        _ state: inout ChainState, through: Int, history: GreatPowerHistory, solved: [Int: SolvedYear],
        revisionRate: Double
    ) throws {
        while state.last < through {
            let y = state.last + 1
            let gy = try history.year(y)
            guard let year = solved[y] else { throw HistoryError.yearOutOfRange(year: y, available: history.years) }
            state.distribution = evolve(
                state.distribution, year: year, powers: Set(gy.powers.map(\.ccode)), revisionRate: revisionRate)
            state.table[y] = pairs(of: state.distribution, year: gy)
            state.last = y
        }
    }

    /// P(the two share a bloc) for every pair of the year.
    static func pairs(of distribution: [Structure: Double], year gy: GreatPowerYear) -> [DyadPrediction] {
        gy.dyads.map { d in
            var p = 0.0
            for (s, w) in distribution where s.contains(where: { $0.contains(d.ccode1) && $0.contains(d.ccode2) }) {
                p += w
            }
            p = min(1, max(0, p))
            return DyadPrediction(year: gy.year, ccode1: d.ccode1, ccode2: d.ccode2, pAlliance: p, pSameSide: p)
        }
    }

    /// Restricts each structure to the year's powers, places it in the year's game and moves it one step of the lazy
    /// chain (1 − ρ)I + ρP.
    static func evolve(_ dist: [Structure: Double], year: SolvedYear, powers: Set<Int>, revisionRate: Double)
        -> [Structure: Double]
    {
        let n = year.codes.count
        let position = Dictionary(uniqueKeysWithValues: year.codes.enumerated().map { ($0.element, $0.offset) })
        var states: [Int: Double] = [:]
        for (s, w) in dist {
            var labels = (0..<n).map { Int8($0) }
            for bloc in s {
                let members = bloc.filter(powers.contains).compactMap { position[$0] }.sorted()
                guard let head = members.first, members.count > 1 else { continue }
                for i in members { labels[i] = Int8(head) }
            }
            // Labels are canonical: each bloc is labelled by its first member, as the game's states are.
            if let x = year.state[labels] { states[x, default: 0] += w }
        }
        var next: [Int: Double] = [:]
        for (x, w) in states {
            next[x, default: 0] += (1 - revisionRate) * w
            for (y, q) in year.rows[x] { next[y, default: 0] += revisionRate * w * q }
        }
        states = next
        var result: [Structure: Double] = [:]
        for (x, w) in states where w > 0 {
            let labels = year.labels[x]
            var blocs: [Int8: [Int]] = [:]
            for (i, l) in labels.enumerated() where l >= 0 { blocs[l, default: []].append(year.codes[i]) }
            let s = blocs.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
            result[s, default: 0] += w
        }
        return result
    }
}
