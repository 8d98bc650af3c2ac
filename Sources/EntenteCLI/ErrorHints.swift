import Entente

/// The library's errors name its API (parameters such as `maxCoalitionSize`); the command line names its options
/// instead. `reportingErrors` prints every error through ``message(for:)``, which appends the options that help.
enum ErrorHints {
    /// One line for the user: the error's own description, plus the command-line options that address it.
    static func message(for error: Error) -> String {
        let text = "\(error)"
        switch error {
        case let e as DynamicsError:
            switch e {
            case .evaluationDidNotConverge: return text + "; with --iterative gmres or a smaller --delta"
            case .iterativeSolverDidNotConverge: return text + "; with --iterative gaussSeidel or a smaller --delta"
            case .stateSpaceTooLarge: return text + "; on the command line: --max-coalition-size"
            case .tooManyStates: return text + "; on the command line: --max-actors (dynamics), --max-coalition-size"
            case .tooManyBeliefStates: return text + "; on the command line: --belief-points, --max-coalition-size"
            case .stopped: return text + "; raise --timeout (seconds) or leave it out"
            default: return text
            }
        case let e as HistoryError:
            if case .outcomesUnavailable = e { return text + " (--outcomes FILE and --wars FILE)" }
            return text
        case let e as BenchmarkError:
            switch e {
            case .invalidSizes, .sizeOutOfRange: return text + " (--sizes)"
            case .invalidRepeats: return text + " (--repeats)"
            default: return text
            }
        case let e as FileFormatError where e.message.contains("missingAreZero"):
            return text + " (--missing-zero)"
        default:
            return text
        }
    }
}
