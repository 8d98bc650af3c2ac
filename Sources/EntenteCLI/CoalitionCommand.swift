import ArgumentParser
import Entente
import Foundation

/// `entente coalition FILE`: cooperative solutions of a TU or weighted majority game.
struct CoalitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coalition",
        abstract: "Power indices, core, nucleolus, balance-of-power roles and ruling coalitions of a coalitional game.",
        discussion:
            "FILE is JSON (see docs/formats.md): a TU game by bitmask values or by named coalitions, or a weighted majority game."
    )

    @Argument(help: "Game file (.json); '-' reads standard input.") var file: String
    @Option(help: "Comma-separated: \(CoalitionSolution.allCases.map(\.rawValue).joined(separator: ",")).")
    var solution: String = "shapley,banzhaf,nucleolus,core,roles"
    @Option(help: "Output: table, json or csv.") var format: OutputFormat = .table
    @Flag(help: "Missing coalitions in a {\"coalitions\": …} file get value 0 (otherwise an error).") var missingZero =
        false
    @Option(parsing: .unconditional, help: "Winning threshold α in [0, 1) of the AES ruling-coalition model.")
    var alpha: Double = 0.5
    @Option(parsing: .unconditional, help: "Largest n for dense 2^n tables, 1...34 (memory 8·2^n bytes).")
    var maxPlayers: Int = CoalitionalGame.defaultPlayerLimit

    /// The requested solutions, parsed and checked (non-empty, known, no duplicates).
    func solutions() throws -> [CoalitionSolution] {
        var solutions: [CoalitionSolution] = []
        let all = CoalitionSolution.allCases.map(\.rawValue).joined(separator: ",")
        for name in solution.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else {
                throw ValidationError("--solution expects a comma-separated list of: \(all); got '\(solution)'")
            }
            guard let s = CoalitionSolution(rawValue: trimmed) else {
                throw ValidationError("--solution: unknown solution '\(trimmed)'; choose from \(all)")
            }
            guard !solutions.contains(s) else { throw ValidationError("--solution lists \(trimmed) twice") }
            solutions.append(s)
        }
        return solutions
    }

    func validate() throws {
        try Check.format(format, [.table, .json, .csv], command: "coalition")
        _ = try solutions()
        try Check.number(alpha, "--alpha", 0, 1, highOpen: true)
        try Check.integer(maxPlayers, "--max-players", 1...34, note: " (a dense table needs 8·2^n bytes)")
    }

    func run() throws {
        try reportingErrors {
            let solutions = try solutions()
            let text = try InputFile.read(file)
            let game: CoalitionJSON.Game
            do { game = try CoalitionJSON.parse(text, missingAreZero: missingZero, playerLimit: maxPlayers) } catch let
                e as FileFormatError
            {
                throw CLIError("\(file == "-" ? "stdin" : file): \(ErrorHints.message(for: e))")
            }
            let report: CoalitionReport
            do {
                report = try CoalitionReport.compute(game, solutions: solutions, alpha: alpha)
            } catch let e as CooperativeError {
                throw explain(e, game: game, solutions: solutions)
            }
            try CoalitionOutput(report: report).print(format)
        }
    }
}

extension CoalitionCommand {
    /// A size limit of one solution, rephrased with the solution's name and the options that exist (the library's
    /// message suggests `--max-players`, which only sets the size of tables read from the file).
    func explain(_ error: CooperativeError, game: CoalitionJSON.Game, solutions: [CoalitionSolution]) -> Error {
        switch error {
        case .tooManyPlayers(let n, let limit):
            // Find the solution that hit the limit (the limits are checked before any exponential work).
            var culprit: CoalitionSolution? = nil
            for s in solutions {
                do { _ = try CoalitionReport.compute(game, solutions: [s], alpha: alpha) } catch {
                    culprit = s
                    break
                }
            }
            let what = culprit.map { "the solution '\($0.rawValue)'" } ?? "one of the requested solutions"
            return CLIError(
                "\(what) handles at most \(limit) players, this game has \(n); leave it out of --solution (e.g. --solution shapley,banzhaf)"
            )
        default:
            return CLIError(error.description)
        }
    }
}

