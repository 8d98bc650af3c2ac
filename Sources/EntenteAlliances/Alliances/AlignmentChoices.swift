/// What an actor does in an equilibrium structure of the alliance game.
public enum AlignmentChoice: String, Sendable, Equatable {
    /// In an alliance that does not include its greatest threat (Walt's balancing).
    case balance
    /// In an alliance with the source of its greatest threat (Walt), or — for a power-acquiring actor — a junior
    /// member of the strongest alliance (Schweller's 1994 jackal bandwagoning for profit).
    case bandwagon
    /// Opts out: in no alliance, and no alliance (or single state) it could join would make it better off — its
    /// security gain from allying is below the costs of entanglement and autonomy.
    case stayOut = "stay out"
    /// In no alliance against its will: joining some alliance or single state would make it better off, but every
    /// such move is refused by a member who would lose (consent, Hart & Kurz 1983) — diplomatic isolation, as of
    /// France by Bismarck's system, not a choice to stay out.
    case isolated
}

/// Parameters of the alignment analysis: the conflict stage and the rationality of the logit dynamics.
public struct AlignmentParameters: Sendable, Equatable {
    /// Autonomy cost κ of contracting: an actor in alliance S pays κ·(1 − rᵢ/r(S)) ("contracting disperses power").
    public var autonomyCost: Double = 0.02
    /// Prize scale G of the spoils a power-acquiring winner takes.
    public var prize: Double = 1
    /// Decisiveness γ of the contest success function.
    public var decisiveness: Double = 2
    /// Weight e of entanglement in partners' quarrels.
    public var entanglement: Double = 0.3
    /// Rationality β of the logit dynamics that weighs the structures (units of the mean threat).
    public var rationality: Double = 10
    public init() {}

    /// The conflict stage of these parameters; throws on a value out of range.
    public func stage() throws(AllianceGameError) -> ConflictStage {
        try ConflictStage(
            decisiveness: decisiveness, entanglement: entanglement, autonomyCost: autonomyCost, prize: prize)
    }

    /// Throws ``AllianceGameError/invalidParameter(name:value:range:)`` on negative or non-finite parameters.
    public func validate() throws(AllianceGameError) {
        _ = try stage()
        guard rationality.isFinite, rationality >= 0, rationality <= 1e6 else {
            throw AllianceGameError.invalidParameter(name: "rationality", value: rationality, range: "[0, 1e6]")
        }
    }
}

/// The outcome of one setting (all status quo, or with the scenario's power-acquiring actors): the solved
/// alliance game and the structure reported as its answer.
public struct AlignmentOutcome: Sendable {
    /// Every equilibrium structure, most probable first (complete: all Bell(n) structures were checked).
    public let equilibria: [StableStructure]
    /// The reported structure: the most probable equilibrium in the long run (the modal structure when the
    /// game has no equilibrium in pure structures).
    public let structure: [[Int]]
    /// Whether ``structure`` is an equilibrium (regret ≤ tolerance).
    public let isEquilibrium: Bool
    /// Choice of each actor in ``structure``.
    public let choices: [AlignmentChoice]
    /// Payoff of each actor in ``structure``.
    public let payoffs: [Double]
    /// War side (0/1) of each actor that is in an alliance, nil for those that stay out.
    public let sides: [Int?]
    /// Long-run P(allied) per pair (symmetric, zero diagonal).
    public let allied: Matrix
    /// Long-run P(same side in a general war) per pair (symmetric, unit diagonal).
    public let sameSide: Matrix
    /// Herfindahl index of capability shares of single states, and of the alliances of ``structure`` (a state
    /// that stays out counts alone): how concentrated power is before and after contracting.
    public let concentrationStates: Double
    /// Herfindahl index of the alliances of ``structure`` (see ``concentrationStates``). Never below
    /// ``concentrationStates`` (Σ_B (Σ_{i∈B} sᵢ)² ≥ Σᵢ sᵢ²): alliances pool capability into fewer units.
    public let concentrationAlliances: Double
    /// The regret tolerance the equilibria were verified with, in payoff units (the game's tolerance times its
    /// payoff scale).
    public let regretTolerance: Double

    /// The long-run probability (logit dynamics) of all equilibrium structures together; the rest of the mass sits
    /// on structures that are not equilibria (small when the rationality β is low). O(equilibria).
    public var equilibriumMass: Double { equilibria.reduce(0) { $0 + $1.probability } }

