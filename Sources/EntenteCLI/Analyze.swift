import ArgumentParser
import Entente
import Foundation

/// Options that pick a scenario: a file or a built-in.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario JSON file ('-' for standard input); default: the built-in --builtin scenario.") var file:
        String?
    @Option(help: "Built-in scenario name (see `entente scenarios`).") var builtin: String?
    @Option(help: "Override actor types, e.g. GMY=power-acquiring,UKG=status-quo,RUS=0.3.") var types: String?
    @Option(
        help:
            "Build the scenario from an NMC-style CSV file (columns stateabb, year, milex, milper, irst, pec, tpop, upop[, lat, lng])."
    )
    var nmc: String?
    @Option(
        help: "With --nmc: the year to use. Alone: the great powers of that year (1816–1945) from the embedded history."
    ) var year: Int?
    @Option(help: "With --nmc: comma-separated state abbreviations (default: every state of that year).") var states:
        String?

    func validate() throws {
        // (--year without --nmc is left to load(): on main it selects the great powers of that year.)
        if nmc == nil {
            if states != nil { throw ValidationError("--states applies to --nmc only") }
        } else {
            if file != nil { throw ValidationError("give either a scenario file or --nmc, not both") }
            if builtin != nil { throw ValidationError("give either --builtin or --nmc, not both") }
            guard year != nil else { throw ValidationError("--nmc needs --year") }
        }
        if file != nil && builtin != nil { throw ValidationError("give either a scenario file or --builtin, not both") }
        if let y = year { try Check.integer(y, "--year", 1...9999) }
        if let list = states {
            let ids = list.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if ids.contains("") {
                throw ValidationError("--states expects comma-separated state abbreviations, got '\(list)'")
            }
            if let d = ids.firstDuplicate() { throw ValidationError("--states lists \(d) twice") }
        }
        if let spec = types {
            var seen = Set<String>()
            for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw ValidationError("--types expects ID=TYPE pairs separated by commas, got '\(item)'")
                }
                guard seen.insert(parts[0]).inserted else {
                    throw ValidationError("--types gives actor \(parts[0]) twice")
                }
            }
        }
    }

    func load() throws -> Scenario {
        var scenario: Scenario
        if nmc == nil, states != nil { throw CLIError("--states needs --nmc") }
        if nmc == nil, let y = year {
            if file != nil { throw CLIError("give either a scenario file or --year, not both") }
            if builtin != nil { throw CLIError("give either --builtin or --year, not both") }
            scenario = try GreatPowerHistory.embedded.scenario(year: y)
        } else if let csv = nmc {
            if file != nil || builtin != nil { throw CLIError("give one of a scenario file, --builtin or --nmc") }
            guard let y = year else { throw CLIError("--nmc needs --year") }
            let text = try InputFile.read(csv)
            do {
                scenario = try NMCCSV.scenario(
                    text, year: y,
                    states: states.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                        ?? [])
            } catch { throw CLIError("\(csv): \(error)") }
        } else if let f = file {
            if builtin != nil { throw CLIError("give either a scenario file or --builtin, not both") }
            let text = try InputFile.read(f)
            do { scenario = try ScenarioJSON.parse(text) } catch { throw CLIError("\(f): \(error)") }
        } else {
            do { scenario = try BuiltinScenarios.scenario(named: builtin ?? BuiltinScenarios.defaultName) } catch let e
                as ScenarioError
            {
                throw CLIError("--builtin: \(e.message)")
            }
        }
        if let spec = types {
            var map: [String: ActorType] = [:]
            for item in spec.split(separator: ",") {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw CLIError("--types expects ID=TYPE pairs, got '\(item)'") }
                switch parts[1] {
                case "power-acquiring", "powerAcquiring", "pa", "revisionist": map[parts[0]] = .powerAcquiring
                case "status-quo", "statusQuo", "sq": map[parts[0]] = .statusQuo
                default:
                    guard let p = Double(parts[1]), p.isFinite, p >= 0, p <= 1 else {
                        throw CLIError("--types: '\(parts[1])' is not a type or a probability in [0, 1]")
                    }
                    map[parts[0]] = .uncertain(probabilityPowerAcquiring: p)
                }
            }
            do { scenario = try scenario.withTypes(map) } catch let e as ScenarioError {
                throw CLIError("--types: \(e.message) (actors: \(scenario.ids.joined(separator: ", ")))")
            }
        }
        return scenario
    }
}

