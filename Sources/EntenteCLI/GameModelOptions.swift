import ArgumentParser
import Entente
import Foundation

/// `--game KEY=V,…`: the alliance game's forecasting parameters for `predict` and `validate` (default: the
/// 1816–1890 fit), e.g. the best point of `entente calibrate --model game --fit 1816-1870` for a
/// pseudo-out-of-sample check.
struct GameModelOptions: ParsableArguments {

    @Option(
        parsing: .unconditional,
        help:
            "With --model dynamic or dynamic-forecast: stop after this many seconds, in (0, 1e9]; an unfinished run is an error, never a partial prediction."
    )
    var timeout: Double?
    @Option(
        help:
            "With --model dynamic or dynamic-forecast: the equilibrium selection of every year's search, reversibleFirst or largestGain (as in `dynamics`)."
    )
    var selection: String?
    @Option(
        parsing: .unconditional,
        help:
            "With --model dynamic or dynamic-forecast: the reneging cost b ≥ 0 of every year's game (as in `dynamics`; default 0; --fit-reneging-cost fits it)."
    )
    var renegingCost: Double?
    @Flag(
        help:
            "With --model dynamic or dynamic-forecast: fit the reneging cost b too, over {0, 0.1, 0.3} (slow after 1890; not the default)."
    )
    var fitRenegingCost = false

    /// Checks `--timeout`, `--selection`, `--reneging-cost` and `--fit-reneging-cost`: in range, and only with the
    /// models that solve dynamic games.
    func validateDynamicModelOptions(model: String) throws {
        try Check.number(timeout, "--timeout", 0, 1e9, lowOpen: true, note: " seconds")
        if timeout != nil && !["dynamic", "dynamic-forecast"].contains(model) {
            throw ValidationError(
                "--timeout applies to --model dynamic and dynamic-forecast only (the other models take seconds)")
        }
        if let renegingCost {
            guard ["dynamic", "dynamic-forecast"].contains(model) else {
                throw ValidationError("--reneging-cost applies to --model dynamic and dynamic-forecast only")
            }
            try Check.number(renegingCost, "--reneging-cost", 0, DynamicOptions.magnitudeCeiling)
        }
        if fitRenegingCost {
            guard ["dynamic", "dynamic-forecast"].contains(model) else {
                throw ValidationError("--fit-reneging-cost applies to --model dynamic and dynamic-forecast only")
            }
            guard renegingCost == nil else {
                throw ValidationError("give either --reneging-cost or --fit-reneging-cost, not both")
            }
        }
        if let selection {
            guard ["dynamic", "dynamic-forecast"].contains(model) else {
                throw ValidationError("--selection applies to --model dynamic and dynamic-forecast only")
            }
            guard MoveSelection(rawValue: selection) != nil else {
                throw ValidationError("--selection must be reversibleFirst or largestGain, got '\(selection)'")
            }
        }
    }
    @Option(
        help:
            "With --model game: parameters lambda, epsilon, gamma, e, kappa, tau, beta, periods, eta as KEY=V,… (default: the 1816–1890 fit)."
    )
    var game: String?

    static let keys = ["lambda", "epsilon", "gamma", "e", "kappa", "tau", "beta", "periods", "eta"]

    /// The parameters, or nil when --game is not given.
    func parameters() throws -> AllianceGameParameters? {
        guard let game else { return nil }
        var values: [String: Double] = [:]
        for item in game.split(separator: ",", omittingEmptySubsequences: false) {
            let kv = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, Self.keys.contains(kv[0]), let v = Double(kv[1]), v.isFinite else {
                throw CLIError(
                    "--game expects KEY=V,… with KEY in \(Self.keys.joined(separator: ", ")) and finite numbers; got '\(item)'"
                )
            }
            guard values[kv[0]] == nil else { throw CLIError("--game: \(kv[0]) is given twice") }
            values[kv[0]] = v
        }
        let d = AllianceGameParameters()
        var lengthKm = 30.0
        if case .exponential(let l) = d.threatModel.proximity { lengthKm = l }
        let threat = ThreatModel(
            lengthKm: values["lambda"] ?? lengthKm, epsilon: values["epsilon"] ?? d.threatModel.epsilon)
        let stage: ConflictStage
        do {
            stage = try ConflictStage(
                decisiveness: values["gamma"] ?? d.stage.decisiveness,
                entanglement: values["e"] ?? d.stage.entanglement,
                autonomyCost: values["kappa"] ?? d.stage.autonomyCost, prize: d.stage.prize,
                tethering: values["tau"] ?? d.stage.tethering)
        } catch { throw CLIError("--game: \(error)") }
        let p = AllianceGameParameters(
            threatModel: threat, stage: stage, rationality: values["beta"] ?? d.rationality,
            periodsPerYear: values["periods"] ?? d.periodsPerYear, originWeight: values["eta"] ?? d.originWeight)
        do { try p.validate() } catch { throw CLIError("--game: \(error)") }
        return p
    }

