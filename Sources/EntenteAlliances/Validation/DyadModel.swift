/// A model that predicts, for every pair of great powers of a year, the probability of an alliance and of fighting
/// on the same side: the interface the validation (``AllianceValidation``) and `entente predict` use.
///
/// Contract: `rawProbabilities(year:history:)` returns one ``DyadPrediction`` per pair of
/// ``GreatPowerYear/dyads`` of that year (any order; ``AllianceValidation`` checks and sorts), with probabilities in
/// [0, 1]. They are *raw*: ``AllianceValidation`` fits a ``MonotoneCalibration`` of `pAlliance` on the fitting years
/// and reports calibrated values. The prediction for year t may use inputs of year t and earlier only (never
/// ``GreatPowerHistory/commitments(year:)`` or wars of year t or later). Must be thread-safe: years may be
/// predicted concurrently.
public protocol DyadModel: Sendable {
    /// Short name for reports and `--model` (e.g. "affinity", "game").
    var name: String { get }
    /// Raw (uncalibrated) probabilities for every pair of great powers of `year`.
    func rawProbabilities(year: Int, history: GreatPowerHistory) throws -> [DyadPrediction]
}