/// Threat-model options shared by analyze (and later dynamics).
struct ThreatOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help:
            "Proximity length scale λ > 0 in km ('inf' for no decay); `sweep` calls it lambdakm (its lambda is the window hazard, --hazard)."
    ) var lambda: String = "500"
    @Option(parsing: .unconditional, help: "Intention weight ε of non-rivals, in [0, 1].") var epsilon: Double = 0.1
    @Option(help: "Proximity decay: exponential, hyperbolic or none.") var proximity: String = "exponential"
    @Option(help: "Switch factors off: comma-separated power,offense,intentions.") var without: String?
    @Option(
        parsing: .unconditional,
        help: "Autonomy cost κ ≥ 0 of contracting (default 0.02, the alliance game's and the dynamic game's).")
    var kappa: Double?

    func validate() throws {
        try Check.number(epsilon, "--epsilon", 0, 1)
        try Check.number(kappa, "--kappa", 0, 1e9, note: " (κ is a cost: it must be ≥ 0)")
        if lambda != "inf" {
            guard let l = Double(lambda), l.isFinite, l > 0 else {
                throw ValidationError("--lambda must be a positive number of km or 'inf', got '\(lambda)'")
            }
        }
    }

    func model() throws -> ThreatModel {
        let l: Double = lambda == "inf" ? .infinity : (Double(lambda) ?? .nan)
        guard l > 0 else { throw CLIError("--lambda must be a positive number of km or 'inf'") }
        var m = ThreatModel(lengthKm: l, epsilon: epsilon)
        switch proximity {
        case "exponential": break
        case "hyperbolic": m.proximity = .hyperbolic(lengthKm: l)
        case "none": m.proximity = .none
        default: throw CLIError("--proximity must be exponential, hyperbolic or none")
        }
        let factors = without?.split(separator: ",", omittingEmptySubsequences: false) ?? []
        guard !factors.contains(where: \.isEmpty), Set(factors).count == factors.count else {
            throw ValidationError(
                "--without takes a comma-separated list of distinct factors (power, offense, intentions, proximity), got '\(without ?? "")'"
            )
        }
        for f in factors {
            switch f {
            case "power": m.usePower = false
            case "offense": m.useOffense = false
            case "intentions": m.useIntentions = false
            case "proximity": m.proximity = .none
            default: throw CLIError("--without: unknown factor '\(f)' (power, offense, intentions, proximity)")
            }
        }
        try m.validate()
        return m
    }

}

/// Parameters of the alliance game's conflict stage and logit dynamics (`analyze`).
struct AlignmentOptions: ParsableArguments {
    // `.unconditional`: a negative value ("--prize -1") is read as the value and rejected with its range, instead of
    // being taken for an option.
    @Option(
        parsing: .unconditional, help: "Alliance game: decisiveness γ of the contest success function, in [0.25, 8].")
    var decisiveness: Double = 2
    @Option(parsing: .unconditional, help: "Alliance game: weight e of entanglement in partners' quarrels, ≥ 0.")
    var entanglement: Double = 0.3
    @Option(parsing: .unconditional, help: "Alliance game: prize G of a power-acquiring winner, ≥ 0.")
    var prize: Double = 1
    @Option(
        parsing: .unconditional,
        help: "Alliance game: rationality β of the logit dynamics (units of the mean threat), ≥ 0.")
    var rationality: Double = 10

    func parameters(kappa: Double?) throws -> AlignmentParameters {
        var p = AlignmentParameters()
        if let kappa { p.autonomyCost = kappa }
        p.decisiveness = decisiveness
        p.entanglement = entanglement
        p.prize = prize
        p.rationality = rationality
        try p.validate()
        return p
    }
}

