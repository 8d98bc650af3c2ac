import ArgumentParser
import Entente
import Foundation

/// Options of the dynamic game shared by `dynamics` and `sweep`.
struct DynamicOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Discount factor δ in (0, 0.9999].") var delta: Double = 0.9
    @Option(
        parsing: .unconditional,
        help: "Hazard λ in [0, 1] with which the window of opportunity closes each period ('none' for no window).")
    var hazard: String = "0.2"
    @Option(parsing: .unconditional, help: "Prize G ≥ 0 for power-acquiring actors while the window is open.")
    var prize: Double = 1
    @Option(parsing: .unconditional, help: "Per-partner alliance cost c ≥ 0.") var allianceCost: Double = 0
    @Option(
        parsing: .unconditional,
        help:
            "One-time cost b ≥ 0 of breaking an alliance, paid by a mover that leaves a partner behind (a breach cost standing in for reputation)."
    )
    var renegingCost: Double = AllianceFormationGame.Parameters().renegingCost
    @Option(
        parsing: .unconditional,
        help:
            "Per-period payoff of an actor that opted out: the neutrality dividend (on top of its exposure); may be negative."
    )
    var exitPayoff: Double = 0.002
    @Option(
        parsing: .unconditional,
        help:
            "Multiple ν of its security loss that an actor that opted out bears (> 1: no one will help a neutral), in [0, 4]."
    ) var neutralExposure: Double = 1.2
    @Option(parsing: .unconditional, help: "Decisiveness γ of the contest success function, in [0.25, 8].")
    var decisiveness: Double = 2
    @Option(parsing: .unconditional, help: "Weight e ≥ 0 of entanglement in partners' quarrels.") var entanglement:
        Double = 0.3
    @OptionGroup var exits: ExitOptions
    @Option(
        help:
            "Profitability: konishiRay (moves weakly profitable, waiting excluded only by a strictly profitable move), strict or weak."
    ) var rule: String = "konishiRay"
    @Option(
        parsing: .unconditional,
        help:
            "Stop after this many seconds in all, in (0, 1e9]; an unfinished search is reported as stopped and not verified."
    )
    var timeout: Double?
    @Option(
        parsing: .unconditional,
        help:
            "Largest number of actors for the full state space (Bell(n+1)·2 states), 1...\(DynamicOptions.actorCeiling)."
    )
    var maxActors: Int = AllianceFormationGame.defaultActorLimit
    @Option(
        parsing: .unconditional,
        help: "Restrict the state space: coalitions of at most this many members, ≥ 1 (allows 8–12 actors).")
    var maxCoalitionSize: Int?
    @Option(help: "Policy evaluation beyond 2 000 states: gaussSeidel or gmres.") var iterative: String = "gmres"
    @Flag(
        help:
            "Treat uncertain types (P(power-acquiring) strictly between 0 and 1) as public: power-acquiring iff P ≥ 0.5."
    ) var publicTypes = false
    @Option(
        parsing: .unconditional, help: "Belief grid points for private types, 2...\(DynamicOptions.beliefPointCeiling)."
    ) var beliefPoints: Int = 11
    @Option(
        parsing: .unconditional,
        help: "Accuracy in [0.5, 1) of the public signal about each private type, every period.")
    var signalAccuracy: Double = 0.8
    @Option(
        parsing: .unconditional,
        help:
            "Largest number of private types, 1...\(DynamicOptions.privateTypeCeiling) (the state space grows as beliefPoints^k)."
    )
    var maxPrivateTypes: Int = 2

    /// The equilibrium concept of a profitability rule, as printed in the report header.
    static func describe(_ rule: Profitability) -> String {
        switch rule {
        case .konishiRay:
            return
                "Konishi–Ray profitability (moves weakly profitable and maximal; waiting excluded only by a strictly profitable move)"
        case .strict: return "strict profitability (every mover gains, in every condition)"
        case .weak: return "weak profitability (no mover loses and one gains, in every condition)"
        }
    }

    /// Ranges enforced on the options (docs/formats.md, "Limits").
    static let actorCeiling = 16
    static let beliefPointCeiling = 1001
    static let privateTypeCeiling = 6
    /// Largest magnitude accepted for prize, alliance cost and exit payoff (threats are shares in [0, 1]).
    static let magnitudeCeiling = 1e9
    /// Largest belief grid, beliefPoints^maxPrivateTypes.
    static let beliefGridCeiling = 1_000_000

    func validate() throws {
        try Check.number(
            delta, "--delta", 0, 0.9999, lowOpen: true, note: " (δ → 1 makes policy evaluation ill-conditioned)")
        if hazard != "none" {
            guard let l = Double(hazard), l.isFinite, l >= 0, l <= 1 else {
                throw ValidationError("--hazard must be a number in [0, 1] or 'none', got '\(hazard)'")
            }
        }
        let m = Self.magnitudeCeiling
        try Check.number(prize, "--prize", 0, m)
        try Check.number(allianceCost, "--alliance-cost", 0, m)
        try Check.number(renegingCost, "--reneging-cost", 0, m)
        try Check.number(exitPayoff, "--exit-payoff", -m, m)
        try Check.number(neutralExposure, "--neutral-exposure", 0, 4)
        try Check.number(timeout, "--timeout", 0, 1e9, lowOpen: true)
        guard Profitability(rawValue: rule) != nil else {
            throw ValidationError("--rule must be konishiRay, strict or weak, got '\(rule)'")
        }
        guard AllianceFormationGame.IterativeSolver(rawValue: iterative) != nil else {
            throw ValidationError("--iterative must be gaussSeidel or gmres, got '\(iterative)'")
        }
        try Check.integer(maxActors, "--max-actors", 1...Self.actorCeiling)
        if let c = maxCoalitionSize { try Check.integer(c, "--max-coalition-size", 1...Self.actorCeiling) }
        try Check.integer(beliefPoints, "--belief-points", 2...Self.beliefPointCeiling)
        try Check.number(signalAccuracy, "--signal-accuracy", 0.5, 1, highOpen: true)
        try Check.integer(maxPrivateTypes, "--max-private-types", 1...Self.privateTypeCeiling)
        let grid = pow(Double(beliefPoints), Double(maxPrivateTypes))
        guard grid <= Double(Self.beliefGridCeiling) else {
            throw ValidationError(
                "--belief-points \(beliefPoints) with --max-private-types \(maxPrivateTypes) allows a belief grid of \(beliefPoints)^\(maxPrivateTypes) points, over the limit of \(Self.beliefGridCeiling); lower one of them"
            )
        }
    }

    /// A library size error rephrased with the options this command has (`sweep` has no `--max-actors`).
    static func explain(_ e: DynamicsError, actors n: Int, maxActors: Int?, command: String) -> CLIError {
        switch e {
        case .tooManyStates(_, let limit):
            if n > limit || (maxActors.map { n > $0 } ?? false) {
                if let m = maxActors {
                    return CLIError(
                        "the scenario has \(n) actors, over the limit of \(max(limit, m)) for the dynamic game (Bell(n+1)·2 states); raise --max-actors (at most \(actorCeiling)) together with --max-coalition-size, or use fewer actors"
                    )
                }
                let larger =
                    command == "sweep" ? "" : ", or run 'entente dynamics' with --max-actors and --max-coalition-size"
                return CLIError(
                    "the scenario has \(n) actors, over the limit of \(limit) that '\(command)' solves (Bell(n+1)·2 states); use fewer actors (e.g. --nmc … --states A,B,…, or a smaller scenario file)\(larger)"
                )
            }
            return CLIError(
                "the dynamic game of \(n) actors reaches more states than its state limit; \(maxActors == nil ? "use fewer actors" : "use a smaller --max-coalition-size or fewer actors")"
            )
        case .tooManyBeliefStates(let states, let limit):
            return CLIError(
                "the private-types game would have \(states) public states (structures × belief grid), over the limit of \(limit); \(maxActors == nil ? "use fewer private types (prior.ID in (0, 1))" : "use fewer --belief-points, fewer private types, or --max-coalition-size")"
            )
        case .stopped:
            return CLIError(ErrorHints.message(for: e))
        default:
            return CLIError(e.description)
        }
    }

    var information: BayesianAllianceFormationGame.Parameters {
        var info = BayesianAllianceFormationGame.Parameters()
        info.beliefPoints = beliefPoints
        info.signalAccuracy = signalAccuracy
        info.maxUncertainActors = maxPrivateTypes
        return info
    }

    func parameters(kappa: Double?) throws -> AllianceFormationGame.Parameters {
        var p = AllianceFormationGame.Parameters()
        p.delta = delta
        if let kappa { p.kappa = kappa }
        p.decisiveness = decisiveness
        p.entanglement = entanglement
        p.prize = prize
        p.allianceCost = allianceCost
        p.renegingCost = renegingCost
        p.exitPayoff = exitPayoff
        p.neutralExposure = neutralExposure
        exits.apply(to: &p)
        p.maxCoalitionSize = maxCoalitionSize
        guard let solver = AllianceFormationGame.IterativeSolver(rawValue: iterative) else {
            throw CLIError("--iterative must be gaussSeidel or gmres")
        }
        p.iterativeSolver = solver
        if hazard == "none" {
            p.windowHazard = nil
        } else {
            guard let l = Double(hazard) else { throw CLIError("--hazard must be a number in [0, 1] or 'none'") }
            p.windowHazard = l
        }
        guard let r = Profitability(rawValue: rule) else { throw CLIError("--rule must be konishiRay, strict or weak") }
        p.rule = r
        try p.validate()
        return p
    }
}

