import ArgumentParser
import Entente
import Foundation

/// `entente validate`: the model against the baselines on the shipped (or supplied) outcomes.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Score a model's alliance and war-side predictions against ATOP/COW outcomes, next to three baselines (base rate, logistic regression, nobody allies).",
        discussion:
            "Every free parameter is fitted on --fit (within 1816–1890). Outcomes after 1890 are held out; score later years by supplying them with --outcomes (columns of alliances_1816_1890.csv) and --wars (columns of wars_1816_1890.csv). See docs/validation.md."
    )

    @Option(help: "Years to score, e.g. 1816-1890.") var years: YearRange = YearRange(1816...1890)
    @Option(help: "Years on which calibration and baselines are fitted (within 1816-1890).") var fit: YearRange =
        YearRange(AllianceValidation.fitLimit)
    @Option(help: "Model name (\(DyadModels.all.map(\.name).joined(separator: ", "))).") var model: String = DyadModels
        .defaultName
    @OptionGroup var gameOptions: GameModelOptions
    func validate() throws { try gameOptions.validateDynamicModelOptions(model: model) }
    @Option(help: "Output: table or json.") var format: OutputFormat = .table
    @Option(help: "Also draw the calibration curve and per-year scores as SVG to this file.") var svg: String?
    @Option(help: "Alliance outcomes for held-out years (CSV with the columns of alliances_1816_1890.csv).")
    var outcomes: String?
    @Option(help: "Great-power wars for held-out years (CSV with the columns of wars_1816_1890.csv).") var wars: String?

    func run() throws {
        try reportingErrors {
            guard format == .table || format == .json else { throw CLIError("--format must be table or json") }
            var history = GreatPowerHistory.embedded
            if outcomes != nil || wars != nil {
                let a = try outcomes.map { try HistoryCSV.alliances(try InputFile.read($0), name: $0) }
                let w = try wars.map { try HistoryCSV.wars(try InputFile.read($0), name: $0) }
                history = try history.withOutcomes(alliances: a, wars: w)
            }
            Interrupt.install()
            let stop = Interrupt.sharedPoller(timeout: gameOptions.timeout, label: "entente validate")
            let report = try AllianceValidation.run(
                model: try gameOptions.model(model, history: history, fitYears: fit.range, shouldStop: stop),
                fitYears: fit.range, scoreYears: years.range, history: history)
            if let path = svg {
                try OutputFile.write(ValidationSVG.render(report), to: path, option: "--svg")
            }
            if format == .json {
                print(try JSONText.encode(ValidationReportText.json(report)))
            } else {
                print(ValidationReportText.text(report))
            }
        }
    }
}
