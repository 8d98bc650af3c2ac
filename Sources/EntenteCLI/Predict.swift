import ArgumentParser
import Entente
import Foundation

/// `entente predict`: calibrated alliance and same-side probabilities for every pair of great powers of every year.
struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Predict, for every pair of great powers of every year, the probability of an alliance (ATOP defense or offense) and of fighting on the same side.",
        discussion:
            "Prints year,ccode1,ccode2,p_alliance,p_same_side (CSV) sorted by year and codes, from the embedded great-power history 1816–1945. The model's monotone calibration is fitted on --fit (within 1816–1890, the years with shipped outcomes). Models: \(DyadModels.all.map { "\($0.name) — \($0.summary)" }.joined(separator: "; "))."
    )

    @Option(help: "Years to predict, e.g. 1891-1945 (within 1816-1945).") var years: YearRange = YearRange(1816...1945)
    @Option(help: "Years on which the calibration is fitted (within 1816-1890).") var fit: YearRange = YearRange(
        AllianceValidation.fitLimit)
    @Option(help: "Model name (\(DyadModels.all.map(\.name).joined(separator: ", "))).") var model: String = DyadModels
        .defaultName
    @Option(help: "Output: csv or json.") var format: OutputFormat = .csv
    @OptionGroup var gameOptions: GameModelOptions
    func validate() throws { try gameOptions.validateDynamicModelOptions(model: model) }

    func run() throws {
        try reportingErrors {
            guard format == .csv || format == .json else { throw CLIError("--format must be csv or json") }
            Interrupt.install()
            let stop = Interrupt.sharedPoller(timeout: gameOptions.timeout, label: "entente predict")
            let m = try gameOptions.model(model, fitYears: fit.range, shouldStop: stop)
            let rows = try AllianceValidation.predict(model: m, years: years.range, fitYears: fit.range)
            if format == .json {
                let objects: [[String: Any]] = rows.map {
                    [
                        "year": $0.year, "ccode1": $0.ccode1, "ccode2": $0.ccode2,
                        "p_alliance": Self.rounded($0.pAlliance), "p_same_side": Self.rounded($0.pSameSide),
                    ]
                }
                print(
                    try JSONText.encode([
                        "model": m.name, "fit": "\(fit.range.lowerBound)-\(fit.range.upperBound)",
                        "predictions": objects,
                    ]))
                return
            }
            var out = "year,ccode1,ccode2,p_alliance,p_same_side\n"
            for r in rows { out += "\(r.year),\(r.ccode1),\(r.ccode2),\(Self.g(r.pAlliance)),\(Self.g(r.pSameSide))\n" }
            Console.current.write(out)
        }
    }

    /// Six significant digits.
    static func g(_ x: Double) -> String { String(format: "%.6g", x) }
    static func rounded(_ x: Double) -> Double { Double(g(x)) ?? x }
}
