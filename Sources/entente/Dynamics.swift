import ArgumentParser
import Entente
import Foundation

/// Options of the dynamic game shared by `dynamics` and `sweep`.
struct DynamicOptions: ParsableArguments {
    @Option(help: "Discount factor δ in (0, 1).") var delta: Double = 0.9
    @Option(help: "Hazard λ with which the window of opportunity closes each period ('none' for no window).") var hazard: String = "0.2"
    @Option(help: "Prize G for power-acquiring actors while the window is open.") var prize: Double = 1
    @Option(help: "Per-partner alliance cost c.") var allianceCost: Double = 0
    @Option(help: "Per-period payoff of an actor that opted out (on top of its exposure).") var exitPayoff: Double = 0
    @Option(help: "Share ν of the threat a neutral still faces, in [0, 1].") var neutralExposure: Double = 1
    @Flag(help: "Disallow opting out.") var noExit = false
    @Option(help: "Profitability: strict or weak.") var rule: String = "strict"
    @Option(help: "Largest number of actors for the full state space (Bell(n+1)·2 states).") var maxActors: Int = AllianceFormationGame.defaultActorLimit
    @Option(help: "Restrict the state space: coalitions of at most this many members (allows 8–12 actors).") var maxCoalitionSize: Int?
    @Option(help: "Policy evaluation beyond 2 000 states: gaussSeidel or gmres.") var iterative: String = "gmres"
    @Flag(help: "Treat uncertain types (P(power-acquiring) strictly between 0 and 1) as public: power-acquiring iff P ≥ 0.5.") var publicTypes = false
    @Option(help: "Belief grid points for private types.") var beliefPoints: Int = 11
    @Option(help: "Accuracy in [0.5, 1) of the public signal about each private type, every period.") var signalAccuracy: Double = 0.8
    @Option(help: "Largest number of private types (the state space grows as beliefPoints^k).") var maxPrivateTypes: Int = 2

    var information: BayesianAllianceFormationGame.Parameters {
        var info = BayesianAllianceFormationGame.Parameters()
        info.beliefPoints = beliefPoints
        info.signalAccuracy = signalAccuracy
        info.maxUncertainActors = maxPrivateTypes
        return info
    }

    func parameters(kappa: Double) throws -> AllianceFormationGame.Parameters {
        var p = AllianceFormationGame.Parameters()
        p.delta = delta
        p.kappa = kappa
        p.prize = prize
        p.allianceCost = allianceCost
        p.exitPayoff = exitPayoff
        p.neutralExposure = neutralExposure
        p.allowExit = !noExit
        p.maxCoalitionSize = maxCoalitionSize
        guard let solver = AllianceFormationGame.IterativeSolver(rawValue: iterative) else { throw CLIError("--iterative must be gaussSeidel or gmres") }
        p.iterativeSolver = solver
        if hazard == "none" { p.windowHazard = nil } else {
            guard let l = Double(hazard) else { throw CLIError("--hazard must be a number in [0, 1] or 'none'") }
            p.windowHazard = l
        }
        guard let r = Profitability(rawValue: rule) else { throw CLIError("--rule must be strict or weak") }
        p.rule = r
        try p.validate()
        return p
    }
}

