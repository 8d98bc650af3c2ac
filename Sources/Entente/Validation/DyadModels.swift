/// The registry of named ``DyadModel``s behind `entente predict --model NAME` and `entente validate --model NAME`.
///
/// To add a model (e.g. the alliance game's), append an ``Entry`` to ``all`` and, to make it the default, change
/// ``defaultName``. O(1) lookups over a handful of entries.
public enum DyadModels {
    /// A named model with a one-line description and a factory.
    public struct Entry: Sendable {
        /// The `--model` name.
        public let name: String
        /// One-line description for `--help` and reports.
        public let summary: String
        /// Builds the model with its default parameters.
        public let make: @Sendable () throws -> any DyadModel

        /// An entry. O(1).
        public init(name: String, summary: String, make: @escaping @Sendable () throws -> any DyadModel) {
            self.name = name; self.summary = summary; self.make = make
        }
    }

    /// Every registered model.
    public static let all: [Entry] = [
        Entry(name: "affinity", summary: "logistic of the threat affinity v_ij (models.md §4.4; λ = 500 km, ε = 0.1), Platt-calibrated — a stand-in, not an equilibrium model",
              make: { ThreatAffinityModel() }),
    ]

    /// The model used when `--model` is not given.
    public static let defaultName = "affinity"

    /// The model registered under `name`; throws ``ScenarioError`` listing the known names otherwise. O(entries).
    public static func named(_ name: String) throws -> any DyadModel {
        guard let e = all.first(where: { $0.name == name }) else {
            throw ScenarioError(field: "model", message: "unknown model \"\(name)\" (known: \(all.map(\.name).joined(separator: ", ")))")
        }
        return try e.make()
    }
}
