import ArgumentParser
import Entente
import Foundation

/// `entente hedonic`: stable partitions of the threat-affinity hedonic game of a scenario (``HedonicGame``,
/// ``ThreatModel/affinity(_:)``; Walt 1987; Bogomolnaia & Jackson 2002).
struct HedonicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hedonic",
        abstract: "Nash-stable and core-stable alliance partitions of the threat-affinity hedonic game.",
        discussion: """
            Each state values a bloc by v_ij = Σ_k min(T_ik, T_jk) − (T_ij + T_ji)/2 summed over its partners (shared \
            threats bind, mutual threats repel; being alone is worth 0, so opting out is individual rationality). All \
            Bell(n) partitions are checked for Nash stability (no state prefers another bloc or being alone), individual \
            and core stability; Φ is the potential Σ_blocs Σ_{i<j} v_ij, whose maximiser is Nash stable. Example: \
            entente hedonic --builtin europe-1890 --lambda 1000 --epsilon 0.25.
            """)

    @OptionGroup var scenario: ScenarioOptions
    @Option(help: "Proximity length scale λ in km ('inf' for no decay).") var lambda: String = "500"
    @Option(help: "Intention weight ε of non-rivals, in [0, 1].") var epsilon: Double = 0.1
    @Option(help: "Largest number of actors (Bell(n) partitions are enumerated).") var maxActors: Int = 10
    @Option(help: "Largest number of actors for listing every core-stable partition (each check is O(2ⁿ·n)).")
    var maxCoreActors: Int = 8
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func validate() throws {
        guard maxActors >= 1 else { throw ValidationError("--max-actors must be ≥ 1, got \(maxActors)") }
        guard maxCoreActors >= 0 else { throw ValidationError("--max-core-actors must be ≥ 0, got \(maxCoreActors)") }
    }

    func run() throws {
        try reportingErrors {
            guard format == .table || format == .json else { throw CLIError("--format must be table or json") }
            let s = try scenario.load()
            let l: Double = lambda == "inf" ? .infinity : (Double(lambda) ?? .nan)
            guard l > 0 else { throw CLIError("--lambda must be a positive number of km or 'inf'") }
            let model = ThreatModel(lengthKm: l, epsilon: epsilon)
            let t: Matrix
            do { t = try model.matrix(s) } catch { throw CLIError("\(error)") }
            let game = try HedonicGame(affinities: ThreatModel.affinity(t))
            let nash = try game.nashStablePartitions(playerLimit: maxActors)
            let core: [Partition]? =
                s.actorCount <= maxCoreActors
                ? try Partition.all(players: s.actorCount).filter { try game.isCoreStable($0) } : nil
            let ids = s.ids
            func blocs(_ p: Partition) -> [[String]] {
                p.blocks.map { $0.members.map { ids[$0] }.sorted() }.sorted {
                    ($0.count, $1.first ?? "") > ($1.count, $0.first ?? "")
                }
            }
            func text(_ p: Partition) -> String {
                blocs(p).map { "{" + $0.joined(separator: ",") + "}" }.joined(separator: " | ")
            }
            let ranked = nash.sorted { game.potential($0) > game.potential($1) }
            let coreRanked = core?.sorted { game.potential($0) > game.potential($1) }
            func entry(_ p: Partition) throws -> JSONValue {
                .object([
                    ("blocs", .array(blocs(p).map { .strings($0) })), ("potential", .number(game.potential(p))),
                    ("nashStable", .bool(game.isNashStable(p))),
                    ("individuallyStable", .bool(game.isIndividuallyStable(p))),
                    ("coreStable", .bool(try game.isCoreStable(p))),
                ])
            }
            if format == .json {
                var kv: [(String, JSONValue)] = [
                    ("scenario", .string(s.name)), ("actors", .strings(ids)),
                    ("lambdaKm", l.isFinite ? .number(l) : .string("inf")),
                    ("epsilon", .number(epsilon)), ("nashStable", .array(try ranked.map(entry))),
                ]
                if let c = coreRanked { kv.append(("coreStable", .array(try c.map(entry)))) }
                print(JSONValue.object(kv).serialized())
                return
            }
            print(
                "Hedonic threat-affinity game — \(s.name): \(s.actorCount) actors, λ = \(lambda) km, ε = \(Format.number(epsilon)); \(Partition.bellNumber(s.actorCount)) partitions checked\n"
            )
            func rows(_ ps: [Partition]) throws -> [[String]] {
                try ps.map {
                    [
                        text($0), Format.number(game.potential($0)), game.isNashStable($0) ? "yes" : "no",
                        game.isIndividuallyStable($0) ? "yes" : "no", try game.isCoreStable($0) ? "yes" : "no",
                    ]
                }
            }
            let header = ["partition", "Φ", "Nash stable", "individually stable", "core stable"]
            print("Nash-stable partitions (\(ranked.count)):")
            if ranked.isEmpty { print("none") } else { print(Table(header: header, rows: try rows(ranked)).render()) }
            if let c = coreRanked {
                print("\ncore-stable partitions (\(c.count)):")
                if c.isEmpty {
                    print("none (the core is empty)")
                } else {
                    print(Table(header: header, rows: try rows(c)).render())
                }
            } else {
                print(
                    "\n(core-stable partitions are listed for at most \(maxCoreActors) actors; see --max-core-actors)")
            }
        }
    }
}
