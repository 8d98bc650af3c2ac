/// Everything `entente analyze` reports about a scenario: balance of power, balance of threat, blocs, and the
/// alignment choices under the all-status-quo and the power-acquiring settings.
public struct AllianceAnalysis: Sendable {
    /// The analysed scenario (with its own actor types).
    public let scenario: Scenario
    /// The threat model used.
    public let threatModel: ThreatModel
    /// The alignment-model parameters used.
    public let alignment: AlignmentParameters
    /// Weighted majority game of capabilities (weights round(capability · scale), strict majority).
    public let game: WeightedMajorityGame
    /// The capability scale used for integer weights: 10⁶ up to 20 actors; beyond, reduced so that the
    /// Shapley–Shubik DP (O(n²·W)) stays within about 4·10⁸ operations — ties finer than 1/scale are then lost. For
    /// capabilities in large units (e.g. raw dollars, any non-negative measure) it is further reduced so the weights
    /// sum to at most 2⁵¹ (``WeightedMajorityGame/largestScale(for:fraction:)``).
    public let capabilityScale: Double
    /// Hegemons, balancers, essential and inessential actors.
    public let roles: BalanceOfPowerRoles
    /// Shapley–Shubik index of the capability game (exact fractions up to 20 actors).
    public let shapleyShubik: PowerIndex
    /// Banzhaf index of the capability game.
    public let banzhaf: PowerIndex
    /// Minimal winning coalitions (nil above the enumeration limit).
    public let minimalWinningCoalitions: [Coalition]?
    /// AES ruling coalition(s) with α = 1/2 (nil above the limit).
    public let rulingCoalitions: [Coalition]?
    /// Threat matrix under the all-status-quo setting (row threatened, column source).
    public let threat: Matrix
    /// Exact two-bloc split (nil above ``Blocs/exactLimit``) and the spectral (Laplacian) one.
    public let exactBlocs: Blocs.Split?
    /// Leading-eigenvector split (Laplacian variant).
    public let spectralBlocs: Blocs.Split
    /// Rand agreement between the exact and spectral splits (nil without the exact one).
    public let blocAgreement: Double?
    /// The all-status-quo setting.
    public let statusQuo: AlignmentOutcome
    /// The setting with the scenario's power-acquiring actors (their intentions raise the threat they pose).
    public let powerAcquiring: AlignmentOutcome
    /// Threat matrix under the power-acquiring setting.
    public let threatPowerAcquiring: Matrix
    /// Actors marked power-acquiring in the second setting.
    public let powerAcquiringActors: [Int]
    /// Decomposition of the power-acquiring setting: revisionist intentions in the threat matrix only (payoffs
    /// all status quo) — the threat channel.
    public let intentionsOnly: AlignmentOutcome
    /// Decomposition: spoils for the power-acquiring actors only (threat as in the status-quo setting) — the
    /// payoff channel.
    public let spoilsOnly: AlignmentOutcome
    /// The all-status-quo game with threat = aggregate power alone (Waltz's balance of power: no proximity,
    /// offence or intentions).
    public let balanceOfPower: AlignmentOutcome
    /// Rand index between the balance-of-power and the balance-of-threat structures (1 = identical).
    public let waltzWaltAgreement: Double
    /// Mean absolute difference of the long-run P(allied) between the two views, over pairs.
    public let waltzWaltProbabilityGap: Double