/// `entente analyze`: the main job.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Analyse a scenario: capabilities, balance-of-power roles, power indices, threats, blocs and each actor's choice.",
        discussion:
            "Default: the built-in europe-1914 scenario. Data: Correlates of War NMC v6.0, COW capitals and contiguity, Thompson-Dreyer rivalries."
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var threat: ThreatOptions
    @OptionGroup var game: AlignmentOptions
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Option(help: "Also write the alliance map as SVG to this file.") var svg: String?

    func validate() throws { try Check.format(format, [.table, .json], command: "analyze") }
    @Flag(
        help:
            "Add a short dynamic section (the alliance-formation game with default parameters; ≤ 7 actors, a few seconds)."
    )
    var dynamics = false

    func run() throws {
        try reportingErrors {
            let s = try scenario.load()
            let analysis = try AllianceAnalysis(
                scenario: s, threatModel: try threat.model(), alignment: try game.parameters(kappa: threat.kappa))
            var dynamic: [(String, AllianceFormationGame, AllianceDynamicsResult)] = []
            if dynamics {
                var p = AllianceFormationGame.Parameters()
                p.kappa = threat.kappa ?? p.kappa
                let sq = try s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) }))
                do {
                    for (label, sc) in [("statusQuo", sq), ("powerAcquiring", s)] {
                        let g = try AllianceFormationGame(scenario: sc, threatModel: try threat.model(), parameters: p)
                        dynamic.append((label, g, try g.solve()))
                    }
                } catch let e as DynamicsError {
                    throw DynamicOptions.explain(e, actors: s.actorCount, maxActors: nil, command: "analyze --dynamics")
                }
            }
            if let path = svg {
                try OutputFile.write(AllianceMapSVG.render(analysis), to: path, option: "--svg")
            }
            switch format {
            case .json:
                var doc = AnalysisJSON.encode(analysis)
                if !dynamic.isEmpty, case .object(var kv) = doc {
                    kv.append(("dynamics", DynamicsJSON.encode(dynamic)))
                    doc = .object(kv)
                }
                print(doc.serialized())
            default:
                print(AnalysisReport.text(analysis))
                if !dynamic.isEmpty { print(AnalysisReport.dynamics(dynamic)) }
            }
        }
    }
}

/// `entente scenarios`: list the built-ins.
struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in scenarios.")
    func run() throws {
        try reportingErrors {
            print(
                Table(
                    header: ["name", "description"],
                    rows: BuiltinScenarios.all.map {
                        [$0.name + ($0.name == BuiltinScenarios.defaultName ? " (default)" : ""), $0.summary]
                    }
                ).render())
        }
    }
}

/// `entente scenario show NAME`: print a built-in so users can edit a copy.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "Show a built-in scenario.", subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a built-in scenario (JSON by default) to edit a copy.")
        @Argument(help: "Built-in scenario name.") var name: String
        @Option(help: "Output: json or table.") var format: OutputFormat = .json
        func validate() throws { try Check.format(format, [.json, .table], command: "scenario show") }
        func run() throws {
            try reportingErrors {
                let s: Scenario
                do { s = try BuiltinScenarios.scenario(named: name) } catch let e as ScenarioError {
                    throw CLIError(e.message)
                }
                if format == .json { print(ScenarioJSON.encode(s).serialized()); return }
                print(
                    Table(
                        header: ["id", "name", "capability (CINC)", "military share", "type"],
                        rows: s.actors.map {
                            [
                                $0.id, $0.name, Format.number($0.capability), Format.number($0.militaryShare),
                                $0.type.description,
                            ]
                        }
                    ).render())
            }
        }
    }
}

