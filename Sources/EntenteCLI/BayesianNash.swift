import Entente
import Foundation

/// `entente nash FILE.json` on a Bayesian game: parsing, the choice of method and the four output formats.
extension Nash {
    func solveBayesian(_ text: String) throws {
        let game: BayesianGame
        do { game = try BayesianGameJSON.parse(text) } catch {
            throw CLIError("\(file == "-" ? "stdin" : file): \(error)")
        }
        if certify {
            throw CLIError("--certify applies to normal-form games; Bayesian equilibria are verified by interim regret")
        }
        guard [.auto, .enumerate, .logit].contains(method) else {
            throw CLIError(
                "--method \(method.rawValue) does not apply to Bayesian games; use auto, enumerate (every equilibrium) or logit (one)"
            )
        }
        Interrupt.install()
        let result: BayesianNashResult
        if all || method == .enumerate {
            let stop = Interrupt.poller(timeout: timeout, label: "entente nash")
            result = try game.allEquilibria(tolerance: tolerance, shouldStop: stop, progress: { writeError($0) })
        } else {
            result = try game.solve(all: false, tolerance: tolerance)
        }
        try BayesianNashOutput(game: game, result: result).print(format)
    }
}

/// Formats Bayesian equilibria: behaviour per player and type, interim payoffs, regret.
struct BayesianNashOutput {
    let game: BayesianGame
    let result: BayesianNashResult

    func print(_ format: OutputFormat) throws {
        switch format {
        case .json:
            let eqs: [[String: Any]] = result.equilibria.map { e in
                ["behaviour": e.strategies, "interimPayoffs": e.interimPayoffs, "regret": e.regret]
            }
            var doc: [String: Any] = [
                "method": result.method.rawValue, "complete": result.complete, "equilibria": eqs,
                "players": game.players, "types": game.types, "actions": game.actions,
            ]
            if let r = result.incompleteReason { doc["incompleteReason"] = r }
            if result.components > 0 { doc["components"] = result.components }
            EntenteCLI.print(try JSONText.encode(doc))
        case .csv:
            EntenteCLI.print("equilibrium,player,type,action,probability,interim_payoff,regret")
            for (k, e) in result.equilibria.enumerated() {
                for p in game.players.indices {
                    for t in game.types[p].indices {
                        for (a, q) in e.strategies[p][t].enumerated() {
                            EntenteCLI.print(
                                "\(k),\(game.players[p]),\(game.types[p][t]),\(game.actions[p][a]),\(q),\(e.interimPayoffs[p][t]),\(e.regret)"
                            )
                        }
                    }
                }
            }
        case .gambit:
            throw CLIError("--format gambit writes normal-form profiles; use json, csv or table for Bayesian games")
        case .table:
            let reason = result.incompleteReason.map { " (\($0))" } ?? ""
            EntenteCLI.print(
                "Bayesian game   method: \(result.method)   equilibria: \(result.equilibria.count)   complete: \(result.complete ? "yes" : "no\(reason)")\n"
            )
            for (k, e) in result.equilibria.enumerated() {
                EntenteCLI.print("Equilibrium \(k)   interim regret \(Format.scientific(e.regret))")
                var rows: [[String]] = []
                for p in game.players.indices {
                    for t in game.types[p].indices {
                        let mix = e.strategies[p][t].enumerated().filter { $0.element > 0 }.map {
                            "\(game.actions[p][$0.offset])=\(Format.number($0.element))"
                        }
                        rows.append([
                            game.players[p], game.types[p][t], mix.joined(separator: " "),
                            Format.number(e.interimPayoffs[p][t]),
                        ])
                    }
                }
                EntenteCLI.print(
                    Table(header: ["player", "type", "action (probability)", "interim payoff"], rows: rows).render())
                EntenteCLI.print("")
            }
            if result.components > 0 {
                EntenteCLI.print(
                    "agent-form components of equilibria: \(result.components) (verified samples listed above)")
            }
        }
    }
}
