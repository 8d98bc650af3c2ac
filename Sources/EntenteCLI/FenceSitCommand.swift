import ArgumentParser
import Entente
import Foundation

/// `entente fence-sit`: the fence-sitting problem before a closing window (``FenceSitting``; the option value of waiting,
/// Dixit & Pindyck 1994): the one-shot decision and the infinite-horizon regions over the belief grid.
struct FenceSitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fence-sit",
        abstract: "Ally now, wait for information, or opt out before a window closes (one-shot and infinite horizon).",
        discussion: """
            A state is unsure whether a rising power is revisionist (probability p). ALLY pays pB − C, OUT pays O, WAIT \
            learns: in the one-shot model the type is revealed next period unless the window closes first (hazard λ); in \
            the infinite-horizon model a signal of the given accuracy arrives each period the window stays open (value \
            iteration on a belief grid, linear interpolation). Example: entente fence-sit --p 0.5 --lambda 0.1.
            """)

    @Option(help: "Prior p that the rising power is revisionist, in [0, 1].") var p: Double = 0.5
    @Option(help: "Hazard λ with which the window closes each period, in [0, 1].") var lambda: Double = 0.1
    @Option(help: "Benefit B of allying against a revisionist.") var benefit: Double = 1
    @Option(help: "Alliance cost C (≥ 0).") var cost: Double = 0.6
    @Option(help: "Value O of opting out.") var optOut: Double = 0.2
    @Option(help: "Discount factor δ in (0, 1).") var delta: Double = 0.95
    @Option(help: "Accuracy of the signal in the infinite-horizon model, in (0.5, 1].") var accuracy: Double = 0.8
    @Option(help: "Belief grid intervals of the infinite-horizon model (grid 0, 1/k, …, 1).") var grid: Int = 100
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            guard format == .table || format == .json else { throw CLIError("--format must be table or json") }
            guard p.isFinite, p >= 0, p <= 1 else { throw CLIError("--p must be in [0, 1]") }
            let model = try FenceSitting(benefit: benefit, allianceCost: cost, optOut: optOut, discount: delta)
            let once = try model.oneShot(prior: p, hazard: lambda)
            let horizon = try model.infiniteHorizon(hazard: lambda, accuracy: accuracy, gridSize: grid)
            // The decision at p: the nearest grid point; the value: linear interpolation between grid points.
            let x = p * Double(grid)
            let lower = min(Int(x), grid - 1), t = x - Double(lower)
            let value = horizon.values[lower] * (1 - t) + horizon.values[lower + 1] * t
            let nearest = Int(x.rounded())
            var regions: [(choice: FenceSitting.Choice, from: Double, to: Double)] = []
            for (k, c) in horizon.choices.enumerated() {
                if let last = regions.last, last.choice == c {
                    regions[regions.count - 1].to = horizon.beliefs[k]
                } else {
                    regions.append((c, horizon.beliefs[k], horizon.beliefs[k]))
                }
            }
            func word(_ c: FenceSitting.Choice) -> String { c.rawValue.uppercased() }
            if format == .json {
                let doc = JSONValue.object([
                    (
                        "parameters",
                        .object([
                            ("p", .number(p)), ("lambda", .number(lambda)), ("benefit", .number(benefit)),
                            ("cost", .number(cost)),
                            ("optOut", .number(optOut)), ("delta", .number(delta)), ("accuracy", .number(accuracy)),
                            ("gridPoints", .number(Double(grid + 1))),
                        ])
                    ),
                    (
                        "oneShot",
                        .object([
                            ("ally", .number(once.ally)), ("out", .number(once.out)), ("wait", .number(once.wait)),
                            ("decision", .string(word(once.choice))),
                        ])
                    ),
                    (
                        "infiniteHorizon",
                        .object([
                            ("value", .number(value)), ("decision", .string(word(horizon.choices[nearest]))),
                            (
                                "regions",
                                .array(
                                    regions.map {
                                        .object([
                                            ("decision", .string(word($0.choice))), ("from", .number($0.from)),
                                            ("to", .number($0.to)),
                                        ])
                                    })
                            ),
                        ])
                    ),
                ])
                print(doc.serialized())
                return
            }
            print(
                "Fence-sitting before a closing window: p = \(Format.number(p)), λ = \(Format.number(lambda)), B = \(Format.number(benefit)), C = \(Format.number(cost)), O = \(Format.number(optOut)), δ = \(Format.number(delta))\n"
            )
            print("one-shot (waiting reveals the type next period unless the window closes first):")
            print(
                Table(
                    header: ["option", "value"],
                    rows: [
                        ["ALLY", Format.number(once.ally)], ["OUT", Format.number(once.out)],
                        ["WAIT", Format.number(once.wait)],
                    ]
                ).render())
            print("decision: \(word(once.choice))\n")
            print("infinite horizon (signal accuracy \(Format.number(accuracy)), belief grid of \(grid + 1) points):")
            print(
                Table(
                    header: ["decision", "beliefs p"],
                    rows: regions.map { [word($0.choice), "\(Format.number($0.from)) – \(Format.number($0.to))"] }
                ).render())
            if !horizon.choices.contains(.wait) {
                print("no WAIT region: the window closes too fast for waiting to pay")
            }
            print("at p = \(Format.number(p)): V = \(Format.number(value)), decision \(word(horizon.choices[nearest]))")
        }
    }
}
