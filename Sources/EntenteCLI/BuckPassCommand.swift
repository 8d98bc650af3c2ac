import ArgumentParser
import Entente
import Foundation

/// `entente buck-pass`: buck-passing as a volunteer's dilemma (``BuckPassing``; Christensen & Snyder 1990;
/// Diekmann 1985): the symmetric mixed
/// equilibrium in closed form and, for small n, the equilibria the Nash solvers find on the generated game.
struct BuckPassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buck-pass",
        abstract: "Buck-passing as a volunteer's dilemma: who balances, and how likely nobody does.",
        discussion: """
            n symmetric status-quo states each get the benefit b if at least one balances; a balancer pays c < b. The \
            symmetric mixed equilibrium has each state balance with probability 1 − (c/b)^(1/(n−1)); nobody balances with \
            probability (c/b)^(n/(n−1)), which rises with n. For n ≤ --max-solver-states the n-player normal-form game \
            is also solved: all pure equilibria and one equilibrium by the logit path (for n = 2, every extreme \
            equilibrium by vertex enumeration); every equilibrium printed is verified (regret below the tolerance). Example: entente buck-pass --n 3 --cost 0.5.
            """)

    @Option(help: "Number of states n (≥ 2).") var n: Int = 3
    @Option(help: "Cost c of balancing, 0 < c < b.") var cost: Double = 0.5
    @Option(help: "Benefit b to every state if at least one balances.") var benefit: Double = 1
    @Option(help: "Largest n for which the Nash solvers run on the 2^n-profile game (at most 12).")
    var maxSolverStates: Int = 6
    @Option(help: "Output: table or json.") var format: OutputFormat = .table

    func validate() throws {
        guard benefit.isFinite, benefit > 0 else {
            throw ValidationError("--benefit must be a finite number > 0 (and above --cost), got \(benefit)")
        }
        guard cost.isFinite, cost > 0, cost < benefit else {
            throw ValidationError(
                "--cost must be a finite number with 0 < cost < benefit (--benefit \(benefit)), got \(cost)")
        }
        // The logit path on the 2^n-profile game takes seconds at n = 12 and grows about 8-fold per state.
        guard maxSolverStates >= 0, maxSolverStates <= 12 else {
            throw ValidationError("--max-solver-states must be in 0…12, got \(maxSolverStates)")
        }
        guard n >= 2, n <= 1_000_000 else {
            throw ValidationError("--n must be an integer in 2…1000000 (number of states), got \(n)")
        }
    }

    func run() throws {
        try reportingErrors {
            guard format == .table || format == .json else { throw CLIError("--format must be table or json") }
            let e = try BuckPassing.symmetricEquilibrium(states: n, benefit: benefit, cost: cost)
            var solved: [(method: NashResult.Method, equilibrium: NashEquilibrium)] = []
            var closedFormRegret: Double? = nil
            if n <= maxSolverStates {
                let game = try BuckPassing.normalFormGame(states: n, benefit: benefit, cost: cost)
                let symmetric = try MixedProfile(
                    [[Double]](repeating: [e.balanceProbability, 1 - e.balanceProbability], count: n))
                closedFormRegret = game.regret(symmetric)
                if n == 2 {
                    // Two states: vertex enumeration finds every extreme equilibrium.
                    let r = try VertexEnumeration.solve(game)
                    for eq in r.equilibria { solved.append((r.method, eq)) }
                } else {
                    let pure = try PureEquilibria.solve(game)
                    for eq in pure.equilibria { solved.append((pure.method, eq)) }
                    let logit = try LogitPath.solve(game)
                    for eq in logit.equilibria { solved.append((logit.method, eq)) }
                }
            }
            if format == .json {
                var kv: [(String, JSONValue)] = [
                    ("states", .number(Double(n))), ("benefit", .number(benefit)), ("cost", .number(cost)),
                    (
                        "symmetric",
                        .object([
                            ("balance", .number(e.balanceProbability)), ("pass", .number(1 - e.balanceProbability)),
                            ("nobodyBalances", .number(e.nobodyBalances)),
                        ])
                    ),
                ]
                if let r = closedFormRegret {
                    kv.append(("symmetricRegret", .number(r)))
                    kv.append(
                        (
                            "solvers",
                            .array(
                                solved.map { s in
                                    .object([
                                        ("method", .string(s.method.rawValue)),
                                        ("balance", .array(s.equilibrium.profile.probabilities.map { .number($0[0]) })),
                                        ("payoffs", .array(s.equilibrium.payoffs.map { .number($0) })),
                                        ("regret", .number(s.equilibrium.regret)),
                                    ])
                                })
                        ))
                }
                print(JSONValue.object(kv).serialized())
                return
            }
            print(
                "Buck-passing (volunteer's dilemma): n = \(n) states, benefit b = \(Format.number(benefit)), cost c = \(Format.number(cost))\n"
            )
            print(
                "symmetric mixed equilibrium: each state balances with probability \(Format.number(e.balanceProbability)) (passes the buck with \(Format.number(1 - e.balanceProbability)))"
            )
            print("P(nobody balances) = \(Format.number(e.nobodyBalances))")
            guard let regret = closedFormRegret else {
                print(
                    n <= 12
                        ? "\n(the Nash solvers run for n ≤ \(maxSolverStates); raise --max-solver-states to solve the \(1 << n)-profile game)"
                        : "\n(the Nash solvers run for n ≤ 12 at most: the game has 2^\(n) profiles; the closed form above is exact)"
                )
                return
            }
            print("its regret in the generated \(n)-player game: \(Format.scientific(regret))\n")
            print(
                n == 2
                    ? "Nash solvers on the generated game (vertex enumeration: every extreme equilibrium):"
                    : "Nash solvers on the generated game (all pure equilibria; one equilibrium by the logit path from uniform play):"
            )
            let rows = solved.map { s in
                [s.method.rawValue] + s.equilibrium.profile.probabilities.map { Format.number($0[0]) } + [
                    Format.scientific(s.equilibrium.regret)
                ]
            }
            print(
                Table(header: ["method"] + (1...n).map { "P(state \($0) balances)" } + ["regret"], rows: rows).render())
        }
    }
}
