import EntenteAlliances
import EntenteCooperative
import EntenteGames
import EntenteIO
import EntenteNumerics

/// Peer timings written by `Benchmarks/compare-peers` to `Benchmarks/results/peers.json`, read back to draw the
/// peers' curves next to `entente bench`'s own.
///
/// Format: `{"generated": "…", "machine": "…", "curves": [{"family": "lemke", "peer": "QuantEcon",
/// "points": [[10, 1.2e-5], [50, 2.3e-4]]}, …]}`: `family` is a ``BenchmarkFamily`` raw value, each point is
/// (size n, median seconds); failed peer runs are simply absent. O(file size).
public struct PeerTimings: Sendable {
    /// One peer's median times for one family.
    public struct Curve: Sendable {
        /// The peer's name as the script printed it (e.g. "QuantEcon").
        public let peer: String
        /// (size n, median seconds) in file order.
        public let points: [(size: Int, seconds: Double)]
    }

    /// When the peer script ran (as it wrote it).
    public let generated: String
    /// The machine it ran on (as it wrote it).
    public let machine: String
    /// All curves in the file, in file order.
    public let curves: [(family: String, curve: Curve)]

    /// Parses the file's text; a malformed file is a `FileFormatError` naming the JSON path.
    public init(json text: String) throws {
        let root = JSONReader(try JSONValue.parse(text))
        generated = try root.optionalMember("generated")?.string() ?? ""
        machine = try root.optionalMember("machine")?.string() ?? ""
        var curves: [(family: String, curve: Curve)] = []
        for c in try root.member("curves").array() {
            var points: [(size: Int, seconds: Double)] = []
            for p in try c.member("points").array() {
                let pair = try p.array()
                guard pair.count == 2 else {
                    throw FileFormatError(path: p.path, message: "a point is [size, seconds]")
                }
                let n = try pair[0].integer(), t = try pair[1].number()
                guard n >= 1, t.isFinite, t > 0 else {
                    throw FileFormatError(path: p.path, message: "size ≥ 1 and seconds > 0")
                }
                points.append((n, t))
            }
            curves.append((try c.member("family").string(), Curve(peer: try c.member("peer").string(), points: points)))
        }
        self.curves = curves
    }

    /// The curves of one family.
    public func curves(for family: BenchmarkFamily) -> [Curve] {
        curves.filter { $0.family == family.rawValue }.map(\.curve)
    }
}
