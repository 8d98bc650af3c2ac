import Entente
import Foundation

/// Text report of the private-types setting of `entente dynamics`.
enum DynamicsReport {
    static func privateTypes(_ g: BayesianAllianceFormationGame, _ r: BayesianAllianceDynamicsResult) -> String {
        let ids = g.base.scenario.ids
        var out =
            "── private types: "
            + g.uncertain.enumerated().map {
                "\(ids[$0.element]) P(power-acquiring) = \(Format.number(g.priors[$0.offset]))"
            }.joined(separator: ", ")
        out +=
            "  (\(r.evaluation); \(r.verified ? "perfect-Bayesian equilibrium verified" : (r.stopped ? "stopped by --timeout or Ctrl-C: NO verified equilibrium" : "NO verified equilibrium found")) after \(r.iterations) iterations)\n"
        // An unfinished search: no values, choices or structures to show.
        if r.stopped { return out + "no result: the search was stopped before it finished\n" }
        let typeRows = g.uncertain.enumerated().map { (u, i) in
            [ids[i], Format.number(r.typeValues[u].statusQuo), Format.number(r.typeValues[u].powerAcquiring)]
        }
        out +=
            Table(header: ["private type", "value if status quo", "value if power-acquiring"], rows: typeRows).render()
            + "\n"
        for o in r.outcomes {
            out += "if \(g.describeProfile(o.profile)) (prior " + String(format: "%.3f", o.priorProbability) + "):\n"
            let rows = ids.indices.map { i -> [String] in
                let c = o.firstChoices[i].sorted { $0.value > $1.value }
                return [
                    ids[i],
                    c.map {
                        $0.value > 0.999_999 ? $0.key.rawValue : $0.key.rawValue + String(format: " %.2f", $0.value)
                    }.joined(separator: ", "),
                ]
            }
            out += Table(header: ["actor", "at the status quo"], rows: rows).render() + "\n"
            for s in o.structures.prefix(5) {
                out += String(format: "  long run (p = %.3f): ", s.probability) + g.base.describe(s.state) + "\n"
            }
        }
        return out
    }
}