/// `entente dynamics`: the alliance-formation stochastic game, all-status-quo vs power-acquiring side by side.
struct Dynamics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Solve the dynamic alliance-formation game: who joins, who fence-sits, who opts out, which structures absorb.",
        discussion:
            "Konishi-Ray equilibrium processes with opting out and a closing window (docs/theory.md). Default: europe-1914."
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var threat: ThreatOptions
    @OptionGroup var dynamic: DynamicOptions
    @Flag(help: "Solve both the all-status-quo and the power-acquiring setting (default: both).") var compareSettings =
        false
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Option(help: "Also draw the transition graph of structures reachable from the status quo as SVG.") var svg: String?

    func validate() throws { try Check.format(format, [.table, .json], command: "dynamics") }

    func run() throws {
        try reportingErrors {
            let s = try scenario.load()
            do { try solve(s) } catch let e as DynamicsError {
                throw DynamicOptions.explain(e, actors: s.actorCount, maxActors: dynamic.maxActors, command: "dynamics")
            }
        }
    }

    func solve(_ s: Scenario) throws {
        do {
            let params = try dynamic.parameters(kappa: threat.kappa)
            let model = try threat.model()
            if let path = svg { try OutputFile.check(path, option: "--svg") }
            Interrupt.install()
            // One deadline for the whole command: --timeout bounds every setting together.
            let poll = Interrupt.poller(timeout: dynamic.timeout, label: "entente dynamics")
            let sq = try s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) }))
            let privateTypes =
                !dynamic.publicTypes
                && s.actors.contains { $0.type.probabilityPowerAcquiring > 0 && $0.type.probabilityPowerAcquiring < 1 }
            let bayesianGame =
                privateTypes
                ? try BayesianAllianceFormationGame(
                    scenario: s, threatModel: model, parameters: params, information: dynamic.information,
                    actorLimit: dynamic.maxActors, shouldStop: poll) : nil
            // Every setting's game is built before any search starts (the power-acquiring setting differs only in
            // types: the same states and moves, other payoffs), so that once the searches run, a deadline leaves
            // nothing but the output to do. A deadline that passes while the games are built, before any result
            // exists, ends the command with a one-line error. The public settings are solved first (they are the
            // cheap ones), the private-types setting last.
            let building = poll
            var games: [(label: String, game: AllianceFormationGame, same: Bool)] = []
            for (label, sc) in privateTypes
                ? [("all status quo", sq)] : [("all status quo", sq), ("power-acquiring setting", s)]
            {
                // Without a power-acquiring actor both settings are the same game: solved once, shown twice.
                if let first = games.first, sc.actors.map(\.type) == sq.actors.map(\.type) {
                    games.append((label, first.game, true))
                    continue
                }
                let game =
                    try games.first.map {
                        try $0.game.sharingStateSpace(scenario: sc, threatModel: model, shouldStop: building)
                    }
                    ?? AllianceFormationGame(
                        scenario: sc, threatModel: model, parameters: params, actorLimit: dynamic.maxActors,
                        shouldStop: building)
                games.append((label, game, false))
            }
            // The settings are solved under one equilibrium selection (AllianceFormationGame.solveAlike).
            let distinct = games.filter { !$0.same }
            let solved = try AllianceFormationGame.solveAlike(
                distinct.map(\.game),
                starting: {
                    Console.current.writeError(
                        "entente dynamics: solving \(distinct[$0].label) (\(distinct[$0].game.states.count) states)…\n")
                }, shouldStop: poll)
            var bayesian: (BayesianAllianceFormationGame, BayesianAllianceDynamicsResult)? = nil
            if let game = bayesianGame {
                Console.current.writeError(
                    "entente dynamics: solving the private-types setting (\(game.stateCount) states, \(game.profileCount) type profiles)…\n"
                )
                bayesian = (game, try game.solve(shouldStop: poll))
            }
            var outputs: [(String, AllianceFormationGame, AllianceDynamicsResult)] = []
            var next = solved.makeIterator()
            for (label, game, same) in games {
                if same, let first = outputs.first {
                    outputs.append((label, first.1, first.2))
                } else if let r = next.next() {
                    outputs.append((label, game, r))
                }
            }
            if let path = svg {
                try OutputFile.write(TransitionGraphSVG.render(outputs), to: path, option: "--svg")
            }
            if format == .json {
                var doc = DynamicsJSON.encode(outputs.map { ($0.0, $0.1, $0.2) })
                if let (g, r) = bayesian, case .object(var kv) = doc {
                    kv.append(("private types", .object(DynamicsJSON.summary(g, r))))
                    doc = .object(kv)
                }
                print(doc.serialized())
                return
            }
            print(
                "Entente dynamics — \(s.name): δ = \(params.delta), κ = \(params.kappa)\(params.renegingCost > 0 ? ", reneging cost b = \(params.renegingCost)" : ""), window hazard λ = \(params.windowHazard.map { String($0) } ?? "none"), exit \(params.allowExit ? (params.exitOnlyBeforeContracting ? "allowed before contracting" : "allowed") : "not allowed")\(params.allowExit && params.neutrality != .facingBlocs ? " (neutrals face \(params.neutrality.rawValue))" : ""), selection \(params.selection.rawValue), \(DynamicOptions.describe(params.rule))\n"
            )
            for (label, game, r) in outputs {
                print(
                    "── \(label)  (\(r.evaluation); \(r.verified ? "equilibrium verified" : (r.stopped ? "stopped by --timeout or Ctrl-C: NO verified equilibrium" : "NO verified equilibrium found")) after \(r.iterations) iterations\(r.selection == params.selection ? "" : "; found with --selection \(r.selection.rawValue)"))"
                )
                if r.stopped {
                    // An unfinished search: its process is incomplete, so no choices, path or structures are shown.
                    print("no result: the search was stopped before it finished\n")
                    continue
                }
                let ids = game.scenario.ids
                let first = game.choices(in: r.initialState, result: r)
                print(
                    Table(
                        header: ["actor", "type", "at the status quo", "value"],
                        rows: ids.indices.map {
                            [
                                ids[$0], game.powerAcquiring[$0] ? "power-acquiring" : "status quo", first[$0].rawValue,
                                Format.number(r.values[r.initialState][$0]),
                            ]
                        }
                    ).render())
                print("path: " + r.path.map { game.describe($0) }.joined(separator: "  →  "))
                for a in r.absorbing.prefix(5) {
                    print(String(format: "absorbing (p = %.3f): ", a.probability) + game.describe(a.state))
                }
                for e in game.exitsFacingTopThreat(r) {
                    print(
                        String(
                            format:
                                "note: %@ opts out with probability %.3f although its strongest threat, %@, stays in the game (exit as a commitment; docs/theory.md)",
                            ids[e.actor], e.probability, ids[e.threat]))
                }
                let absorbed = r.absorbing.reduce(0) { $0 + $1.probability }
                if absorbed < 1 - 1e-9 {
                    // No (or not only) absorbing structures: report where the process spends its time.
                    let pairs = game.longRunAlliedPairs(r, atLeast: 0.05).sorted { $0.share > $1.share }.prefix(6).map {
                        ids[$0.first] + "–" + ids[$0.second] + String(format: " %.2f", $0.share)
                    }
                    let shares = pairs.isEmpty ? "no pair ≥ 0.05" : pairs.joined(separator: ", ")
                    print(
                        String(
                            format: "the process cycles with probability %.3f (no absorbing structure); ", 1 - absorbed)
                            + "long-run share of periods allied: " + shares)
                }
                print("")
            }
            if let (g, r) = bayesian { print(DynamicsReport.privateTypes(g, r)) }
        }
    }
}