struct CoalitionOutput {
    let report: CoalitionReport

    func names(_ c: Coalition) -> [String] { c.members.map { report.players[$0] } }

    func vectors() -> [(String, [Double], [Rational]?)] {
        var out: [(String, [Double], [Rational]?)] = []
        if let v = report.shapley { out.append(("shapley", v, report.shapleyExact)) }
        if let v = report.banzhaf { out.append(("banzhaf", v, report.banzhafExact)) }
        if let v = report.banzhafRaw { out.append(("banzhafRaw", v, nil)) }
        if let v = report.nucleolus { out.append(("nucleolus", v, nil)) }
        if let v = report.prenucleolus { out.append(("prenucleolus", v, nil)) }
        if let v = report.leastCorePoint { out.append(("leastCorePoint", v, nil)) }
        if let v = report.deeganPackel { out.append(("deeganPackel", v, nil)) }
        if let v = report.hollerPackel { out.append(("hollerPackel", v, nil)) }
        if let v = report.johnston { out.append(("johnston", v, nil)) }
        return out
    }

    func print(_ format: OutputFormat) throws {
        switch format {
        case .json:
            var d: [String: Any] = ["players": report.players]
            for (key, v, exact) in vectors() {
                d[key] = v
                if let e = exact { d[key + "Exact"] = e.map(\.description) }
            }
            if let c = report.coreNonEmpty {
                d["core"] = ["nonEmpty": c, "leastCoreEpsilon": report.leastCoreEpsilon ?? 0] as [String: Any]
            }
            if let r = report.roles {
                d["roles"] = [
                    "hegemons": r.hegemons.map { report.players[$0] },
                    "balancers": r.balancers.map { report.players[$0] },
                    "essential": r.essential.map { report.players[$0] },
                    "inessential": r.inessential.map { report.players[$0] },
                    "vetoPlayers": r.vetoPlayers.map { report.players[$0] },
                ]
            }
            if let m = report.minimalWinningCoalitions { d["minimalWinningCoalitions"] = m.map(names) }
            if let r = report.ruling { d["ruling"] = r.map(names) }
            if !report.notes.isEmpty { d["notes"] = report.notes }
            EntenteCLI.print(try JSONText.encode(d))
        case .csv:
            let vs = vectors()
            EntenteCLI.print((["player"] + vs.map(\.0)).joined(separator: ","))
            for (i, p) in report.players.enumerated() {
                EntenteCLI.print(([p] + vs.map { String($0.1[i]) }).joined(separator: ","))
            }
        default:
            let vs = vectors()
            if !vs.isEmpty {
                let rows = report.players.enumerated().map { i, p in
                    [p] + vs.map { v in v.2.map { "\($0[i])" } ?? Format.number(v.1[i]) }
                }
                EntenteCLI.print(Table(header: ["player"] + vs.map(\.0), rows: rows).render())
            }
            if let c = report.coreNonEmpty {
                EntenteCLI.print(
                    "\ncore: \(c ? "non-empty" : "empty")   least-core ε = \(Format.number(report.leastCoreEpsilon ?? 0))"
                )
            }
            if let r = report.roles {
                func list(_ xs: [Int]) -> String {
                    xs.isEmpty ? "none" : xs.map { report.players[$0] }.joined(separator: ", ")
                }
                EntenteCLI.print(
                    "\nhegemon: \(list(r.hegemons))   balancer: \(list(r.balancers))   inessential: \(list(r.inessential))   veto: \(list(r.vetoPlayers))"
                )
            }
            if let m = report.minimalWinningCoalitions {
                EntenteCLI.print(
                    "minimal winning coalitions (\(m.count)): "
                        + m.prefix(20).map { "{" + names($0).joined(separator: ",") + "}" }.joined(separator: " ")
                        + (m.count > 20 ? " …" : ""))
            }
            if let r = report.ruling {
                EntenteCLI.print(
                    "ruling coalition (AES): "
                        + r.map { "{" + names($0).joined(separator: ",") + "}" }.joined(separator: " "))
            }
            for note in report.notes { EntenteCLI.print("note: \(note)") }
        }
    }
}
