/// Scenarios from an NMC-style CSV (the Correlates of War National Material Capabilities layout).
///
/// Columns (header names, any order; others ignored): `stateabb`, `year`, `milex`, `milper`, `irst`, `pec`, `tpop`,
/// `upop` (−9 = missing), optionally `statename`, `lat`, `lng` (capital). CINC and military shares are computed
/// over **every** row of the chosen year (the system members), then the chosen states become actors. Capitals
/// come from `lat`/`lng`, or from the shipped COW capitals for that year; distances are haversine between capitals;
/// land contiguity and rivalries come from the shipped data where the year is covered (1870, 1890, 1913/1914,
/// 1938/1939) and are otherwise empty.
public enum NMCCSV {
    /// Largest value accepted for a capability component (NMC units: thousands of dollars, people, tons); larger
    /// values would make the yearly column sums overflow or lose the shares.
    public static let maxComponent = 1e15

    /// Parses the CSV and builds a scenario for `year` and `states` (all rows of that year if `states` is empty).
    /// O(rows). Errors name the line and column. Components above ``maxComponent`` are rejected.
    public static func scenario(_ text: String, year: Int, states: [String] = [], name: String? = nil) throws
        -> Scenario
    {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard let header = lines.first else { throw FileFormatError(line: 1, column: 1, message: "empty CSV") }
        guard !text.contains("\"") else {
            throw FileFormatError(message: "quoted fields are not supported (plain comma-separated values only)")
        }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let dup = columns.enumerated().first(where: {
            !$0.element.isEmpty && columns.firstIndex(of: $0.element) != $0.offset
        }) {
            throw FileFormatError(line: 1, column: dup.offset + 1, message: "column \"\(dup.element)\" appears twice")
        }
        func col(_ name: String) throws -> Int {
            guard let k = columns.firstIndex(of: name) else {
                throw FileFormatError(line: 1, column: 1, message: "missing column \"\(name)\"")
            }
            return k
        }
        let cState = try col("stateabb"), cYear = try col("year")
        let cComp = try ["milex", "milper", "irst", "pec", "tpop", "upop"].map(col)
        let cName = columns.firstIndex(of: "statename"), cLat = columns.firstIndex(of: "lat"),
            cLng = columns.firstIndex(of: "lng")
        var records: [NMCRecord] = []
        var names: [String: String] = [:]
        var capitals: [String: (latitude: Double, longitude: Double)] = [:]
        var seen = Set<String>()
        for (k, line) in lines.enumerated().dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count == columns.count else {
                throw FileFormatError(
                    line: k + 1, column: 1, message: "expected \(columns.count) fields, got \(cells.count)")
            }
            guard let y = Int(cells[cYear]) else {
                throw FileFormatError(line: k + 1, column: cYear + 1, message: "year is not an integer")
            }
            guard y == year else { continue }
            var comp: [Double] = []
            for c in cComp {
                guard let v = Double(cells[c]), v.isFinite, v >= 0 || v == -9 else {
                    throw FileFormatError(
                        line: k + 1, column: c + 1,
                        message: "\(columns[c]) must be a non-negative number or -9, got '\(cells[c])'")
                }
                // Column sums over a year must stay finite and exact enough for shares that sum to 1.
                guard v <= maxComponent else {
                    throw FileFormatError(
                        line: k + 1, column: c + 1, message: "\(columns[c]) must be at most 1e15, got '\(cells[c])'")
                }
                comp.append(v)
            }
            let abb = cells[cState]
            // A state twice in one year would be counted twice in the column sums (wrong shares).
            guard seen.insert(abb).inserted else {
                throw FileFormatError(line: k + 1, column: cState + 1, message: "state \(abb) appears twice in \(year)")
            }
            records.append(
                NMCRecord(
                    state: abb, ccode: 0, year: y, milex: comp[0], milper: comp[1], irst: comp[2], pec: comp[3],
                    tpop: comp[4], upop: comp[5], publishedCINC: .nan))
            if let c = cName { names[abb] = cells[c] }
            if let a = cLat, let b = cLng, let lat = Double(cells[a]), let lng = Double(cells[b]) {
                capitals[abb] = (lat, lng)
            }
        }
        guard !records.isEmpty else { throw FileFormatError(message: "no rows for year \(year)") }
        do {
            return try BuiltinScenarios.fromRecords(
                records, year: year, states: states.isEmpty ? records.map(\.state) : states, names: names,
                capitals: capitals, name: name ?? "nmc-\(year)",
                sources: ["NMC-style CSV supplied by the user; CINC computed with the COW missing-value rule"])
        } catch let e as ScenarioError {
            // A requested state without a row or capital, or a scenario the data cannot make: named by its field.
            throw FileFormatError(path: e.field, message: e.message)
        }
    }
}