/// `entente sweep`: a parameter grid streamed as JSON Lines.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the dynamic game over a parameter grid; one JSON line per grid point, in deterministic order.",
        discussion: """
            Parameters: delta, kappa, lambda (window hazard), prize, exit (exit payoff), reneging (reneging cost), \
            epsilon, lambdakm, accuracy \
            (signal accuracy for private types), prior.ID (P(ID is power-acquiring); strictly between 0 and 1 makes the \
            type private). Example: \
            entente sweep --param delta=0.8,0.9,0.95 --param lambda=0,0.1,0.5. Split a grid over a cluster with \
            --shard k/N (k = 1..N); concatenating the shards' outputs gives the full grid (docs/tutorial.md).
            """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(name: .customLong("param"), help: "NAME=v1,v2,… (repeatable, each NAME once).") var params: [String] = []
    @Option(help: "Run only shard k of N, as k/N (1 ≤ k ≤ N ≤ grid points).") var shard: String = "1/1"
    @OptionGroup var exits: ExitOptions
    @Option(help: "Also draw the grid as an SVG heat map (exactly two --param axes; the first is horizontal).") var svg:
        String?
    @Option(
        help:
            "What --svg shows: choices (each actor's choice at the status quo, one panel per actor) or structures (the most likely long-run structure)."
    )
    var svgView: String = "choices"
    @Option(
        parsing: .unconditional,
        help:
            "Stop after this many seconds, in (0, 1e9]: the grid point being solved is printed as stopped (never verified) and the sweep ends."
    )
    var timeout: Double?

    /// Largest grid (product of the axes' value counts).
    static let gridCeiling = 1_000_000
    static let known = ["delta", "kappa", "lambda", "prize", "exit", "reneging", "epsilon", "lambdakm", "accuracy"]

    /// The axes, parsed and range-checked (priors are checked against the scenario in `run`).
    func axes() throws -> [(String, [Double])] {
        var axes: [(String, [Double])] = []
        for p in params {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2,
                Self.known.contains(parts[0]) || (parts[0].hasPrefix("prior.") && parts[0].count > 6)
            else {
                throw ValidationError(
                    "--param expects NAME=v1,v2 with NAME in \(Self.known.joined(separator: ", ")) or prior.ID (an actor of the scenario); got '\(p)'"
                )
            }
            let name = parts[0]
            guard !axes.contains(where: { $0.0 == name }) else {
                throw ValidationError(
                    "--param \(name) is given twice; list all its values in one --param \(name)=v1,v2,…")
            }
            let items = parts[1].split(separator: ",", omittingEmptySubsequences: false)
            let values = try items.map { v -> Double in
                guard !v.isEmpty else {
                    throw ValidationError("--param \(name): empty value in '\(parts[1])' (expected v1,v2,…)")
                }
                guard let d = Double(v), d.isFinite else {
                    throw ValidationError("--param \(name): '\(v)' is not a finite number")
                }
                return d
            }
            let option = "--param \(name)"
            guard Set(values).count == values.count else {
                throw ValidationError("\(option): a value is listed twice in '\(parts[1])' (each grid point once)")
            }
            let m = DynamicOptions.magnitudeCeiling
            for v in values {
                switch name {
                case "delta": try Check.number(v, option, 0, 0.9999, lowOpen: true)
                case "kappa", "prize", "reneging": try Check.number(v, option, 0, m)
                case "exit": try Check.number(v, option, -m, m)
                case "lambda", "epsilon": try Check.number(v, option, 0, 1)
                case "lambdakm": try Check.number(v, option, 0, 1e9, lowOpen: true, note: " km")
                case "accuracy": try Check.number(v, option, 0.5, 1, highOpen: true)
                default: try Check.number(v, option, 0, 1, note: " (a prior probability)")
                }
            }
            axes.append((name, values))
        }
        return axes
    }

    /// (k, N) of `--shard k/N`.
    func shardNumbers() throws -> (Int, Int) {
        let sp = shard.split(separator: "/", omittingEmptySubsequences: false)
        guard sp.count == 2, let k = Int(sp[0]), let n = Int(sp[1]), n >= 1, k >= 1, k <= n else {
            throw ValidationError("--shard must be k/N with integers 1 ≤ k ≤ N, got '\(shard)'")
        }
        return (k, n)
    }

    /// Number of grid points, checked against ``gridCeiling``.
    static func gridSize(_ axes: [(String, [Double])]) throws -> Int {
        var total = 1
        for (_, values) in axes {
            let (t, overflow) = total.multipliedReportingOverflow(by: values.count)
            guard !overflow, t <= gridCeiling else {
                throw ValidationError(
                    "the --param grid has more than \(gridCeiling) points; use fewer values or split the sweep into several runs"
                )
            }
            total = t
        }
        return total
    }

    func validate() throws {
        try Check.number(timeout, "--timeout", 0, 1e9, lowOpen: true, note: " seconds")
        let total = try Self.gridSize(try axes())
        let (_, n) = try shardNumbers()
        guard n <= total else {
            throw ValidationError(
                "--shard \(shard): N = \(n) exceeds the \(total) grid point\(total == 1 ? "" : "s"); use N ≤ \(total)")
        }
    }

    func run() throws {
        try reportingErrors {
            let s = try scenario.load()
            let axes = try axes()
            for (name, _) in axes where name.hasPrefix("prior.") {
                guard s.index(of: String(name.dropFirst(6))) != nil else {
                    throw CLIError(
                        "--param \(name): \(name.dropFirst(6)) is not an actor of the scenario (actors: \(s.ids.joined(separator: ", ")))"
                    )
                }
            }
            let (shardIndex, shardCount) = try shardNumbers()
            let total = try Self.gridSize(axes)
            guard let view = SweepSVG.View(rawValue: svgView) else {
                throw CLIError("--svg-view must be choices or structures")
            }
            if let path = svg {
                guard axes.count == 2 else {
                    throw CLIError("--svg draws a grid over exactly two --param axes; got \(axes.count)")
                }
                guard shardCount == 1 else { throw CLIError("--svg needs the whole grid (no --shard)") }
                // Fail before the grid runs if the picture cannot be written.
                // Opened in place (never replaced: as root, an atomic write would replace a device such as /dev/full).
                try OutputFile.check(path, option: "--svg")
            }
            var cells: [SweepSVG.Cell] = []
            Interrupt.install()
            var done = 0
            let mineCount = (total - shardIndex + shardCount) / shardCount
            // One deadline for the whole sweep (--timeout), and Ctrl-C; polled inside every search too.
            let deadline = timeout.map { Date().addingTimeInterval($0) }
            let stop = { Interrupt.flag.load(ordering: .relaxed) || (deadline.map { Date() > $0 } ?? false) }
            var stopped = false
            for k in stride(from: shardIndex - 1, to: total, by: shardCount) {
                if stop() { stopped = true; break }
                var rest = k
                var point: [(String, Double)] = []
                for (name, values) in axes.reversed() {
                    point.insert((name, values[rest % values.count]), at: 0); rest /= values.count
                }
                var p = AllianceFormationGame.Parameters()
                exits.apply(to: &p)
                var tm = ThreatModel()
                var info = BayesianAllianceFormationGame.Parameters()
                var sc = s
                for (name, v) in point {
                    if name.hasPrefix("prior.") {
                        guard v >= 0, v <= 1 else {
                            throw CLIError("--param \(name): a prior must be in [0, 1], got \(v)")
                        }
                        sc = try sc.withTypes([
                            String(name.dropFirst(6)): v == 0
                                ? .statusQuo : (v == 1 ? .powerAcquiring : .uncertain(probabilityPowerAcquiring: v))
                        ])
                        continue
                    }
                    switch name {
                    case "accuracy": info.signalAccuracy = v
                    case "delta": p.delta = v
                    case "kappa": p.kappa = v
                    case "lambda": p.windowHazard = v
                    case "prize": p.prize = v
                    case "exit": p.exitPayoff = v
                    case "reneging": p.renegingCost = v
                    case "epsilon": tm.epsilon = v
                    default: tm.proximity = .exponential(lengthKm: v)
                    }
                }
                var kv: [(String, JSONValue)] = [("index", .number(Double(k)))]
                kv += point.map { ($0.0, .number($0.1)) }
                do {
                    if sc.actors.contains(where: {
                        $0.type.probabilityPowerAcquiring > 0 && $0.type.probabilityPowerAcquiring < 1
                    }) {
                        let game = try BayesianAllianceFormationGame(
                            scenario: sc, threatModel: tm, parameters: p, information: info, shouldStop: stop)
                        let r = try game.solve(shouldStop: stop)
                        kv += DynamicsJSON.summary(game, r)
                        stopped = r.stopped
                        if svg != nil { cells.append(Self.cell(k, axes, game, r)) }
                    } else {
                        let game = try AllianceFormationGame(
                            scenario: sc, threatModel: tm, parameters: p, shouldStop: stop)
                        let r = try game.solve(shouldStop: stop)
                        kv += DynamicsJSON.summary(game, r)
                        stopped = r.stopped
                        if svg != nil { cells.append(Self.cell(k, axes, game, r)) }
                    }
                } catch DynamicsError.stopped {
                    stopped = true
                    break
                } catch let e as DynamicsError {
                    throw DynamicOptions.explain(e, actors: sc.actorCount, maxActors: nil, command: "sweep")
                }
                print(JSONValue.object(kv).serialized(pretty: false))
                done += 1
                Console.current.writeError("\rentente sweep: \(done)/\(mineCount) grid points")
                if stopped { break }
            }
            Console.current.writeError("\n")
            if stopped {
                // An incomplete grid is an error (exit 1) after the lines already printed; a point whose search
                // was cut short is printed with "stopped": true and "verified": false.
                throw CLIError(
                    "stopped (timeout or interrupt) after \(done) of \(mineCount) grid points\(svg == nil ? "" : "; --svg not written"); raise --timeout (seconds) or leave it out"
                )
            }
            if let path = svg {
                guard cells.count == total else {
                    throw CLIError("interrupted after \(cells.count) of \(total) grid points: \(path) not written")
                }
                let picture = SweepSVG.render(
                    title: s.name, actors: try s.orderedByID().ids, axes: axes, cells: cells, view: view)
                try OutputFile.write(picture, to: path, option: "--svg")
            }
        }
    }
    /// Grid indices of point k (the last axis varies fastest).
    static func indices(_ k: Int, _ axes: [(String, [Double])]) -> (Int, Int) {
        (k / axes[1].1.count, k % axes[1].1.count)
    }

    static func cell(_ k: Int, _ axes: [(String, [Double])], _ game: AllianceFormationGame, _ r: AllianceDynamicsResult)
        -> SweepSVG.Cell
    {
        let (x, y) = indices(k, axes)
        return SweepSVG.Cell(
            x: x, y: y, choices: game.choices(in: r.initialState, result: r).map(\.rawValue),
            structure: r.absorbing.first.map { game.describe($0.state) } ?? "no absorbing structure",
            verified: r.verified, fallback: r.selection != game.parameters.selection)
    }

    /// With private types: each actor's most likely choice and the most likely structure, over the type profiles
    /// (weighted by their prior probabilities).
    static func cell(
        _ k: Int, _ axes: [(String, [Double])], _ game: BayesianAllianceFormationGame,
        _ r: BayesianAllianceDynamicsResult
    ) -> SweepSVG.Cell {
        let (x, y) = indices(k, axes)
        return SweepSVG.Cell(
            x: x, y: y, choices: r.modalChoices.map(\.rawValue),
            structure: r.priorStructures.first.map { game.base.describe($0.state) } ?? "no long-run structure",
            verified: r.verified)
    }
}