/// `entente dynamics`: the alliance-formation stochastic game, all-status-quo vs power-acquiring side by side.
struct Dynamics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve the dynamic alliance-formation game: who joins, who fence-sits, who opts out, which structures absorb.",
        discussion: "Konishi-Ray equilibrium processes with opting out and a closing window (docs/theory.md). Default: europe-1914.")

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var threat: ThreatOptions
    @OptionGroup var dynamic: DynamicOptions
    @Flag(help: "Solve both the all-status-quo and the power-acquiring setting (default: both).") var compareSettings = false
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Option(help: "Also draw the transition graph of structures reachable from the status quo as SVG.") var svg: String?

    func run() throws {
        try reportingErrors {
            let s = try scenario.load()
            let params = try dynamic.parameters(kappa: threat.kappa)
            let model = try threat.model()
            Interrupt.install()
            let sq = try s.withTypes(Dictionary(uniqueKeysWithValues: s.ids.map { ($0, ActorType.statusQuo) }))
            let privateTypes = !dynamic.publicTypes && s.actors.contains { $0.type.probabilityPowerAcquiring > 0 && $0.type.probabilityPowerAcquiring < 1 }
            var bayesian: (BayesianAllianceFormationGame, BayesianAllianceDynamicsResult)? = nil
            if privateTypes {
                let game = try BayesianAllianceFormationGame(scenario: s, threatModel: model, parameters: params, information: dynamic.information, actorLimit: dynamic.maxActors)
                FileHandle.standardError.write(Data("entente dynamics: solving the private-types setting (\(game.stateCount) states, \(game.profileCount) type profiles)…\n".utf8))
                bayesian = (game, try game.solve(shouldStop: Interrupt.poller(timeout: nil, label: "entente dynamics")))
            }
            var outputs: [(String, AllianceFormationGame, AllianceDynamicsResult)] = []
            for (label, sc) in privateTypes ? [("all status quo", sq)] : [("all status quo", sq), ("power-acquiring setting", s)] {
                let game = try AllianceFormationGame(scenario: sc, threatModel: model, parameters: params, actorLimit: dynamic.maxActors)
                FileHandle.standardError.write(Data("entente dynamics: solving \(label) (\(game.states.count) states)…\n".utf8))
                let poll = Interrupt.poller(timeout: nil, label: "entente dynamics")
                outputs.append((label, game, try game.solve(shouldStop: poll)))
            }
            if let path = svg {
                let picture = TransitionGraphSVG.render(outputs)
                guard FileManager.default.createFile(atPath: path, contents: Data(picture.utf8)) else { throw CLIError("cannot write \(path)") }
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
            print("Entente dynamics — \(s.name): δ = \(params.delta), κ = \(params.kappa), window hazard λ = \(params.windowHazard.map { String($0) } ?? "none"), exit \(params.allowExit ? "allowed" : "not allowed"), \(params.rule.rawValue) profitability\n")
            for (label, game, r) in outputs {
                print("── \(label)  (\(r.evaluation); \(r.verified ? "equilibrium verified" : "NO verified equilibrium found") after \(r.iterations) iterations)")
                let ids = s.ids
                let first = game.choices(in: r.initialState, result: r)
                print(Table(header: ["actor", "type", "at the status quo", "value"],
                            rows: ids.indices.map { [ids[$0], game.powerAcquiring[$0] ? "power-acquiring" : "status quo", first[$0].rawValue, Format.number(r.values[r.initialState][$0])] }).render())
                print("path: " + r.path.map { game.describe($0) }.joined(separator: "  →  "))
                for a in r.absorbing.prefix(5) { print(String(format: "absorbing (p = %.3f): ", a.probability) + game.describe(a.state)) }
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
        Parameters: delta, kappa, lambda (window hazard), prize, exit (exit payoff), epsilon, lambdakm, accuracy \
        (signal accuracy for private types), prior.ID (P(ID is power-acquiring); strictly between 0 and 1 makes the \
        type private). Example: \
        entente sweep --param delta=0.8,0.9,0.95 --param lambda=0,0.1,0.5. Split a grid over a cluster with \
        --shard k/N (k = 1..N); concatenating the shards' outputs gives the full grid (docs/tutorial.md).
        """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(name: .customLong("param"), help: "NAME=v1,v2,… (repeatable).") var params: [String] = []
    @Option(help: "Run only shard k of N, as k/N.") var shard: String = "1/1"
    @Flag(help: "Disallow opting out.") var noExit = false

    func run() throws {
        try reportingErrors {
            let s = try scenario.load()
            var axes: [(String, [Double])] = []
            let known = ["delta", "kappa", "lambda", "prize", "exit", "epsilon", "lambdakm", "accuracy"]
            for p in params {
                let parts = p.split(separator: "=", maxSplits: 1).map(String.init)
                let isPrior = parts.count == 2 && parts[0].hasPrefix("prior.") && s.index(of: String(parts[0].dropFirst(6))) != nil
                guard parts.count == 2, known.contains(parts[0]) || isPrior else { throw CLIError("--param expects NAME=v1,v2 with NAME in \(known.joined(separator: ", ")) or prior.ID (an actor of the scenario); got '\(p)'") }
                let values = try parts[1].split(separator: ",").map { v -> Double in
                    guard let d = Double(v), d.isFinite else { throw CLIError("--param \(parts[0]): '\(v)' is not a number") }
                    return d
                }
                axes.append((parts[0], values))
            }
            let sp = shard.split(separator: "/").compactMap { Int($0) }
            guard sp.count == 2, sp[1] >= 1, sp[0] >= 1, sp[0] <= sp[1] else { throw CLIError("--shard must be k/N with 1 ≤ k ≤ N") }
            let total = try axes.reduce(1) { let (t, o) = $0.multipliedReportingOverflow(by: $1.1.count); guard !o, t <= 10_000_000 else { throw CLIError("the sweep grid has more than 10000000 points (the product of the --param value counts); use fewer values per --param") }; return t }
            Interrupt.install()
            var done = 0
            let mine = Array(stride(from: sp[0] - 1, to: total, by: sp[1]))
            for k in mine {
                if Interrupt.flag.load(ordering: .relaxed) { break }
                var rest = k
                var point: [(String, Double)] = []
                for (name, values) in axes.reversed() { point.insert((name, values[rest % values.count]), at: 0); rest /= values.count }
                var p = AllianceFormationGame.Parameters()
                p.allowExit = !noExit
                var tm = ThreatModel()
                var info = BayesianAllianceFormationGame.Parameters()
                var sc = s
                for (name, v) in point {
                    if name.hasPrefix("prior.") {
                        guard v >= 0, v <= 1 else { throw CLIError("--param \(name): a prior must be in [0, 1], got \(v)") }
                        sc.actors[sc.index(of: String(name.dropFirst(6)))!].type = v == 0 ? .statusQuo : (v == 1 ? .powerAcquiring : .uncertain(probabilityPowerAcquiring: v))
                        continue
                    }
                    switch name {
                    case "accuracy": info.signalAccuracy = v
                    case "delta": p.delta = v
                    case "kappa": p.kappa = v
                    case "lambda": p.windowHazard = v
                    case "prize": p.prize = v
                    case "exit": p.exitPayoff = v
                    case "epsilon": tm.epsilon = v
                    default: tm.proximity = .exponential(lengthKm: v)
                    }
                }
                var kv: [(String, JSONValue)] = [("index", .number(Double(k)))]
                kv += point.map { ($0.0, .number($0.1)) }
                if sc.actors.contains(where: { $0.type.probabilityPowerAcquiring > 0 && $0.type.probabilityPowerAcquiring < 1 }) {
                    let game = try BayesianAllianceFormationGame(scenario: sc, threatModel: tm, parameters: p, information: info)
                    kv += DynamicsJSON.summary(game, try game.solve())
                } else {
                    let game = try AllianceFormationGame(scenario: sc, threatModel: tm, parameters: p)
                    kv += DynamicsJSON.summary(game, try game.solve())
                }
                print(JSONValue.object(kv).serialized(pretty: false))
                done += 1
                FileHandle.standardError.write(Data("\rentente sweep: \(done)/\(mine.count) grid points".utf8))
            }
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
}