/// `entente calibrate`: the 1870/1890 sensitivity grid of docs/validation.md.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the threat model's (λ, ε) grid against the 1870 and 1890 alignments (Rand index).",
        discussion:
            "With --dynamics: score the dynamic game's (κ, ν, exit payoff) grid instead (about a minute; progress on stderr)."
    )
    @Option(parsing: .unconditional, help: "Autonomy cost κ ≥ 0 of contracting.") var kappa: Double = 0.05
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Flag(help: "Calibrate the dynamic alliance-formation game (κ, neutral exposure ν, exit payoff) instead.")
    var dynamics = false
    @Option(
        parsing: .unconditional,
        help:
            "With --dynamics: stop after this many seconds, in (0, 1e9]; the grid points completed by then are reported, marked incomplete."
    )
    var timeout: Double?

    @Option(
        help:
            "With 'game': fit the alliance game's parameters (λ, ε, e, β, periods per year, η) by calibrated log loss on --fit years."
    )
    var model: String?
    @Option(help: "With --model game: the fitting years, within 1816-1890.") var fit: String = "1816-1890"
    @Option(
        help:
            "With --model game: replace a grid axis, e.g. --grid lambda=125,250 (axes: lambda, epsilon, gamma, e, kappa, beta, periods, eta, tau)."
    )
    var grid: [String] = []

    func validate() throws {
        try Check.format(format, [.table, .json], command: "calibrate")
        try Check.number(timeout, "--timeout", 0, 1e9, lowOpen: true, note: " seconds")
        if timeout != nil && !dynamics { throw ValidationError("--timeout applies to --dynamics only") }
        try Check.number(kappa, "--kappa", 0, 1e9, note: " (κ is a cost: it must be ≥ 0)")
        if model == nil && (fit != "1816-1890" || !grid.isEmpty) {
            throw ValidationError("\(grid.isEmpty ? "--fit" : "--grid") applies to --model game only")
        }
    }

    func run() throws {
        try reportingErrors {
            if dynamics { return try runDynamic() }
            if let model {
                guard model == "game" else {
                    throw CLIError("--model: only 'game' can be calibrated (the baselines are fitted by validate)")
                }
                return try runGame()
            }
            var p = AlignmentParameters()
            p.autonomyCost = kappa
            let grid = try Calibration.grid(alignment: p)
            let best = Calibration.best(grid)
            func l(_ x: Double) -> String { x.isInfinite ? "∞" : Format.number(x) }
            if format == .json {
                let rows = grid.map {
                    [
                        "lambdaKm": $0.lambdaKm.isInfinite ? "inf" as Any : $0.lambdaKm as Any, "epsilon": $0.epsilon,
                        "rand1870": $0.rand1870, "rand1890": $0.rand1890, "mean": $0.mean,
                    ] as [String: Any]
                }
                print(try JSONText.encode(["kappa": kappa, "grid": rows]))
                return
            }
            print(
                Table(
                    header: ["λ (km)", "ε", "Rand 1870", "Rand 1890", "mean"],
                    rows: grid.map {
                        [
                            l($0.lambdaKm), Format.number($0.epsilon), String(format: "%.3f", $0.rand1870),
                            String(format: "%.3f", $0.rand1890), String(format: "%.3f", $0.mean),
                        ]
                    }
                ).render())
            if let b = best {
                print(
                    "\nbest: λ = \(l(b.lambdaKm)) km, ε = \(Format.number(b.epsilon)) (mean Rand \(String(format: "%.3f", b.mean)); κ = \(Format.number(kappa)))"
                )
            }
        }
    }

    func runGame() throws {
        let parts = fit.split(separator: "-").map { Int($0) }
        guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b else {
            throw CLIError("--fit expects YEAR-YEAR, got '\(fit)'")
        }
        var grid = AllianceGameCalibration.Grid()
        for spec in self.grid {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let values = parts.count == 2 ? parts[1].split(separator: ",").map { Double($0) } : []
            guard parts.count == 2, !values.isEmpty, values.allSatisfy({ $0 != nil && $0!.isFinite }) else {
                throw CLIError("--grid expects AXIS=v1,v2,… with finite numbers, got '\(spec)'")
            }
            let v = values.map { $0! }
            guard Set(v).count == v.count else {
                throw CLIError("--grid \(parts[0]): a value is listed twice in '\(parts[1])'")
            }
            switch parts[0] {
            case "lambda": grid.lambdas = v
            case "epsilon": grid.epsilons = v
            case "gamma": grid.decisiveness = v
            case "e": grid.entanglements = v
            case "kappa": grid.autonomyCosts = v
            case "beta": grid.rationalities = v
            case "periods": grid.periodsPerYear = v
            case "eta": grid.originWeights = v
            case "tau": grid.tetherings = v
            default:
                throw CLIError(
                    "--grid: unknown axis '\(parts[0])' (lambda, epsilon, gamma, e, kappa, beta, periods, eta, tau)")
            }
        }
        guard grid.count <= 100_000 else { throw CLIError("--grid: \(grid.count) points exceed the limit of 100000") }
        try AllianceValidation.checkFitYears(a...b, history: .embedded)
        let count = grid.count
        let console = Console.current
        let points: [AllianceGameCalibration.Point]
        do {
            points = try AllianceGameCalibration.grid(fitYears: a...b, grid: grid) { done, total in
                // Progress starts after the first block, so a bad grid value fails with one line only.
                if done == 1 {
                    console.writeError("calibrating the alliance game on \(a)–\(b): \(count) grid points\n")
                }
                console.writeError("  \(done)/\(total) threat × stage blocks\n")
            }
        } catch let e as AllianceGameError {
            // A parameter out of range can only come from a --grid value: name the option, not the library's field.
            throw CLIError("--grid: \(e)")
        }
        let sorted = points.sorted { $0.logLoss < $1.logLoss }
        func row(_ p: AllianceGameCalibration.Point) -> [String] {
            let q = p.parameters
            var l = "?"
            if case .exponential(let km) = q.threatModel.proximity { l = Format.number(km) }
            return [
                l, Format.number(q.threatModel.epsilon), Format.number(q.stage.decisiveness),
                Format.number(q.stage.entanglement), Format.number(q.stage.autonomyCost),
                Format.number(q.stage.tethering), Format.number(q.rationality), Format.number(q.periodsPerYear),
                Format.number(q.originWeight),
                String(format: "%.4f", p.logLoss), String(format: "%.4f", p.brier), String(format: "%.3f", p.auc),
            ]
        }
        let header = ["λ (km)", "ε", "γ", "e", "κ", "τ", "β", "periods/yr", "η", "log loss", "Brier", "raw AUC"]
        if format == .json {
            let rows = sorted.map { Dictionary(uniqueKeysWithValues: zip(header, row($0))) }
            print(try JSONText.encode(["fit": fit, "grid": rows]))
            return
        }
        print(Table(header: header, rows: sorted.prefix(20).map(row)).render())
        print(
            "\n\(points.count) grid points; the 20 best by calibrated log loss on \(a)–\(b) (outcomes after 1890 are never used)"
        )
    }

    func runDynamic() throws {
        Interrupt.install()
        let console = Console.current
        let stop = Interrupt.poller(timeout: timeout, label: "entente calibrate")
        let grid = try Calibration.dynamicGrid(
            progress: { done, total in
                console.writeError("\rentente calibrate: \(done)/\(total) grid points")
                if done == total { console.writeError("\n") }
            }, shouldStop: stop)
        let total =
            Calibration.dynamicKappas.count * Calibration.dynamicExposures.count
            * Calibration.dynamicExitPayoffs.count
        // Fewer points than the grid: stopped by --timeout or Ctrl-C; the points completed are reported as such.
        let incomplete =
            grid.count < total
            ? "stopped (timeout or interrupt) after \(grid.count) of \(total) grid points" : nil
        if incomplete != nil && grid.count > 0 { console.writeError("\n") }
        let best = Calibration.best(grid)
        if format == .json {
            let rows = grid.map {
                [
                    "kappa": $0.kappa, "neutralExposure": $0.neutralExposure, "exitPayoff": $0.exitPayoff,
                    "rand1870": $0.rand1870, "rand1890": $0.rand1890, "mean": $0.mean, "verified": $0.verified,
                ] as [String: Any]
            }
            var doc: [String: Any] = ["grid": rows, "complete": incomplete == nil]
            if let incomplete { doc["incompleteReason"] = incomplete }
            print(try JSONText.encode(doc))
            return
        }
        if let incomplete { print("incomplete: \(incomplete)\n") }
        print(
            Table(
                header: ["κ", "ν", "exit payoff", "Rand 1870", "Rand 1890", "mean", "verified"],
                rows: grid.map {
                    [
                        Format.number($0.kappa), Format.number($0.neutralExposure), Format.number($0.exitPayoff),
                        String(format: "%.3f", $0.rand1870), String(format: "%.3f", $0.rand1890),
                        String(format: "%.3f", $0.mean), $0.verified ? "yes" : "no",
                    ]
                }
            ).render())
        if let b = best {
            print(
                "\nbest verified: κ = \(Format.number(b.kappa)), ν = \(Format.number(b.neutralExposure)), exit payoff = \(Format.number(b.exitPayoff)) (mean Rand \(String(format: "%.3f", b.mean)))"
            )
        }
    }
}

extension Array where Element: Hashable {
    /// The first element that occurs twice, or nil.
    func firstDuplicate() -> Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