    /// The named model, or the game with these parameters. `shouldStop` (the `--timeout` deadline and Ctrl-C) is
    /// polled by the dynamic model's searches, during the fit and for the years it solves later.
    func model(
        _ name: String, history: GreatPowerHistory = .embedded, fitYears: ClosedRange<Int>,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> any DyadModel {
        if let p = try parameters() {
            guard name == "game" else { throw CLIError("--game applies to --model game only") }
            try AllianceValidation.checkFitYears(fitYears, history: history)
            return try AllianceGameModel(history: history, fitYears: fitYears, parameters: p)
        }
        if name == "game" && fitYears != AllianceValidation.fitLimit {
            try AllianceValidation.checkFitYears(fitYears, history: history)
            let points = AllianceGameCalibration.Grid().count
            Console.current.writeError(
                "entente: fitting the alliance game's parameters on \(fitYears.lowerBound)–\(fitYears.upperBound) (\(points) grid points; --game skips this)…\n"
            )
        }
        if name == "dynamic" || name == "dynamic-forecast" {
            try AllianceValidation.checkFitYears(fitYears, history: history)
            let forecast = name == "dynamic-forecast"
            let costs = fitRenegingCost ? DynamicGameModel.renegingCosts : [renegingCost ?? 0]
            let points = DynamicGameModel.kappas.count * DynamicGameModel.entanglements.count * costs.count
            Console.current.writeError(
                "entente: fitting the \(forecast ? "dynamic forecast's κ, e and revision rate" : "dynamic game's κ and e") on \(fitYears.lowerBound)–\(fitYears.upperBound) (\(points) grid points × \(fitYears.count) years; minutes)…\n"
            )
            let console = Console.current
            let progress = { (done: Int, all: Int) in console.writeError("entente: grid point \(done)/\(all)\n") }
            func unverified(_ years: [Int]) -> String {
                years.isEmpty
                    ? "every fitting year verified"
                    : "not verified in \(years.count) fitting years (\(years.map(String.init).joined(separator: ", ")))"
            }
            var base = AllianceFormationGame.Parameters()
            if let selection {
                guard let m = MoveSelection(rawValue: selection) else {
                    throw CLIError("--selection must be reversibleFirst or largestGain")
                }
                base.selection = m
            }
            if forecast {
                let m = try DynamicForecastModel.fitted(
                    history: history, fitYears: fitYears, base: base, renegingCosts: costs, progress: progress,
                    shouldStop: shouldStop)
                console.writeError(
                    "entente: dynamic forecast fitted: κ = \(m.parameters.kappa), e = \(m.parameters.entanglement), reneging cost b = \(m.parameters.renegingCost), revision rate ρ = \(m.revisionRate); \(unverified(m.unverifiedYears)); years after \(fitYears.upperBound) are solved when first asked for (about two minutes through 1945)\n"
                )
                return m
            }
            let m = try DynamicGameModel.fitted(
                history: history, fitYears: fitYears, base: base, renegingCosts: costs, progress: progress,
                shouldStop: shouldStop)
            console.writeError(
                "entente: dynamic game fitted: κ = \(m.parameters.kappa), e = \(m.parameters.entanglement), reneging cost b = \(m.parameters.renegingCost); \(unverified(m.unverifiedYears))\n"
            )
            return m
        }
        return try DyadModels.named(name, history: history, fitYears: fitYears)
    }
}
