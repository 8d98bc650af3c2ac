/// The JSON document of `entente analyze --format json` (documented in docs/formats.md). Deterministic, so it can be
/// compared with a golden file.
public enum AnalysisJSON {
    /// The documented JSON document of an analysis (docs/formats.md).
    public static func encode(_ a: AllianceAnalysis) -> JSONValue {
        let s = a.scenario
        let ids = s.ids
        func names(_ idx: [Int]) -> JSONValue { .strings(idx.map { ids[$0] }) }
        func coalitions(_ cs: [Coalition]) -> JSONValue { .array(cs.map { names($0.members) }) }
        func choices(_ o: AlignmentOutcome) -> JSONValue {
            .object(ids.indices.map { (ids[$0], .string(o.choices[$0].rawValue)) })
        }
        func matrix(_ m: Matrix) -> JSONValue {
            .array((0..<m.rows).map { i in .numbers((0..<m.columns).map { m[i, $0] }) })
        }
        func setting(_ o: AllianceOutcomeView) -> JSONValue {
            .object([
                ("blocs", .array(o.outcome.blocs.map(names))),
                ("neutral", names(o.outcome.neutrals)),
                ("choices", choices(o.outcome)),
                ("powerAcquiring", names(o.powerAcquiring)),
                ("isEquilibrium", .bool(o.outcome.isEquilibrium)),
                ("regretTolerance", .number(o.outcome.regretTolerance)),
                ("equilibriumMass", .number(o.outcome.equilibriumMass)),
                (
                    "equilibria",
                    .array(
                        o.outcome.equilibria.map { e in
                            .object([
                                ("blocs", .array(e.blocks.filter { $0.count >= 2 }.map(names))),
                                ("neutral", names(e.blocks.filter { $0.count == 1 }.map { $0[0] })),
                                ("probability", .number(e.probability)), ("regret", .number(e.regret)),
                                ("coreStable", .bool(e.coreStable)),
                            ])
                        })
                ),
                ("alliedProbability", matrix(o.outcome.allied)),
                ("sameSideProbability", matrix(o.outcome.sameSide)),
                (
                    "concentration",
                    .object([
                        ("states", .number(o.outcome.concentrationStates)),
                        ("alliances", .number(o.outcome.concentrationAlliances)),
                    ])
                ),
            ])
        }
        // The actors with the scenario format's field names and type values (ScenarioJSON).
        let actors: [JSONValue] = s.actors.map { x in
            .object([
                ("id", .string(x.id)), ("name", .string(x.name)), ("capability", .number(x.capability)),
                ("military_share", .number(x.militaryShare)), ("type", ScenarioJSON.encode(x.type)),
            ])
        }
        var indices: [(String, JSONValue)] = [
            ("shapleyShubik", .numbers(a.shapleyShubik.values)), ("banzhaf", .numbers(a.banzhaf.values)),
        ]
        if let e = a.shapleyShubik.exact { indices.append(("shapleyShubikExact", .strings(e.map(\.description)))) }
        if let e = a.banzhaf.exact { indices.append(("banzhafExact", .strings(e.map(\.description)))) }
        indices.append(("method", .string(a.shapleyShubik.method.rawValue)))
        let matrix: [JSONValue] = (0..<s.actorCount).map { i in .numbers((0..<s.actorCount).map { a.threat[i, $0] }) }
        var blocs: [(String, JSONValue)] = [
            ("spectral", .array(a.spectralBlocs.blocs.map(names))), ("spectralCut", .number(a.spectralBlocs.cut)),
        ]
        if let e = a.exactBlocs {
            blocs.insert(("exact", .array(e.blocs.map(names))), at: 0)
            blocs.insert(("exactCut", .number(e.cut)), at: 1)
        }
        if let r = a.blocAgreement { blocs.append(("agreement", .number(r))) }
        var root: [(String, JSONValue)] = [
            ("scenario", .string(s.name))
        ]
        if let y = s.year { root.append(("year", .number(Double(y)))) }
        root += [
            (
                "parameters",
                .object(
                    threatParameters(a.threatModel) + [
                        ("kappa", .number(a.alignment.autonomyCost)), ("prize", .number(a.alignment.prize)),
                        ("decisiveness", .number(a.alignment.decisiveness)),
                        ("entanglement", .number(a.alignment.entanglement)),
                        ("rationality", .number(a.alignment.rationality)),
                        ("capabilityScale", .number(a.capabilityScale)),
                    ])
            ),
            ("actors", .array(actors)),
            (
                "roles",
                .object([
                    ("hegemons", names(a.roles.hegemons)), ("balancers", names(a.roles.balancers)),
                    ("essential", names(a.roles.essential)), ("inessential", names(a.roles.inessential)),
                    ("vetoPlayers", names(a.roles.vetoPlayers)),
                ])
            ),
            ("powerIndices", .object(indices)),
        ]
        if let m = a.minimalWinningCoalitions { root.append(("minimalWinningCoalitions", coalitions(m))) }
        if let r = a.rulingCoalitions { root.append(("rulingCoalition", coalitions(r))) }
        root += [
            ("threat", .object([("ids", .strings(ids)), ("matrix", .array(matrix))])),
            ("blocs", .object(blocs)),
            (
                "settings",
                .object([
                    ("statusQuo", setting(AllianceOutcomeView(outcome: a.statusQuo, powerAcquiring: []))),
                    (
                        "powerAcquiring",
                        setting(AllianceOutcomeView(outcome: a.powerAcquiring, powerAcquiring: a.powerAcquiringActors))
                    ),
                ])
            ),
            (
                "decomposition",
                .object([
                    (
                        "intentionsOnly",
                        .object([
                            ("blocs", .array(a.intentionsOnly.blocs.map(names))),
                            ("choices", choices(a.intentionsOnly)),
                        ])
                    ),
                    (
                        "spoilsOnly",
                        .object([("blocs", .array(a.spoilsOnly.blocs.map(names))), ("choices", choices(a.spoilsOnly))])
                    ),
                ])
            ),
            (
                "waltzVsWalt",
                .object([
                    (
                        "balanceOfPower",
                        .object([
                            ("blocs", .array(a.balanceOfPower.blocs.map(names))),
                            ("choices", choices(a.balanceOfPower)),
                        ])
                    ),
                    ("randAgreement", .number(a.waltzWaltAgreement)),
                    ("meanProbabilityGap", .number(a.waltzWaltProbabilityGap)),
                ])
            ),
            ("sources", .strings(s.sources)),
        ]
        return .object(root)
    }

    struct AllianceOutcomeView { let outcome: AlignmentOutcome; let powerAcquiring: [Int] }

    static func threatParameters(_ t: ThreatModel) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        switch t.proximity {
        case .exponential(let l):
            out += [("proximity", .string("exponential")), ("lambdaKm", l.isInfinite ? .string("inf") : .number(l))]
        case .hyperbolic(let l):
            out += [("proximity", .string("hyperbolic")), ("lambdaKm", l.isInfinite ? .string("inf") : .number(l))]
        case .none: out.append(("proximity", .string("none")))
        }
        out += [
            ("epsilon", .number(t.epsilon)), ("power", .bool(t.usePower)), ("offense", .bool(t.useOffense)),
            ("intentions", .bool(t.useIntentions)),
        ]
        return out
    }
}
