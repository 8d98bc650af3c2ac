/// The registry of named ``DyadModel``s behind `entente predict --model NAME` and `entente validate --model NAME`.
///
/// An entry's factory receives the history and the fitting years, so a model can fit its own parameters (e.g. the
/// game's λ, ε, κ by maximum likelihood) on those years only — `validate --fit 1816-1870` then refits them for the
/// pseudo-out-of-sample check. To add a model (e.g. the alliance game's), append an ``Entry`` to ``all``; to make it
/// the default, change ``defaultName``. The three baselines are registered too. Lookups O(entries).
public enum DyadModels {
    /// A named model with a one-line description and a factory.
    public struct Entry: Sendable {
        /// The `--model` name.
        public let name: String
        /// One-line description for `--help` and reports.
        public let summary: String
        /// Builds the model; it may fit parameters on the given fitting years (never on other years' outcomes).
        public let make: @Sendable (_ history: GreatPowerHistory, _ fitYears: ClosedRange<Int>) throws -> any DyadModel

        /// An entry. O(1).
        public init(
            name: String, summary: String,
            make:
                @escaping @Sendable (_ history: GreatPowerHistory, _ fitYears: ClosedRange<Int>) throws -> any DyadModel
        ) {
            self.name = name; self.summary = summary; self.make = make
        }
    }

    /// Every registered model.
    public static let all: [Entry] = [
        Entry(
            name: "game",
            summary:
                "the alliance game: logit dynamics with consent over coalition structures, started at the origin year's alliances; parameters fitted on the fitting years",
            make: { h, f in try AllianceGameModel.fitted(history: h, fitYears: f) }),
        Entry(
            name: "dynamic",
            summary:
                "the dynamic alliance-formation game solved per year from that year's inputs (no observed alliances); κ and e fitted on --fit",
            make: { h, f in try DynamicGameModel.fitted(history: h, fitYears: f) }),
        Entry(
            name: "dynamic-forecast",
            summary:
                "the dynamic alliance-formation game's equilibrium processes chained year by year from the origin year's alliances; κ, e and periods per year fitted on --fit",
            make: { h, f in try DynamicForecastModel.fitted(history: h, fitYears: f) }),
        Entry(
            name: "affinity",
            summary:
                "logistic of the threat affinity v_ij (Walt 1987; λ = 500 km, ε = 0.1) — a stand-in, not an equilibrium model",
            make: { _, _ in ThreatAffinityModel() }),
        Entry(
            name: "logistic",
            summary: "baseline: logistic regression on rivalry, contiguity, log distance, |log capability ratio|",
            make: { h, f in try LogisticBaselineModel.fit(history: h, years: f) }),
        Entry(
            name: "base-rate", summary: "baseline: the allied share of the fitting years for every pair",
            make: { h, f in try BaseRateModel.fit(history: h, years: f) }),
        Entry(
            name: "persistence",
            summary: "baseline: the origin year's alliances persist (two rates fitted on the fitting years)",
            make: { h, f in try PersistenceModel.fit(history: h, years: f) }),
        Entry(name: "nobody", summary: "baseline: nobody allies (p = 0.001)", make: { _, _ in NobodyAlliesModel() }),
    ]

    /// The default model (`game`).
    public static let defaultName = "game"

    /// The model registered under `name`, built for the fitting years; throws ``HistoryError/unknownModel(name:known:)``
    /// for an unknown one, ``HistoryError/invalidFitYears(_:allowed:)`` for fitting years outside
    /// ``AllianceValidation/fitLimit``. O(entries + the model's own fit).
    public static func named(
        _ name: String, history: GreatPowerHistory = .embedded,
        fitYears: ClosedRange<Int> = AllianceValidation.fitLimit
    ) throws -> any DyadModel {
        guard let e = all.first(where: { $0.name == name }) else {
            throw HistoryError.unknownModel(name: name, known: all.map(\.name))
        }
        try AllianceValidation.checkFit(fitYears, history: history)
        return try e.make(history, fitYears)
    }
}
