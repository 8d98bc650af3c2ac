import Entente
import Foundation

/// The terminal report of `entente analyze`.
enum AnalysisReport {
    static func text(_ a: AllianceAnalysis) -> String {
        let s = a.scenario
        let ids = s.ids
        func list(_ xs: [Int]) -> String { xs.isEmpty ? "none" : xs.map { ids[$0] }.joined(separator: ", ") }
        func bloc(_ xs: [Int]) -> String { "{" + xs.map { ids[$0] }.joined(separator: ", ") + "}" }
        var out: [String] = []
        out.append("Entente analysis — \(s.name)\(s.year.map { " (\($0))" } ?? "")")
        out.append(String(repeating: "═", count: 60))
        out.append("\nCapabilities and power (weighted majority game: wins with more than half of total capability)")
        let ss = a.shapleyShubik, bz = a.banzhaf
        let shares = s.capabilityShares
        var rows: [[String]] = []
        for (i, x) in s.actors.enumerated() {
            rows.append([
                x.id, x.name, Format.number(x.capability), String(format: "%.1f%%", 100 * shares[i]),
                String(format: "%.2f", x.offensiveEmphasis), ss.exact.map { "\($0[i])" } ?? Format.number(ss.values[i]),
                bz.exact.map { "\($0[i])" } ?? Format.number(bz.values[i]),
                x.type == .statusQuo ? "status quo" : x.type.description,
            ])
        }
        out.append(
            Table(
                header: ["id", "name", "CINC", "share", "offense O", "Shapley-Shubik", "Banzhaf", "type"], rows: rows
            ).render())
        out.append(
            "\nRoles (Niou-Ordeshook-Rose): hegemon: \(list(a.roles.hegemons)); balancer: \(list(a.roles.balancers)); inessential: \(list(a.roles.inessential))"
        )
        if let m = a.minimalWinningCoalitions {
            out.append(
                "Minimal winning coalitions (\(m.count)): "
                    + m.prefix(10).map { bloc($0.members) }.joined(separator: " ") + (m.count > 10 ? " …" : ""))
        }
        if let r = a.rulingCoalitions {
            out.append(
                "Self-enforcing ruling coalition (Acemoglu-Egorov-Sonin, α = 1/2): "
                    + r.map { bloc($0.members) }.joined(separator: " "))
        }
        out.append("\nStrongest threats (Walt: power × proximity × offense × intentions)")
        out.append(
            Table(
                header: ["threatened", "by", "threat"],
                rows: a.strongestThreats(6).map { [ids[$0.0], ids[$0.1], String(format: "%.4f", $0.2)] }
            ).render())
        out.append("\nTwo blocs against threat (maximum hostility across the cut)")
        if let e = a.exactBlocs {
            out.append(
                "  exact:    " + e.blocs.map(bloc).joined(separator: " vs ") + String(format: "   cut %.6f", e.cut))
        }
        out.append(
            "  spectral: " + a.spectralBlocs.blocs.map(bloc).joined(separator: " vs ")
                + String(format: "   cut %.6f", a.spectralBlocs.cut)
                + (a.blocAgreement.map { String(format: "   (Rand agreement with exact: %.2f)", $0) } ?? ""))
        out.append(
            "\nThe alliance game (conflict stage + consent; docs/theory.md): all status quo vs with power-acquiring actors (\(list(a.powerAcquiringActors)))"
        )
        var choiceRows: [[String]] = []
        for i in 0..<s.actorCount {
            choiceRows.append([
                ids[i], a.statusQuo.choices[i].rawValue, a.powerAcquiring.choices[i].rawValue,
                a.intentionsOnly.choices[i].rawValue, a.spoilsOnly.choices[i].rawValue,
                a.balanceOfPower.choices[i].rawValue,
            ])
        }
        out.append(
            Table(
                header: [
                    "actor", "all status quo", "power-acquiring", "threat channel only", "spoils channel only",
                    "power alone (Waltz)",
                ],
                rows: choiceRows
            ).render())
        func outcome(_ o: AlignmentOutcome) -> String {
            let alliances = o.blocs.isEmpty ? "no alliance" : o.blocs.map(bloc).joined(separator: " ")
            return alliances + (o.neutrals.isEmpty ? "" : "; out: " + list(o.neutrals))
        }
        for (label, o) in [("all status quo", a.statusQuo), ("power-acquiring", a.powerAcquiring)] {
            out.append(
                "  \(label): \(o.equilibria.count) equilibrium structure\(o.equilibria.count == 1 ? "" : "s") (all \(Partition.bellNumber(s.actorCount)) checked, regret ≤ \(String(format: "%.1e", o.regretTolerance)))"
                    + (o.isEquilibrium
                        ? String(
                            format: "; they hold %.3f of the long-run distribution (p = long-run share)",
                            o.equilibriumMass)
                        : "; none in pure structures, the long-run modal structure is shown"))
            for e in o.equilibria.prefix(3) {
                let blocks = e.blocks.filter { $0.count >= 2 }
                let text = (blocks.isEmpty ? "no alliance" : blocks.map(bloc).joined(separator: " "))
                out.append(
                    String(
                        format: "    p = %.3f  regret %.1e  %@  %@", e.probability, e.regret,
                        e.coreStable ? "core-stable  " : "blocked      ", text))
            }
            out.append(
                "    reported: " + outcome(o)
                    + String(
                        format: "   (concentration: states %.3f, alliances %.3f)", o.concentrationStates,
                        o.concentrationAlliances))
        }
        out.append(
            String(
                format:
                    "  Waltz (power alone) vs Walt (threat): Rand agreement %.2f, mean |ΔP(allied)| %.3f; power alone: ",
                a.waltzWaltAgreement, a.waltzWaltProbabilityGap) + outcome(a.balanceOfPower))
        let tm = a.threatModel
        var prox = ""
        switch tm.proximity {
        case .exponential(let l): prox = "exp(−d/\(l.isInfinite ? "∞" : Format.number(l)) km)"
        case .hyperbolic(let l): prox = "1/(1 + d/\(Format.number(l)) km)"
        case .none: prox = "off"
        }
        out.append(
            "\nParameters: proximity \(prox), ε = \(Format.number(tm.epsilon)), κ = \(Format.number(a.alignment.autonomyCost)), γ = \(Format.number(a.alignment.decisiveness)), e = \(Format.number(a.alignment.entanglement)), G = \(Format.number(a.alignment.prize)), β = \(Format.number(a.alignment.rationality))"
                + (tm.usePower ? "" : ", power off") + (tm.useOffense ? "" : ", offense off")
                + (tm.useIntentions ? "" : ", intentions off"))
        if !s.sources.isEmpty { out.append("Data: " + s.sources.joined(separator: "; ")) }
        return out.joined(separator: "\n")
    }

    /// The short dynamic section: who joins, waits or opts out at the status quo, and where the process ends.
    static func dynamics(_ settings: [(String, AllianceFormationGame, AllianceDynamicsResult)]) -> String {
        var out = [
            "\nDynamics (alliance-formation game: δ = 0.9, window hazard 0.2, exit allowed; see `entente dynamics`)"
        ]
        for (label, g, r) in settings {
            let ids = g.scenario.ids
            let c = g.choices(in: r.initialState, result: r)
            let moves = ids.indices.map { "\(ids[$0]) \(c[$0].rawValue)" }.joined(separator: ", ")
            out.append(
                "  \(label == "statusQuo" ? "all status quo" : "power-acquiring setting")\(r.verified ? "" : " (no verified equilibrium)"): \(moves)"
            )
            if let a = r.absorbing.first {
                out.append(String(format: "    ends in (p = %.2f): ", a.probability) + g.describe(a.state))
            }
        }
        return out.joined(separator: "\n")
    }
}
