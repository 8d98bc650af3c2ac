import Entente
import Foundation

/// Formats the extra output of the n-player homotopy enumerator (path statistics, certificates, components).
enum HomotopyJSON {
    /// JSON fields added to the `nash` document.
    static func fields(_ h: HomotopyEnumerationResult) -> [String: Any] {
        let totals: [String: Any] = [
            "total": h.paths, "finite": h.supports.reduce(0) { $0 + $1.finite },
            "singular": h.supports.reduce(0) { $0 + $1.singular },
            "atInfinity": h.supports.reduce(0) { $0 + $1.atInfinity }, "failed": h.failedPaths,
        ]
        let supports: [[String: Any]] = h.supports.map { r in
            [
                "support": r.supports, "paths": r.paths, "finite": r.finite, "singular": r.singular,
                "atInfinity": r.atInfinity,
                "failed": r.failed, "equilibria": r.equilibria,
            ]
        }
        let components: [[String: Any]] = h.components.map { c in
            [
                "support": c.supports, "dimension": c.dimension,
                "samples": c.samples.map {
                    ["profile": $0.profile.probabilities, "payoffs": $0.payoffs, "regret": $0.regret] as [String: Any]
                },
            ]
        }
        return [
            "paths": totals, "supports": supports, "components": components, "supportProfiles": h.supportProfiles,
            "visitedSupportProfiles": h.visitedSupportProfiles,
            "uncertified": h.uncertified.enumerated().compactMap { k, why in
                why.map { ["equilibrium": k, "reason": $0.description] as [String: Any] }
            },
            "prunedSupportProfiles": h.prunedSupports, "surviving": h.surviving,
        ]
    }

    /// One line under each equilibrium of the table.
    static func certificateLine(_ h: HomotopyEnumerationResult, _ k: Int) -> String {
        var parts: [String] = []
        if let c = h.certificates[k] {
            parts.append(
                "certificate: Krawczyk box of radius \(Format.scientific(c.radius)) contains a unique solution of the support system"
                    + (c.isEquilibrium
                        ? ", proven an equilibrium" : " (equilibrium not proven: a tie outside the support)"))
        } else {
            parts.append("certificate: none (\(h.uncertified[k]?.description ?? "no Krawczyk box"))")
        }
        if let x = h.exact[k] {
            parts.append(
                "exact: "
                    + x.probabilities.map { "(" + $0.map(\.description).joined(separator: ", ") + ")" }.joined(
                        separator: " "))
        }
        return parts.joined(separator: "\n")
    }

    /// Path statistics and components after the table.
    static func summary(_ h: HomotopyEnumerationResult, game: NormalFormGame) -> String {
        var lines: [String] = []
        let f = h.supports.reduce(0) { $0 + $1.finite }, s = h.supports.reduce(0) { $0 + $1.singular }
        let inf = h.supports.reduce(0) { $0 + $1.atInfinity }
        let visited =
            h.visitedSupportProfiles < h.supportProfiles ? "\(h.visitedSupportProfiles) visited, " : ""
        lines.append(
            "support profiles: \(h.supportProfiles) (\(visited)\(h.prunedSupports) pruned by conditional dominance, \(h.supports.count) solved by homotopy)"
        )
        let certified = h.certificates.filter { $0 != nil }.count
        var line = "certified by a Krawczyk box: \(certified) of \(h.certificates.count) equilibria"
        let missing = h.uncertified.enumerated().compactMap { k, why in why.map { "equilibrium \(k): \($0)" } }
        if !missing.isEmpty { line += "; not certified: " + missing.joined(separator: "; ") }
        lines.append(line)
        lines.append("paths: \(h.paths) (finite \(f), singular \(s), at infinity \(inf), failed \(h.failedPaths))")
        for (k, c) in h.components.enumerated() {
            let support = c.supports.enumerated().map { p, s in
                "\(game.players[p]):{\(s.map { game.strategies[p][$0] }.joined(separator: ","))}"
            }
            lines.append(
                "component \(k): support \(support.joined(separator: " ")), dimension \(c.dimension), \(c.samples.count) verified sample(s)"
            )
            for e in c.samples {
                lines.append(
                    "  "
                        + e.profile.probabilities.map {
                            "(" + $0.map { Format.number($0) }.joined(separator: ", ") + ")"
                        }.joined(separator: " "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
