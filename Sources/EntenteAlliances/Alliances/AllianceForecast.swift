import Foundation

/// Parameters of the alliance game as a forecasting model (threat, conflict stage, dynamics).
///
/// Defaults are the values fitted on 1816–1890 by `entente calibrate --model game` (calibrated log loss of
/// P(allied); docs/validation.md gives the grid and the fit): λ = 30 km (threat only between land neighbours),
/// ε = 1 (rivalry coding adds nothing), γ = 1.5, e = 0.1, κ = 0.001, β = 10, one revision period per year, η = 3.
public struct AllianceGameParameters: Sendable, Equatable {
    /// Threat model (proximity length λ, intention weight ε of non-rivals).
    public var threatModel: ThreatModel
    /// Conflict stage (γ, entanglement e, autonomy κ, prize G).
    public var stage: ConflictStage
    /// Rationality β of the logit dynamics, in units of the mean threat.
    public var rationality: Double
    /// Revision periods of the dynamics per calendar year (fractional allowed).
    public var periodsPerYear: Double
    /// Weight η of the observed alliances in the starting distribution, exp(η·agreement).
    public var originWeight: Double

    /// The fitted defaults (see docs/validation.md).
    public init(
        threatModel: ThreatModel = ThreatModel(lengthKm: 30, epsilon: 1),
        stage: ConflictStage? = nil, rationality: Double = 10, periodsPerYear: Double = 1, originWeight: Double = 3
    ) {
        self.threatModel = threatModel
        // In range by construction: γ = 1.5, e = 0.1, κ = 0.001 (the 1816–1890 fit).
        self.stage = stage ?? (try! ConflictStage(decisiveness: 1.5, entanglement: 0.1, autonomyCost: 0.001, prize: 1))
        self.rationality = rationality
        self.periodsPerYear = periodsPerYear
        self.originWeight = originWeight
    }

    /// Throws ``AllianceGameError/invalidParameter(name:value:range:)`` on a parameter outside its range.
    public func validate() throws(AllianceGameError) {
        try threatModel.validate()
        guard rationality.isFinite, rationality >= 0, rationality <= 1e6 else {
            throw AllianceGameError.invalidParameter(name: "rationality", value: rationality, range: "[0, 1e6]")
        }
        guard periodsPerYear.isFinite, periodsPerYear >= 0, periodsPerYear <= 1000 else {
            throw AllianceGameError.invalidParameter(
                name: "periods per year", value: periodsPerYear, range: "[0, 1000]")
        }
        guard originWeight.isFinite, originWeight >= 0, originWeight <= 50 else {
            throw AllianceGameError.invalidParameter(name: "origin weight", value: originWeight, range: "[0, 50]")
        }
    }
}

/// Forecasts of alliances from the alliance game: the distribution over coalition structures starts at the
/// alliances observed in an origin year and evolves year by year under each year's game (capabilities,
/// geography and rivalries of that year), by the logit dynamics with consent (``AlignmentGame``).
///
/// Between years the actors are matched by id: a new great power enters alone, one that leaves the system is
/// dropped from its alliance. The forecast for year t uses the scenarios of years ≤ t and the alliances of the
/// origin year only, so it is a genuine forecast for every year after the origin.
///
/// - Complexity: per year O(Bell(n)·n³) to build the game and O(periods·moves) to evolve (n ≤ 9 actors).
public enum AllianceForecast {
    /// The forecast for one year.
    public struct YearForecast: Sendable {
        /// Calendar year.
        public let year: Int
        /// Actor ids of that year's scenario, in its order.
        public let ids: [String]
        /// P(allied) per pair (symmetric).
        public let allied: Matrix
        /// P(same side in a general war) per pair (symmetric).
        public let sameSide: Matrix
        /// The most probable structure (blocks of ids).
        public let modal: [[String]]
        /// Its probability.
        public let modalProbability: Double
    }

