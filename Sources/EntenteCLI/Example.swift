import ArgumentParser
import Entente
import Foundation

/// The built-in example: the value of a small zero-sum matrix game via the LP solver.
struct Example: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve the built-in example (a 3×3 zero-sum game) by linear programming.")

    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func validate() throws { try Check.format(format, [.table, .json], command: "example") }

    func run() throws {
        try reportingErrors { try body() }
    }

    func body() throws {
        let example = BuiltinExamples.zeroSum
        let solution = try ZeroSum.solve(example.payoffs)
        switch format {
        case .json:
            let doc: [String: Any] = [
                "game": example.name, "value": solution.value,
                "rowStrategy": solution.rowStrategy, "columnStrategy": solution.columnStrategy,
                "exploitability": solution.exploitability,
            ]
            print(try JSONText.encode(doc))
        default:
            print("\(example.name)\n")
            print(
                Table(
                    header: ["", "strategy", "probability"],
                    rows: example.rowLabels.enumerated().map { ["row", $1, Format.number(solution.rowStrategy[$0])] }
                        + example.columnLabels.enumerated().map {
                            ["column", $1, Format.number(solution.columnStrategy[$0])]
                        }
                ).render())
            print("\nvalue to the row player: \(Format.number(solution.value))")
            print("exploitability (verified ≤ 1e-9): \(Format.number(solution.exploitability))")
        }
    }
}
