import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics

/// Times a ``BenchmarkFamily`` over a series of sizes: for each size one seeded instance, `repeats` verified runs,
/// the median wall-clock (and process CPU) time of the solver call (instance generation, verification and process start excluded),
/// then the growth laws fitted to the medians (``GrowthFit``).
///
/// The time budget is checked before every run (and polled inside vertex enumeration and the dynamic-game search):
/// once it is spent the remaining runs and sizes are skipped and the report says so. Progress goes to `progress`
/// (one line per run). O(Σ sizes' solver cost × repeats).
public enum SolverBenchmark {
    /// One size: wall-clock and CPU seconds of every run, and the summary of the last verified answer.
    public struct Row: Sendable {
        /// The instance size n.
        public let size: Int
        /// Wall-clock seconds of each verified run.
        public let times: [Double]
        /// Process CPU seconds of each verified run.
        public let cpuTimes: [Double]
        /// The last answer in one line (e.g. "3 equilibria").
        public let summary: String
        /// The median wall-clock time (the upper median for an even count).
        public var median: Double { times.sorted()[times.count / 2] }
        /// The median CPU time of the process during the runs.
        public var medianCPU: Double { cpuTimes.sorted()[cpuTimes.count / 2] }
    }

    /// A finished run.
    public struct Report: Sendable {
        /// The family timed.
        public let family: BenchmarkFamily
        /// One row per measured size, in the order given.
        public let rows: [Row]
        /// Sizes not measured because the time budget ran out.
        public let skipped: [Int]
        /// The growth laws fitted to the medians (nil with fewer than two sizes).
        public let fit: GrowthFit?
    }

    /// Parses "4,6,8": comma-separated positive integers, strictly increasing, at most 64 of them.
    public static func parseSizes(_ text: String) throws(BenchmarkError) -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0.filter { !$0.isWhitespace })
        }
        guard !text.isEmpty, parts.count <= 64 else {
            throw .invalidSizes("give 1 to 64 comma-separated sizes, e.g. 4,6,8")
        }
        var sizes: [Int] = []
        for p in parts {
            guard let n = Int(p), n >= 1 else { throw .invalidSizes("'\(p)' is not a positive integer") }
            if let last = sizes.last, n <= last { throw .invalidSizes("sizes must increase (\(last) then \(n))") }
            sizes.append(n)
        }
        return sizes
    }

    /// Runs the benchmark. `seedBase` nil uses the family's ``BenchmarkFamily/defaultSeedBase``; instance n uses
    /// seed `seedBase + n`. `timeout` (seconds) bounds the whole run. Throws on an out-of-range size (before any
    /// work), a failed instance, or an answer that fails verification.
    public static func run(
        _ family: BenchmarkFamily, sizes: [Int], repeats: Int = 5, seedBase: UInt64? = nil,
        timeout: Double? = nil, progress: (String) -> Void = { _ in }
    ) throws(BenchmarkError) -> Report {
        guard (1...1000).contains(repeats) else { throw .invalidRepeats(repeats) }
        guard !sizes.isEmpty else { throw .invalidSizes("no sizes given") }
        for n in sizes where !family.sizeLimits.contains(n) {
            throw .sizeOutOfRange(family: family.rawValue, size: n, limits: family.sizeLimits)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let budget = timeout.map { Duration.nanoseconds(Int64(min($0, 1e9) * 1e9)) }
        let expired: @Sendable () -> Bool = { budget.map { start.duration(to: ContinuousClock().now) > $0 } ?? false }
        let base = seedBase ?? family.defaultSeedBase
        var rows: [Row] = []
        var skipped: [Int] = []
        for n in sizes {
            if expired() { skipped.append(n); continue }
            let (seed, overflow) = base.addingReportingOverflow(UInt64(n))
            let instance = try family.instance(size: n, seed: overflow ? UInt64(n) : seed, shouldStop: expired)
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var summary = ""
            for k in 0..<repeats {
                if k > 0 && expired() { break }
                let result: (seconds: BenchmarkTiming, summary: String)
                do {
                    result = try instance.run()
                } catch let e as BenchmarkError {
                    if expired() { break }
                    throw e
                } catch {
                    if expired() { break }
                    throw .instanceFailed(family: family.rawValue, size: n, reason: "\(error)")
                }
                times.append(result.seconds.wall)
                cpuTimes.append(result.seconds.cpu)
                summary = result.summary
                progress(
                    "\(family.rawValue) n=\(n) run \(k + 1)/\(repeats): \(result.seconds.wall) s (CPU \(result.seconds.cpu) s), \(result.summary)"
                )
            }
            if times.isEmpty {
                skipped.append(n)
            } else {
                rows.append(Row(size: n, times: times, cpuTimes: cpuTimes, summary: summary))
            }
        }
        return Report(
            family: family, rows: rows, skipped: skipped,
            fit: GrowthFit(sizes: rows.map(\.size), seconds: rows.map(\.median)))
    }
}
