/// One state-year of the Correlates of War National Material Capabilities data (NMC v6.0).
/// Missing components are coded −9, as in the source.
public struct NMCRecord: Sendable, Equatable {
    public let state: String
    public let ccode: Int
    public let year: Int
    /// Military expenditure (thousands of current £ to 1913, US$ from 1914), personnel (thousands), iron and steel
    /// production (thousand tons), primary energy consumption (thousand coal-ton equivalents), total and urban
    /// population (thousands).
    public let milex: Double, milper: Double, irst: Double, pec: Double, tpop: Double, upop: Double
    /// The `cinc` column as published (for checking).
    public let publishedCINC: Double

    public init(
        state: String, ccode: Int, year: Int, milex: Double, milper: Double, irst: Double, pec: Double,
        tpop: Double, upop: Double, publishedCINC: Double
    ) {
        self.state = state; self.ccode = ccode; self.year = year
        self.milex = milex; self.milper = milper; self.irst = irst; self.pec = pec; self.tpop = tpop; self.upop = upop
        self.publishedCINC = publishedCINC
    }

    /// The six components in NMC order.
    public var components: [Double] { [milex, milper, irst, pec, tpop, upop] }
}

/// Capability measures computed from NMC components.
public struct CapabilityScores: Sendable, Equatable {
    /// Composite Index of National Capability.
    public let cinc: Double
    /// Mean of the military-expenditure and military-personnel shares (skipping a missing one): P·O in the
    /// threat formula, i.e. CINC × offensive emphasis.
    public let militaryShare: Double
    /// Offensive emphasis O = militaryShare / CINC (1 when CINC is 0).
    public var offensiveEmphasis: Double { cinc > 0 ? militaryShare / cinc : 1 }
}

/// The COW Composite Index of National Capability (Singer, Bremer & Stuckey 1972).
///
/// CINCᵢ = mean over the components **available** for i of xᵢc / Σⱼ xⱼc, where missing values (−9) are skipped
/// both in the numerator and in the world total (which runs over every system member that year). This
/// reproduces the published `cinc` to < 1e-8; treating −9 as 0 and dividing by 6 errs by up to 0.057.
/// - Complexity: O(6·n) for n states.
public enum CINC {
    /// Scores of every state in `records` (all system members of one year), keyed by state abbreviation.
    public static func scores(_ records: [NMCRecord]) -> [String: CapabilityScores] {
        // A column whose total overflows (milex 1e308) is summed after dividing by its largest entry (top ≠ 1 only then,
        // so ordinary data gives bit-identical shares).
        var top = [Double](repeating: 1, count: 6)
        var totals = [Double](repeating: 0, count: 6)
        for r in records { for (c, x) in r.components.enumerated() where x.isFinite && x >= 0 { totals[c] += x } }
        for c in 0..<6 where !totals[c].isFinite {
            top[c] = records.reduce(0) { max($0, $1.components[c].isFinite ? $1.components[c] : 0) }
            totals[c] = records.reduce(0) {
                let x = $1.components[c]; return x.isFinite && x >= 0 ? $0 + x / top[c] : $0
            }
        }
        func share(_ c: Int, _ x: Double) -> Double? {
            x.isFinite && x >= 0 && totals[c] > 0 ? x / top[c] / totals[c] : nil
        }
        var out: [String: CapabilityScores] = [:]
        for r in records {
            var sum = 0.0, count = 0
            for (c, x) in r.components.enumerated() { if let s = share(c, x) { sum += s; count += 1 } }
            var mil = 0.0, milCount = 0
            for c in 0..<2 { if let s = share(c, r.components[c]) { mil += s; milCount += 1 } }
            out[r.state] = CapabilityScores(
                cinc: count > 0 ? sum / Double(count) : 0,
                militaryShare: milCount > 0 ? mil / Double(milCount) : 0)
        }
        return out
    }

    /// The shipped NMC records of one year (1870, 1890, 1914 or 1939).
    public static func builtinRecords(year: Int) -> [NMCRecord] { BuiltinData.nmc.filter { $0.year == year } }
}
