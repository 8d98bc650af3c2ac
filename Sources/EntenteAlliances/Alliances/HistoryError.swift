/// Why a request to the great-power history (``GreatPowerHistory``) or to the validation built on it cannot be met.
///
/// Every case prints as one line.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A year outside the years the data cover (1816–1945 for the embedded history).
    case yearOutOfRange(year: Int, available: ClosedRange<Int>)
    /// Alliance or war outcomes are asked for a year whose outcomes are held out (after 1890 for the embedded data)
    /// and were not supplied.
    case outcomesUnavailable(year: Int, available: ClosedRange<Int>)
    /// Fitting years outside the years with known outcomes, or an empty range.
    case invalidFitYears(ClosedRange<Int>, allowed: ClosedRange<Int>)
    /// A data table (embedded or supplied) that cannot be read: which table, line and problem.
    case malformed(table: String, line: Int, message: String)
    /// A model returned predictions that do not match the great powers of a year.
    case invalidPredictions(model: String, year: Int, message: String)
    /// No dyad model is registered under this name (``DyadModels/named(_:history:fitYears:)``).
    case unknownModel(name: String, known: [String])

    /// One line for the user.
    public var description: String {
        switch self {
        case .yearOutOfRange(let y, let r):
            return "no great-power data for \(y): the history covers \(r.lowerBound)–\(r.upperBound)"
        case .outcomesUnavailable(let y, let r):
            return
                "alliance and war outcomes for \(y) are held out (known: \(r.lowerBound)–\(r.upperBound)); supply alliance and war tables that cover it"
        case .invalidFitYears(let f, let a):
            return
                "fitting years \(f.lowerBound)–\(f.upperBound) must lie within \(a.lowerBound)–\(a.upperBound), the years with known outcomes"
        case .malformed(let t, let l, let m):
            return "\(t), line \(l): \(m)"
        case .invalidPredictions(let m, let y, let msg):
            return "model \(m), year \(y): \(msg)"
        case .unknownModel(let name, let known):
            return "unknown model \"\(name)\" (known: \(known.joined(separator: ", ")))"
        }
    }
}
