import ArgumentParser
import Entente
import Foundation

/// `entente bench FAMILY --sizes …`: solver scaling on seeded random instances (the peer script's instances).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time a solver family on seeded random instances and fit its growth.",
        discussion: """
            Families: \(BenchmarkFamily.allCases.map(\.rawValue).joined(separator: ", ")). Each size gets one instance \
            (the same as Benchmarks/compare-peers: seed BASE + n); the table shows the median wall-clock (and CPU) time of the \
            solver over --repeats verified runs (generation, verification and process start excluded) and the \
            least-squares growth laws a·n^b and a·c^n. --svg draws time against size on log axes, with the peers' \
            curves from Benchmarks/results/peers.json when the peer script has written it.
            """)

    @Argument(help: "Solver family: \(BenchmarkFamily.allCases.map(\.rawValue).joined(separator: ", ")).")
    var family: String

    @Option(help: "Comma-separated increasing sizes, e.g. 4,6,8 (default: a series that runs in seconds).")
    var sizes: String?

    @Option(help: "Timed runs per size, 1...1000; the median is reported.")
    var repeats: Int = 5

    @Option(help: "Seed base: instance n uses seed BASE + n (default: the peer script's base for the family).")
    var seed: UInt64?

    @Option(
        help:
            "Stop starting new runs after this many seconds (vertex enumeration and the dynamic game also stop inside a run)."
    )
    var timeout: Double?

    @Option(help: "Write the scaling plot (SVG) to this file.")
    var svg: String?

    @Option(help: "Peer timings to draw with --svg (written by Benchmarks/compare-peers).")
    var peers: String = "Benchmarks/results/peers.json"

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        try Check.format(format, [.table, .json], command: "bench")
        try Check.integer(repeats, "--repeats", 1...1000)
        try Check.number(timeout, "--timeout", 0, 1e9, lowOpen: true, note: " seconds")
        guard BenchmarkFamily(rawValue: family) != nil else {
            throw ValidationError(BenchmarkError.unknownFamily(family).description)
        }
        if let s = sizes {
            do { _ = try SolverBenchmark.parseSizes(s) } catch { throw ValidationError(ErrorHints.message(for: error)) }
        }
    }

    func run() throws {
        try reportingErrors {
            let family = BenchmarkFamily(rawValue: family)!
            let sizes = try sizes.map { try SolverBenchmark.parseSizes($0) } ?? family.defaultSizes
            Interrupt.install()
            let report = try SolverBenchmark.run(
                family, sizes: sizes, repeats: repeats, seedBase: seed, timeout: timeout
            ) {
                writeError("entente bench: \($0)")
            }
            if let path = svg {
                var curves: [PeerTimings.Curve] = []
                var note = "no peer timings (run Benchmarks/compare-peers to write \(peers))"
                if FileManager.default.fileExists(atPath: peers) {
                    let timings = try PeerTimings(json: try InputFile.read(peers))
                    curves = timings.curves(for: family)
                    note = "peers: \(peers)\(timings.generated.isEmpty ? "" : ", \(timings.generated)")"
                }
                try OutputFile.write(
                    BenchSVG.render(report: report, peers: curves, note: note), to: path, option: "--svg")
            }
            print(format == .json ? try json(report) : text(report))
        }
    }

    func text(_ r: SolverBenchmark.Report) -> String {
        var lines = ["\(r.family.title)", ""]
        lines.append(
            Table(
                header: ["n", "median", "CPU", "runs", "answer (verified)"],
                rows: r.rows.map {
                    [
                        String($0.size), BenchCommand.seconds($0.median), BenchCommand.seconds($0.medianCPU),
                        String($0.times.count), $0.summary,
                    ]
                }
            ).render())
        if !r.skipped.isEmpty {
            lines.append("\nnot measured (time budget spent): \(r.skipped.map(String.init).joined(separator: ", "))")
        }
        if let f = r.fit {
            lines.append("")
            lines.append(
                "growth: polynomial t ≈ a·n^\(String(format: "%.2f", f.exponent)) (log residual \(String(format: "%.3g", f.polynomialResidual))), "
                    + "exponential t ≈ a·\(String(format: "%.3f", f.base))^n (log residual \(String(format: "%.3g", f.exponentialResidual))); "
                    + (f.isComparable
                        ? "the \(f.polynomialFitsBetter ? "polynomial" : "exponential") law fits better"
                        : "two sizes fit both laws exactly: give three or more to compare them"))
        }
        return lines.joined(separator: "\n")
    }

    func json(_ r: SolverBenchmark.Report) throws -> String {
        var doc: [String: Any] = [
            "family": r.family.rawValue, "title": r.family.title,
            "rows": r.rows.map {
                [
                    "size": $0.size, "medianSeconds": $0.median, "seconds": $0.times, "medianCPUSeconds": $0.medianCPU,
                    "cpuSeconds": $0.cpuTimes, "answer": $0.summary,
                ] as [String: Any]
            },
            "skipped": r.skipped,
        ]
        if let f = r.fit {
            doc["fit"] = [
                "exponent": f.exponent, "base": f.base, "polynomialResidual": f.polynomialResidual,
                "exponentialResidual": f.exponentialResidual,
                "better": f.isComparable ? (f.polynomialFitsBetter ? "polynomial" : "exponential") : "undecided",
            ]
        }
        return try JSONText.encode(doc)
    }

    static func seconds(_ t: Double) -> String {
        if t < 1e-3 { return String(format: "%.1f µs", t * 1e6) }
        if t < 1 { return String(format: "%.2f ms", t * 1e3) }
        return String(format: "%.2f s", t)
    }
}
