/// JSON for the dynamic game's results (`entente dynamics --format json`, `entente sweep`).
public enum DynamicsJSON {
    /// Verification (`stopped`: the search was ended by a timeout or an interrupt, so not verified), the equilibrium
    /// selection the search used, values at the status quo, choices there, path and absorbing structures.
    public static func summary(_ game: AllianceFormationGame, _ r: AllianceDynamicsResult) -> [(String, JSONValue)] {
        let ids = game.scenario.ids
        let choices = game.choices(in: r.initialState, result: r)
        func state(_ x: Int) -> JSONValue {
            let s = game.states[x]
            return .object([
                ("blocs", .array(s.blocs.map { .strings($0.members.map { ids[$0] }) })),
                ("out", .strings(s.exited.map { ids[$0] })), ("windowOpen", .bool(s.windowOpen)),
            ])
        }
        return [
            ("verified", .bool(r.verified)), ("stopped", .bool(r.stopped)),
            ("iterations", .number(Double(r.iterations))), ("evaluation", .string(r.evaluation)),
            ("selection", .string(r.selection.rawValue)), ("mixedStates", .number(Double(r.mixed.count))),
            ("values", .object(ids.indices.map { (ids[$0], .number(r.values[r.initialState][$0])) })),
            ("choices", .object(ids.indices.map { (ids[$0], .string(choices[$0].rawValue)) })),
            ("path", .array(r.path.map(state))),
            (
                "absorbing",
                .array(
                    r.absorbing.map { .object([("probability", .number($0.probability)), ("state", state($0.state))]) })
            ),
            ("cycleProbability", .number(max(0, 1 - r.absorbing.reduce(0) { $0 + $1.probability }))),
            ("longRunAllied", longRunAllied(game, r)),
            (
                "exitsFacingTopThreat",
                .array(
                    game.exitsFacingTopThreat(r).map {
                        .object([
                            ("actor", .string(ids[$0.actor])), ("threat", .string(ids[$0.threat])),
                            ("probability", .number($0.probability)),
                        ])
                    })
            ),
            ("parameters", parameters(game.parameters)),
        ]
    }

    /// The long-run share of periods each pair is allied (pairs "A–B" with a share ≥ 0.001), from the status quo.
    static func longRunAllied(_ game: AllianceFormationGame, _ r: AllianceDynamicsResult) -> JSONValue {
        let ids = game.scenario.ids
        return .object(
            game.longRunAlliedPairs(r, atLeast: 0.001).map { (ids[$0.first] + "–" + ids[$0.second], .number($0.share)) }
        )
    }

    /// The parameters the game was solved with.
    static func parameters(_ p: AllianceFormationGame.Parameters) -> JSONValue {
        .object([
            ("delta", .number(p.delta)), ("kappa", .number(p.kappa)), ("decisiveness", .number(p.decisiveness)),
            ("entanglement", .number(p.entanglement)), ("allianceCost", .number(p.allianceCost)),
            ("renegingCost", .number(p.renegingCost)), ("prize", .number(p.prize)),
            ("hazard", p.windowHazard.map { .number($0) } ?? .null), ("allowExit", .bool(p.allowExit)),
            ("exitOnlyBeforeContracting", .bool(p.exitOnlyBeforeContracting)),
            ("exitPayoff", .number(p.exitPayoff)), ("neutralExposure", .number(p.neutralExposure)),
            ("neutrality", .string(p.neutrality.rawValue)),
            ("rule", .string(p.rule.rawValue)), ("selection", .string(p.selection.rawValue)),
        ])
    }

    /// Several settings side by side.
    public static func encode(_ settings: [(String, AllianceFormationGame, AllianceDynamicsResult)]) -> JSONValue {
        .object(settings.map { ($0.0, .object(summary($0.1, $0.2))) })
    }

    /// The private-types game: information, verification, start values, and per true type profile the choices at
    /// the status quo and the long-run structures.
    public static func summary(_ game: BayesianAllianceFormationGame, _ r: BayesianAllianceDynamicsResult) -> [(
        String, JSONValue
    )] {
        let ids = game.base.scenario.ids
        func state(_ x: Int) -> JSONValue {
            let s = game.base.states[x]
            return .object([
                ("blocs", .array(s.blocs.map { .strings($0.members.map { ids[$0] }) })),
                ("out", .strings(s.exited.map { ids[$0] })),
            ])
        }
        return [
            ("verified", .bool(r.verified)), ("stopped", .bool(r.stopped)),
            ("iterations", .number(Double(r.iterations))), ("evaluation", .string(r.evaluation)),
            (
                "privateTypes",
                .object(game.uncertain.enumerated().map { (ids[$0.element], .number(game.priors[$0.offset])) })
            ),
            ("signalAccuracy", .number(game.grid.accuracy)), ("beliefPoints", .number(Double(game.grid.points))),
            ("values", .object(ids.indices.map { (ids[$0], .number(r.startValues[$0])) })),
            // The public game's keys, over the type profiles weighted by the prior: each actor's most likely choice
            // at the status quo, and the long-run structures.
            ("choices", .object(zip(ids, r.modalChoices).map { ($0, .string($1.rawValue)) })),
            (
                "absorbing",
                .array(
                    r.priorStructures.map {
                        .object([("probability", .number($0.probability)), ("state", state($0.state))])
                    })
            ),
            (
                "typeValues",
                .object(
                    game.uncertain.enumerated().map { (u, i) in
                        (
                            ids[i],
                            .object([
                                ("statusQuo", .number(r.typeValues[u].statusQuo)),
                                ("powerAcquiring", .number(r.typeValues[u].powerAcquiring)),
                            ])
                        )
                    })
            ),
            (
                "outcomes",
                .array(
                    r.outcomes.map { o in
                        .object([
                            (
                                "types",
                                .object(
                                    game.uncertain.enumerated().map { (u, i) in
                                        (ids[i], .string((o.profile >> u) & 1 == 1 ? "powerAcquiring" : "statusQuo"))
                                    })
                            ),
                            ("probability", .number(o.priorProbability)),
                            (
                                "choices",
                                .object(
                                    ids.indices.map { i in
                                        (
                                            ids[i],
                                            .object(
                                                o.firstChoices[i].sorted { $0.value > $1.value }.map {
                                                    ($0.key.rawValue, .number($0.value))
                                                })
                                        )
                                    })
                            ),
                            (
                                "structures",
                                .array(
                                    o.structures.map {
                                        .object([("probability", .number($0.probability)), ("state", state($0.state))])
                                    })
                            ),
                        ])
                    })
            ),
        ]
    }
}
