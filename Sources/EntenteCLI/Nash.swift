import ArgumentParser
import Entente
import Foundation

/// `entente nash FILE`: Nash equilibria of a strategic-form game.
struct Nash: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute verified Nash equilibria of a game in Gambit .nfg or JSON format.",
        discussion: """
            Methods: pure (all pure equilibria, any n), enumerate (2 players: all extreme equilibria by vertex \
            enumeration, complete also for degenerate games; 3 or more players: every isolated equilibrium by support \
            enumeration and polynomial homotopy continuation, with path statistics, Krawczyk certificates and \
            components of equilibria), support (support enumeration; complete for \
            nondegenerate games), lemke (Lemke-Howson; --all runs every starting label), zero-sum (LP by an interior-point \
            method, then crossover to an exact optimal vertex), logit \
            (one equilibrium of any n-player game by tracing the logit QRE path), auto (enumerate for 2 players with \
            at most \(Nash.enumerationLimit) strategies in total; for 3 or more players enumerate when there are at most \
            \(Nash.autoSupportProfiles) support profiles, logit otherwise; with --all, enumerate for any number of players). Every equilibrium printed has been verified (regret below the tolerance).
            """)

    /// Largest m + n vertex enumeration accepts (`VertexEnumeration`).
    static let enumerationLimit = 128

    /// `auto` enumerates games with three or more players up to this many support profiles Π (2^sᵢ − 1).
    static let autoSupportProfiles = 1000

    static func smallForEnumeration(_ game: NormalFormGame) -> Bool {
        var count = 1
        for c in game.strategyCounts {
            guard c < 20 else { return false }
            count *= (1 << c) - 1
            if count > autoSupportProfiles { return false }
        }
        return true
    }

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case pure, enumerate, support, lemke, zeroSum = "zero-sum", logit, auto
    }

    @Argument(help: "Game file (.nfg or .json); '-' reads standard input.") var file: String
    @Option(help: "Solution method: \(Method.allCases.map(\.rawValue).joined(separator: ", ")).") var method: Method =
        .auto
    @Flag(
        help:
            "Every equilibrium: lemke runs from every starting label; auto and enumerate enumerate (any number of players)."
    )
    var all = false
    @Flag(help: "Certify each equilibrium exactly in rational arithmetic (2-player games).") var certify = false
    @Option(help: "Output: table, json, csv or gambit.") var format: OutputFormat = .table
    @Option(parsing: .unconditional, help: "Relative regret tolerance, in (0, 0.1].") var tolerance: Double = 1e-9
    @Option(
        parsing: .unconditional,
        help:
            "Enumeration: stop after this many bases per polytope (2 players) or support profiles (3 or more players; result marked incomplete), or the largest support size for 'support'; ≥ 1."
    )
    var maxSupports: Int?
    @Option(
        parsing: .unconditional,
        help: "Stop exponential methods after this many seconds (result marked incomplete); > 0.")
    var timeout: Double?
    @Option(
        parsing: .unconditional,
        help:
            "Enumeration: stop (result marked incomplete, with the reason) before its memory exceeds this many MiB; default \(VertexEnumeration.defaultMemoryLimit >> 20), range 1...1048576."
    )
    var maxMemory: Int?
    @Option(
        parsing: .unconditional, help: "Lemke-Howson starting label (0-based: the first player's strategies first).")
    var label: Int = 0

    func validate() throws {
        try Check.number(tolerance, "--tolerance", 0, 0.1, lowOpen: true)
        if let m = maxSupports { try Check.integer(m, "--max-supports", 1...Int(Int32.max)) }
        if let t = timeout { try Check.number(t, "--timeout", 0, 1e9, lowOpen: true, note: " seconds") }
        if let mb = maxMemory {
            try Check.integer(mb, "--max-memory", 1...(1 << 20), note: " MiB")
            if method != .enumerate && method != .auto {
                throw ValidationError("--max-memory applies to --method enumerate (and auto) only")
            }
        }
        if label != 0 && method != .lemke { throw ValidationError("--label applies to --method lemke only") }
        if all && ![.lemke, .auto, .enumerate].contains(method) {
            throw ValidationError("--all applies to --method lemke, enumerate or auto")
        }
        if label < 0 {
            throw ValidationError("--label must be ≥ 0 (0-based: the first player's strategies first), got \(label)")
        }
    }

    func run() throws {
        try reportingErrors {
            let text = try InputFile.read(file)
            if BayesianGameJSON.isBayesian(text) {
                try solveBayesian(text)
                return
            }
            let (game, exactPayoffs) = try InputFile.game(text: text, path: file, exact: certify)
            if certify && game.playerCount != 2 {
                throw CLIError("--certify needs a 2-player game; this game has \(game.playerCount) players")
            }
            if method == .lemke && !all {
                guard game.playerCount == 2 else {
                    throw CLIError("--method lemke needs a 2-player game; this game has \(game.playerCount) players")
                }
                let labels = game.strategyCounts.reduce(0, +)
                guard label < labels else {
                    throw CLIError(
                        "--label \(label) is out of range: the game has \(labels) strategies, so labels are 0...\(labels - 1)"
                    )
                }
            }
            Interrupt.install()
            if game.playerCount >= 3
                && (method == .enumerate || (method == .auto && (all || Self.smallForEnumeration(game))))
            {
                let stop = Interrupt.poller(timeout: timeout, label: "entente nash")
                var options = HomotopyEnumeration.Options()
                options.maxVisitedSupportProfiles = maxSupports
                let h = try HomotopyEnumeration.solve(
                    game, tolerance: tolerance, options: options, shouldStop: stop, progress: { writeError($0) })
                try NashOutput(game: game, result: h.result, certify: false, homotopy: h).print(format)
                return
            }
            let result = try solve(game)
            try NashOutput(game: game, result: result, certify: certify, exactPayoffs: exactPayoffs).print(format)
        }
    }

    func solve(_ game: NormalFormGame) throws -> NashResult {
        let stop = Interrupt.poller(timeout: timeout, label: "entente nash")
        var chosen = method
        let total = game.strategyCounts.reduce(0, +)
        if chosen == .auto {
            chosen =
                game.playerCount == 2 && total <= Self.enumerationLimit
                ? .enumerate : (game.playerCount == 1 ? .pure : .logit)
        }
        if [.enumerate, .support, .lemke, .zeroSum].contains(chosen) && game.playerCount != 2 {
            let hint =
                chosen == .enumerate
                ? "enumerate handles 2 players, or 3 and more" : "use --method pure, enumerate or logit"
            throw CLIError(
                "--method \(chosen.rawValue) needs a 2-player game; this game has \(game.playerCount) players (\(hint))"
            )
        }
        if chosen == .enumerate && total > Self.enumerationLimit {
            throw CLIError(
                "--method enumerate handles at most \(Self.enumerationLimit) strategies in total, this game has \(total); use --method support (with --max-supports), lemke or logit"
            )
        }
        switch chosen {
        case .pure:
            return try PureEquilibria.solve(game, tolerance: tolerance)
        case .enumerate:
            return try VertexEnumeration.solve(
                game, tolerance: tolerance, maxBases: maxSupports ?? VertexEnumeration.defaultMaxBases,
                memoryLimit: maxMemory.map { $0 << 20 } ?? VertexEnumeration.defaultMemoryLimit, shouldStop: stop)
        case .support:
            return try SupportEnumeration.solve(
                game, tolerance: tolerance, maxSupportSize: maxSupports, shouldStop: stop)
        case .lemke:
            if all { return try LemkeHowson.solveAllLabels(game, tolerance: tolerance) }
            return try LemkeHowson.solve(game, label: label, tolerance: tolerance)
        case .zeroSum:
            return try ZeroSumNash.solve(game, tolerance: tolerance)
        case .logit, .auto:
            return try LogitPath.solve(game, tolerance: tolerance)
        }
    }
}

