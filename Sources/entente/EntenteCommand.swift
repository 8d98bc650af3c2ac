import ArgumentParser
import Entente

@main
struct EntenteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entente",
        abstract: "Alliance formation as games: verified equilibria, power indices and coalition dynamics.",
        version: Entente.version,
        subcommands: [Analyze.self, Dynamics.self, Sweep.self, Scenarios.self, ScenarioCommand.self, Calibrate.self, Nash.self, CoalitionCommand.self, HedonicCommand.self, FenceSitCommand.self, BuckPassCommand.self, Example.self],
        defaultSubcommand: Analyze.self
    )
}