    /// Runs the forecast over `scenarios` (consecutive years, the first is the origin). `observedAllied(i, j)`
    /// says whether actors i and j of the origin scenario were allied in the origin year.
    public static func run(
        scenarios: [Scenario], observedAllied: (Int, Int) -> Bool,
        parameters: AllianceGameParameters = AllianceGameParameters(),
        progress: ((Int) -> Void)? = nil
    ) throws -> [YearForecast] {
        try parameters.validate()
        let games = try scenarios.map {
            try AlignmentGame(scenario: $0, threatModel: parameters.threatModel, stage: parameters.stage)
        }
        return try run(
            games: games, years: scenarios.enumerated().map { $1.year ?? $0 }, observedAllied: observedAllied,
            parameters: parameters, progress: progress)
    }

    /// The same forecast over prebuilt games (one per year; the threat model and stage of `parameters` are not
    /// used), so that a calibration grid over the dynamics parameters reuses the games.
    public static func run(
        games: [AlignmentGame], years: [Int], observedAllied: (Int, Int) -> Bool,
        parameters: AllianceGameParameters, progress: ((Int) -> Void)? = nil
    ) throws -> [YearForecast] {
        try parameters.validate()
        guard var game = games.first, years.count == games.count else { return [] }
        var distribution = startDistribution(game, observedAllied: observedAllied, weight: parameters.originWeight)
        var out: [YearForecast] = []
        for (k, next) in games.enumerated() {
            if k > 0 {
                distribution = remap(distribution, from: game, to: next)
                game = next
            }
            let kernel = try game.kernel(rationality: parameters.rationality)
            distribution = game.evolve(distribution, kernel: kernel, periods: parameters.periodsPerYear)
            guard distribution.allSatisfy(\.isFinite) else {
                throw AllianceGameError.nonFinite("forecast distribution")
            }
            let (allied, same) = game.dyadProbabilities(distribution)
            let modal = distribution.indices.max { distribution[$0] < distribution[$1] } ?? 0
            out.append(
                YearForecast(
                    year: years[k], ids: game.ids, allied: allied, sameSide: same,
                    modal: game.blocks(ofStructure: modal).map { $0.map { game.ids[$0] } },
                    modalProbability: distribution[modal]))
            progress?(k)
        }
        return out
    }

    /// π₀(s) ∝ exp(η·Σ_{pairs allied in s} (+1 if observed allied, −1 otherwise)).
    static func startDistribution(_ game: AlignmentGame, observedAllied: (Int, Int) -> Bool, weight: Double) -> [Double]
    {
        let n = game.actorCount
        var w = [Double](repeating: 0, count: game.structureCount)
        var best = -Double.infinity
        for s in 0..<game.structureCount {
            var agreement = 0.0
            for i in 0..<n {
                for j in (i + 1)..<Swift.max(i + 1, n) where game.allied(i, j, inStructure: s) {
                    agreement += observedAllied(i, j) ? 1 : -1
                }
            }
            w[s] = weight * agreement
            best = Swift.max(best, w[s])
        }
        var total = 0.0
        for s in w.indices { w[s] = exp(w[s] - best); total += w[s] }
        return w.map { $0 / total }
    }

    /// Carries a distribution to a game with another actor set (matched by id).
    static func remap(_ distribution: [Double], from old: AlignmentGame, to new: AlignmentGame) -> [Double] {
        if old.ids == new.ids { return distribution }
        let n0 = old.actorCount, n1 = new.actorCount
        let position = Dictionary(uniqueKeysWithValues: old.ids.enumerated().map { ($1, $0) })
        let map = new.ids.map { position[$0] }
        var out = [Double](repeating: 0, count: new.structureCount)
        var labels = [Int](repeating: 0, count: n1)
        var workspace = [Int](repeating: -1, count: n0 + n1)
        for s in 0..<old.structureCount where distribution[s] > 0 {
            for i in 0..<n1 {
                if let j = map[i] { labels[i] = Int(old.labelTable[s * n0 + j]) } else { labels[i] = n0 + i }
            }
            if let d = new.structureIndex(labels: labels, map: &workspace) { out[d] += distribution[s] }
        }
        return out
    }
}