    /// The alliances (two or more members) of ``structure``.
    public var blocs: [[Int]] { structure.filter { $0.count >= 2 } }
    /// Actors in no alliance.
    public var neutrals: [Int] { structure.filter { $0.count == 1 }.map { $0[0] } }
    /// Labels for scoring: block index per actor.
    public var labels: [Int] {
        var l = [Int](repeating: 0, count: choices.count)
        for (b, block) in structure.enumerated() { for i in block { l[i] = b } }
        return l
    }
}

/// The alignment analysis of one scenario: the alliance game (``AlignmentGame``) solved completely, its
/// equilibria labelled with each actor's choice. Results are a set of structures with their stability and
/// long-run probabilities; nothing depends on the order of the actors (ties between equally probable
/// structures are broken by the sorted actor ids).
///
/// - Complexity: O(Bell(n)·n³) to build the game, O(Bell(n)³) for the long-run distribution (n ≤ 9).
public enum AlignmentModel {
    /// Solves the game of `scenario` with threat model `threatModel` and labels the reported structure.
    public static func outcome(
        scenario s: Scenario, threatModel: ThreatModel, parameters p: AlignmentParameters = AlignmentParameters()
    ) throws -> AlignmentOutcome {
        try p.validate()
        let game = try AlignmentGame(scenario: s, threatModel: threatModel, stage: try p.stage())
        let solution = try game.solve(rationality: p.rationality)
        let n = s.actorCount
        let ids = s.ids
        // Order-free tie-break: probability, then the structure written with sorted ids.
        func key(_ blocks: [[Int]]) -> String {
            blocks.map { $0.map { ids[$0] }.sorted().joined(separator: ",") }.sorted().joined(separator: "|")
        }
        let best = solution.equilibria.min { a, b in
            abs(a.probability - b.probability) > 1e-12 ? a.probability > b.probability : key(a.blocks) < key(b.blocks)
        }
        let modal =
            solution.longRun.indices.min { a, b in
                solution.longRun[a] != solution.longRun[b]
                    ? solution.longRun[a] > solution.longRun[b]
                    : key(game.blocks(ofStructure: a)) < key(game.blocks(ofStructure: b))
            } ?? solution.modalStructure
        let index = best?.index ?? modal
        let structure = game.blocks(ofStructure: index)
        let payoffs = game.payoffs(ofStructure: index)
        let warSides = game.warSides(ofStructure: index)
        let shares = game.shares
        var choices = [AlignmentChoice](repeating: .stayOut, count: n)
        var sides = [Int?](repeating: nil, count: n)
        // Ties broken by ids, never by position.
        func strength(_ b: [Int]) -> Double { b.reduce(0) { $0 + shares[$1] } }
        let strongest =
            structure.max { a, b in strength(a) != strength(b) ? strength(a) < strength(b) : key([a]) > key([b]) } ?? []
        for block in structure where block.count >= 2 {
            for i in block {
                sides[i] = warSides[i]
                let top = (0..<n).filter { $0 != i }.max { a, b in
                    game.threat[i, a] != game.threat[i, b] ? game.threat[i, a] < game.threat[i, b] : ids[a] > ids[b]
                }
                let revisionist = s.actors[i].type.probabilityPowerAcquiring >= 0.5
                let junior = block.contains { shares[$0] > shares[i] }
                if let top, game.threat[i, top] > 0, block.contains(top) {
                    choices[i] = .bandwagon
                } else if revisionist && junior && block == strongest {
                    choices[i] = .bandwagon
                } else {
                    choices[i] = .balance
                }
            }
        }
        let tolerance = solution.tolerance * game.payoffScale
        for i in 0..<n where choices[i] == .stayOut && game.isIsolated(i, inStructure: index, tolerance: tolerance) {
            choices[i] = .isolated
        }
        let hStates = shares.reduce(0) { $0 + $1 * $1 }
        let hAlliances = structure.reduce(0) { acc, b in
            let r = b.reduce(0) { $0 + shares[$1] }; return acc + r * r
        }
        return AlignmentOutcome(
            equilibria: solution.equilibria, structure: structure, isEquilibrium: best != nil,
            choices: choices, payoffs: payoffs, sides: sides, allied: solution.allied, sameSide: solution.sameSide,
            concentrationStates: hStates, concentrationAlliances: hAlliances,
            regretTolerance: solution.tolerance * game.payoffScale)
    }
}
