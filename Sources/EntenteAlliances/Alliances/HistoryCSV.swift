/// Reads the comma-separated tables of the great-power history (embedded or supplied by the user): header row,
/// columns found by name (others ignored), empty cell = missing, surrounding double quotes stripped. No quoted commas.
///
/// The public entry points read the outcome files a held-out check supplies: ``alliances(_:name:)`` ATOP alliance
/// pairs (Leeds et al. 2002), ``wars(_:name:)`` COW war participations (Sarkees & Wayman 2010), with the columns each
/// documents. O(size of the text).
public enum HistoryCSV {
    /// A parsed table: column index by name and the data rows (cells).
    struct Table {
        let name: String
        let columns: [String: Int]
        let rows: [[Substring]]

        init(_ text: String, name: String) throws {
            self.name = name
            var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .filter { !$0.allSatisfy(\.isWhitespace) }
            guard !lines.isEmpty else {
                throw HistoryError.malformed(table: name, line: 1, message: "empty file (no header row)")
            }
            let header = Self.cells(lines.removeFirst())
            var cols: [String: Int] = [:]
            for (k, h) in header.enumerated() { cols[String(h)] = k }
            columns = cols
            rows = lines.map(Self.cells)
        }

        static func cells(_ line: Substring) -> [Substring] {
            line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                var c = cell.drop { $0 == " " }
                while c.last == " " { c = c.dropLast() }
                if c.count >= 2, c.first == "\"", c.last == "\"" { c = c.dropFirst().dropLast() }
                return c
            }
        }

        func column(_ key: String) throws -> Int {
            guard let c = columns[key] else {
                throw HistoryError.malformed(table: name, line: 1, message: "missing column \"\(key)\"")
            }
            return c
        }

        /// The cell of row `r` (0-based data row) in column `c`, or nil if empty.
        func cell(_ r: Int, _ c: Int) throws -> Substring? {
            let row = rows[r]
            guard c < row.count else {
                throw HistoryError.malformed(
                    table: name, line: r + 2, message: "expected at least \(c + 1) cells, got \(row.count)")
            }
            let v = row[c]
            return v.isEmpty || v == "NA" ? nil : v
        }

        func int(_ r: Int, _ c: Int) throws -> Int {
            guard let v = try cell(r, c), let x = Int(v) ?? Double(v).flatMap({ $0 == $0.rounded() ? Int($0) : nil })
            else {
                throw HistoryError.malformed(
                    table: name, line: r + 2, message: "column \(c + 1) must be an integer, got \"\(rows[r][c])\"")
            }
            return x
        }

        func double(_ r: Int, _ c: Int) throws -> Double? {
            guard let v = try cell(r, c) else { return nil }
            guard let x = Double(v), x.isFinite else {
                throw HistoryError.malformed(
                    table: name, line: r + 2, message: "column \(c + 1) must be a number, got \"\(v)\"")
            }
            return x
        }

        func flag(_ r: Int, _ c: Int) throws -> Bool {
            let x = try int(r, c)
            guard x == 0 || x == 1 else {
                throw HistoryError.malformed(
                    table: name, line: r + 2, message: "column \(c + 1) must be 0 or 1, got \(x)")
            }
            return x == 1
        }
    }

    /// Parses alliance outcomes (ATOP pairs, one row per pair and year) with the columns `year, ccode1, ccode2, defense,
    /// offense, neutral, nonagg, consul` (abbreviations optional; missing neutral/nonagg/consul read as 0).
    /// Rows list only pairs with some commitment. Throws ``HistoryError/malformed(table:line:message:)``. O(rows).
    public static func alliances(_ text: String, name: String = "alliances") throws -> [AllianceCommitment] {
        let t = try Table(text, name: name)
        let y = try t.column("year"), c1 = try t.column("ccode1"), c2 = try t.column("ccode2")
        let d = try t.column("defense"), o = try t.column("offense")
        let n = t.columns["neutral"], na = t.columns["nonagg"], cs = t.columns["consul"]
        return try t.rows.indices.map { r in
            let a = try t.int(r, c1), b = try t.int(r, c2)
            guard a != b else {
                throw HistoryError.malformed(table: name, line: r + 2, message: "a state cannot ally with itself")
            }
            return AllianceCommitment(
                year: try t.int(r, y), ccode1: a, ccode2: b, defense: try t.flag(r, d), offense: try t.flag(r, o),
                neutral: try n.map { try t.flag(r, $0) } ?? false,
                nonaggression: try na.map { try t.flag(r, $0) } ?? false,
                consultation: try cs.map { try t.flag(r, $0) } ?? false)
        }
    }

    /// Parses war participations (COW inter-state wars) with the columns `warnum, start_year, ccode, stateabb,
    /// side` (and optionally `initiator, outcome, first_year, last_year`). O(rows).
    public static func wars(_ text: String, name: String = "wars") throws -> [WarParticipation] {
        let t = try Table(text, name: name)
        let w = try t.column("warnum"), s = try t.column("start_year"), c = try t.column("ccode"),
            side = try t.column("side")
        let abb = t.columns["stateabb"], ini = t.columns["initiator"], out = t.columns["outcome"]
        let fy = t.columns["first_year"], ly = t.columns["last_year"]
        return try t.rows.indices.map { r in
            WarParticipation(
                warnum: try t.int(r, w), startYear: try t.int(r, s), ccode: try t.int(r, c),
                abb: try abb.flatMap { try t.cell(r, $0) }.map(String.init) ?? "",
                side: try t.int(r, side), initiator: try ini.map { try t.flag(r, $0) } ?? false,
                outcome: try out.map { try t.int(r, $0) } ?? 0,
                firstYear: try fy.map { try t.int(r, $0) }, lastYear: try ly.map { try t.int(r, $0) })
        }
    }
}
