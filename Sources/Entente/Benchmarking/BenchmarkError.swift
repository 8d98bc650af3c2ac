import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics

/// Why a benchmark could not run or an answer was refused.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A family name that does not exist.
    case unknownFamily(String)
    /// A size list that is empty, not a comma-separated list of integers, unsorted or repeated.
    case invalidSizes(String)
    /// A size outside the family's accepted range.
    case sizeOutOfRange(family: String, size: Int, limits: ClosedRange<Int>)
    /// Repeats outside 1...1000.
    case invalidRepeats(Int)
    /// Building or solving the instance failed (the solver's own error, in words).
    case instanceFailed(family: String, size: Int, reason: String)
    /// A timed answer failed its verification: no time is reported for it.
    case unverified(family: String, size: Int, reason: String)

    public var description: String {
        switch self {
        case .unknownFamily(let f):
            return
                "unknown benchmark family '\(f)'; use one of \(BenchmarkFamily.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidSizes(let why): return "invalid size list: \(why)"
        case .sizeOutOfRange(let f, let n, let l):
            return "size \(n) is outside \(l.lowerBound)...\(l.upperBound), the sizes '\(f)' accepts"
        case .invalidRepeats(let k): return "the number of repeats must be an integer in 1...1000, got \(k)"
        case .instanceFailed(let f, let n, let why): return "\(f) at size \(n) failed: \(why)"
        case .unverified(let f, let n, let why): return "\(f) at size \(n): the answer failed verification (\(why))"
        }
    }
}