/// Formats a Nash result in the four output formats.
struct NashOutput {
    let game: NormalFormGame
    let result: NashResult
    let certify: Bool
    /// Payoffs as written in the file (exact fractions), used by `--certify`.
    var exactPayoffs: [[Rational]]? = nil
    /// Path statistics, certificates and components of the n-player enumerator.
    var homotopy: HomotopyEnumerationResult? = nil

    func print(_ format: OutputFormat) throws {
        let certificates: [ExactCertificate?] =
            certify ? result.equilibria.map { Certify.certify($0, in: game, exactPayoffs: exactPayoffs) } : []
        if certify && game.playerCount != 2 { throw CLIError("--certify needs a 2-player game") }
        switch format {
        case .json:
            var eqs: [[String: Any]] = []
            for (k, e) in result.equilibria.enumerated() {
                var d: [String: Any] = ["profile": e.profile.probabilities, "payoffs": e.payoffs, "regret": e.regret]
                if let c = e.component { d["component"] = c }
                if let h = homotopy {
                    if let c = h.certificates[k] {
                        d["certificate"] =
                            ["method": c.method, "radius": c.radius, "equilibrium": c.isEquilibrium] as [String: Any]
                    } else {
                        d["certificate"] = NSNull()
                        if let why = h.uncertified[k] { d["uncertifiedReason"] = why.description }
                    }
                    if let x = h.exact[k] {
                        d["exact"] = x.probabilities.map { $0.map(\.description) }
                        d["exactPayoffs"] = x.payoffs.map(\.description)
                    }
                }
                if certify {
                    if let c = certificates[k] {
                        d["exact"] = c.probabilities.map { $0.map(\.description) }
                        d["exactPayoffs"] = c.payoffs.map(\.description)
                    } else {
                        d["exact"] = NSNull()
                    }
                }
                eqs.append(d)
            }
            var doc: [String: Any] = [
                "method": result.method.rawValue, "complete": result.complete, "tolerance": result.tolerance,
                "equilibria": eqs,
            ]
            if let reason = result.incompleteReason { doc["incompleteReason"] = reason }
            if let h = homotopy { doc.merge(HomotopyJSON.fields(h)) { a, _ in a } }
            EntenteCLI.print(try JSONText.encode(doc))
        case .csv:
            EntenteCLI.print("equilibrium,player,strategy,probability,payoff,regret")
            for (k, e) in result.equilibria.enumerated() {
                for p in 0..<game.playerCount {
                    for (s, q) in e.profile.probabilities[p].enumerated() {
                        EntenteCLI.print(
                            "\(k),\(csv(game.players[p])),\(csv(game.strategies[p][s])),\(q),\(e.payoffs[p]),\(e.regret)"
                        )
                    }
                }
            }
        case .gambit:
            for (k, e) in result.equilibria.enumerated() {
                let values: [String]
                if certify, let c = certificates[k] {
                    values = c.probabilities.joined().map(\.description)
                } else {
                    values = e.profile.probabilities.joined().map { Format.number($0) }
                }
                EntenteCLI.print("NE," + values.joined(separator: ","))
            }
        case .table:
            let title = game.title.isEmpty ? "" : "\(game.title)\n"
            EntenteCLI.print(
                "\(title)method: \(result.method)   equilibria: \(result.equilibria.count)   complete: \(result.complete ? "yes" : "no\(result.incompleteReason.map { " (\($0))" } ?? "")")   verified: regret ≤ \(Format.scientific(result.tolerance))\n"
            )
            for (k, e) in result.equilibria.enumerated() {
                var header = "Equilibrium \(k)"
                if let c = e.component { header += " (component \(c))" }
                EntenteCLI.print(header + "   regret \(Format.scientific(e.regret))")
                var rows: [[String]] = []
                for p in 0..<game.playerCount {
                    let probs = e.profile.probabilities[p]
                    let exact = certify ? certificates[k]?.probabilities[p].map(\.description) : nil
                    let strat = probs.enumerated().filter { $0.element > 0 }.map { s, q in
                        "\(game.strategies[p][s])=\(exact?[s] ?? Format.number(q))"
                    }.joined(separator: " ")
                    rows.append([game.players[p], strat, Format.number(e.payoffs[p])])
                }
                EntenteCLI.print(Table(header: ["player", "strategy (probability)", "payoff"], rows: rows).render())
                if let h = homotopy { EntenteCLI.print(HomotopyJSON.certificateLine(h, k)) }
                if certify {
                    EntenteCLI.print(
                        certificates[k] == nil
                            ? "exact certificate: not available (degenerate support)"
                            : "exact certificate: verified in rational arithmetic")
                }
                EntenteCLI.print("")
            }
            if let h = homotopy { EntenteCLI.print(HomotopyJSON.summary(h, game: game)) }
        }
    }

    func csv(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