    /// Runs the whole analysis: exact power indices and minimal winning coalitions up to 20 actors (O(n·2ⁿ)),
    /// pseudo-polynomial DPs beyond; exact blocs up to `exactBlocLimit` actors (O(n·2ⁿ⁻¹)), spectral always (O(n³)).
    /// `capabilityScale` nil picks the scale described at ``capabilityScale``.
    public init(
        scenario: Scenario, threatModel: ThreatModel = ThreatModel(),
        alignment: AlignmentParameters = AlignmentParameters(),
        capabilityScale: Double? = nil, exactBlocLimit: Int = 22
    ) throws {
        self.scenario = scenario
        self.threatModel = threatModel
        self.alignment = alignment
        let caps = scenario.actors.map(\.capability)
        let n = scenario.actorCount
        // Capabilities may be in any units (raw dollars, 1e308): the default scale is capped so the integer weights sum
        // to at most 2⁵¹ (WeightedMajorityGame.largestScale), computed without overflowing the total.
        let top = caps.max() ?? 0
        let relativeTotal = top > 0 ? caps.reduce(0) { $0 + $1 / top } : 1
        let fitted = WeightedMajorityGame.largestScale(for: caps)
        let scale =
            capabilityScale
            ?? (n <= PowerIndices.exactPlayerLimit
                ? min(1e6, fitted) : min(1e6, fitted, 8e8 / Double(n * n) / relativeTotal / max(top, 1e-300)))
        self.capabilityScale = scale
        game = try WeightedMajorityGame(capabilities: caps, scale: scale, rule: .strict, players: scenario.ids)
        roles = try SimpleGameStructure.roles(game)
        shapleyShubik = try PowerIndices.shapleyShubik(game)
        banzhaf = try PowerIndices.banzhaf(game)
        minimalWinningCoalitions =
            n <= PowerIndices.exactPlayerLimit ? try SimpleGameStructure.minimalWinningCoalitions(game) : nil
        rulingCoalitions = n <= RulingCoalitions.defaultPlayerLimit ? try RulingCoalitions.ruling(powers: caps) : nil
        // Setting 1: everyone status quo (intentions from rivalries only).
        let sqScenario = try scenario.withTypes(
            Dictionary(uniqueKeysWithValues: scenario.ids.map { ($0, ActorType.statusQuo) }))
        threat = try threatModel.matrix(sqScenario)
        let h = ThreatModel.hostility(threat)
        let exact = n <= exactBlocLimit ? try Blocs.exact(hostility: h, limit: exactBlocLimit) : nil
        let spectral = try Blocs.spectral(hostility: h, variant: .laplacian)
        exactBlocs = exact
        spectralBlocs = spectral
        blocAgreement = exact.map { Blocs.randIndex($0.sides, spectral.sides) }
        statusQuo = try AlignmentModel.outcome(scenario: sqScenario, threatModel: threatModel, parameters: alignment)
        // Setting 2: the scenario's types; power-acquiring intentions count as threat.
        var paModel = threatModel
        paModel.useTypePriors = true
        threatPowerAcquiring = try paModel.matrix(scenario)
        let h2 = ThreatModel.hostility(threatPowerAcquiring)
        let split2 =
            n <= exactBlocLimit
            ? try Blocs.exact(hostility: h2, limit: exactBlocLimit) : try Blocs.spectral(hostility: h2)
        _ = split2
        powerAcquiring = try AlignmentModel.outcome(scenario: scenario, threatModel: paModel, parameters: alignment)
        powerAcquiringActors = scenario.actors.indices.filter {
            scenario.actors[$0].type.probabilityPowerAcquiring >= 0.5
        }
        // Decomposition: revisionist intentions alone (threat), spoils alone (payoffs).
        intentionsOnly = try AlignmentModel.outcome(scenario: sqScenario, threatModel: paModel, parameters: alignment)
        spoilsOnly = try AlignmentModel.outcome(scenario: scenario, threatModel: threatModel, parameters: alignment)
        // Waltz (power alone) versus Walt (threat), all status quo.
        var waltz = ThreatModel(lengthKm: .infinity, epsilon: 1)
        waltz.proximity = .none
        waltz.useOffense = false
        waltz.useIntentions = false
        balanceOfPower = try AlignmentModel.outcome(scenario: sqScenario, threatModel: waltz, parameters: alignment)
        waltzWaltAgreement = Blocs.randIndex(balanceOfPower.labels, statusQuo.labels)
        var gap = 0.0, pairs = 0.0
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                gap += abs(balanceOfPower.allied[i, j] - statusQuo.allied[i, j]); pairs += 1
            }
        }
        waltzWaltProbabilityGap = pairs > 0 ? gap / pairs : 0
    }

    /// The strongest threats, largest first: (threatened, source, value).
    public func strongestThreats(_ count: Int = 5) -> [(Int, Int, Double)] {
        var all: [(Int, Int, Double)] = []
        for i in 0..<threat.rows { for j in 0..<threat.columns where i != j { all.append((i, j, threat[i, j])) } }
        return Array(all.sorted { $0.2 > $1.2 }.prefix(count))
    }
}
