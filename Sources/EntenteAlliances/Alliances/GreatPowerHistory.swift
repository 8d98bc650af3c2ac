import Foundation

/// The great-power system year by year, 1816–1945 (Correlates of War and ATOP data, compiled in): powers, capabilities, capitals and pairs for
/// every year; ATOP alliance commitments and COW wars among great powers for the years with known outcomes
/// (1816–1890 in the embedded data; later outcomes are held out and may be supplied with ``withOutcomes(alliances:wars:)``).
///
/// ``embedded`` parses the compiled-in tables once (≈ 5 000 rows, a few milliseconds). Every year is available as
/// a ``Scenario`` through ``scenario(year:)``. Sources: see ``citations``.
public struct GreatPowerHistory: Sendable {
    /// Years with model inputs (powers, capabilities, geography, rivalries).
    public let years: ClosedRange<Int>
    /// Years whose alliance outcomes are known (a pair of great powers absent from ``commitments(year:)`` has none).
    public let outcomeYears: ClosedRange<Int>
    /// Start years whose great-power wars are known (a war starting in such a year and absent from ``wars`` did not happen).
    public let warYears: ClosedRange<Int>
    /// Every alliance commitment with a flag set, sorted by year, then codes.
    public let alliances: [AllianceCommitment]
    /// Every war among great powers with a known start year, sorted by start year, then number.
    public let wars: [GreatPowerWar]
    let yearTable: [GreatPowerYear]

    /// The compiled-in history (peacesciencer 1.2.9 extracts; outcomes 1816–1890), parsed on first use.
    public static let embedded: GreatPowerHistory = {
        do { return try GreatPowerHistory(embeddedTables: ()) } catch {
            fatalError("embedded history data are corrupt: \(error)")
        }
    }()

    /// Dataset citations to print where the history is used.
    public static let citations = [
        "COW major powers v2016; NMC v7.0: Singer, Bremer & Stuckey (1972), Singer (1987)",
        "COW capitals and packaging: Miller (2022), peacesciencer; COW Direct Contiguity v3.2: Stinnett et al. (2002)",
        "Thompson & Dreyer (2012), Handbook of International Rivalries",
        "ATOP 5.1: Leeds et al. (2002); COW Inter-State War v4.0: Sarkees & Wayman (2010) — outcomes 1816–1890 only",
    ]

    /// Display names of the great powers of 1816–1945, by COW abbreviation.
    public static let names: [String: String] = [
        "USA": "United States of America", "UKG": "United Kingdom", "FRN": "France", "GMY": "Germany (Prussia)",
        "AUH": "Austria-Hungary", "ITA": "Italy (Sardinia)", "RUS": "Russia", "JPN": "Japan",
    ]

    init(
        years: ClosedRange<Int>, outcomeYears: ClosedRange<Int>, warYears: ClosedRange<Int>,
        alliances: [AllianceCommitment],
        wars: [WarParticipation], yearTable: [GreatPowerYear]
    ) {
        self.years = years
        self.outcomeYears = outcomeYears
        self.warYears = warYears
        self.alliances = alliances.sorted { ($0.year, $0.ccode1, $0.ccode2) < ($1.year, $1.ccode1, $1.ccode2) }
        var byWar: [Int: [WarParticipation]] = [:]
        for w in wars { byWar[w.warnum, default: []].append(w) }
        self.wars = byWar.map {
            GreatPowerWar(warnum: $0.key, startYear: $0.value[0].startYear, participants: $0.value)
        }
        .sorted { ($0.startYear, $0.warnum) < ($1.startYear, $1.warnum) }
        self.yearTable = yearTable
    }

    /// Parses the embedded tables. O(rows).
    init(embeddedTables: Void) throws {
        typealias T = HistoryCSV.Table
        let gp = try T(GreatPowerHistoryData.greatPowers, name: "great_powers")
        let nmc = try T(GreatPowerHistoryData.nmc, name: "nmc")
        let tot = try T(GreatPowerHistoryData.worldTotals, name: "nmc_world_totals")
        let cap = try T(GreatPowerHistoryData.capitals, name: "capitals")
        let dy = try T(GreatPowerHistoryData.dyads, name: "dyads")

        struct Key: Hashable { let year: Int, ccode: Int }
        var nmcRows: [Key: Int] = [:], capRows: [Key: Int] = [:]
        let ny = try nmc.column("year"), nc = try nmc.column("ccode"), cy = try cap.column("year"),
            cc = try cap.column("ccode")
        for r in nmc.rows.indices { nmcRows[Key(year: try nmc.int(r, ny), ccode: try nmc.int(r, nc))] = r }
        for r in cap.rows.indices { capRows[Key(year: try cap.int(r, cy), ccode: try cap.int(r, cc))] = r }
        var totals: [Int: (milex: Double, milper: Double)] = [:]
        let ty = try tot.column("year"), tmx = try tot.column("milex_world_total_nonmissing"),
            tmp = try tot.column("milper_world_total_nonmissing")
        for r in tot.rows.indices {
            totals[try tot.int(r, ty)] = (try tot.double(r, tmx) ?? 0, try tot.double(r, tmp) ?? 0)
        }

        var powersByYear: [Int: [GreatPower]] = [:]
        let gy = try gp.column("year"), gc = try gp.column("ccode"), ga = try gp.column("stateabb")
        let comps = try ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"].map { try nmc.column($0) }
        let capName = try cap.column("capital"), lat = try cap.column("lat"), lng = try cap.column("lng")
        for r in gp.rows.indices {
            let year = try gp.int(r, gy), code = try gp.int(r, gc)
            guard let n = nmcRows[Key(year: year, ccode: code)], let c = capRows[Key(year: year, ccode: code)],
                let world = totals[year]
            else {
                throw HistoryError.malformed(
                    table: "great_powers", line: r + 2,
                    message: "no NMC, capital or world-total row for \(code) in \(year)")
            }
            let v = try comps.map { k -> Double? in
                let x = try nmc.double(n, k)
                return x.flatMap { $0 < 0 ? nil : $0 }
            }
            var mil = 0.0, count = 0.0
            if let x = v[0], world.milex > 0 { mil += x / world.milex; count += 1 }
            if let x = v[1], world.milper > 0 { mil += x / world.milper; count += 1 }
            guard let cinc = v[6], let la = try cap.double(c, lat), let lo = try cap.double(c, lng) else {
                throw HistoryError.malformed(
                    table: "nmc", line: n + 2, message: "missing cinc or capital coordinates for \(code) in \(year)")
            }
            powersByYear[year, default: []].append(
                GreatPower(
                    ccode: code, abb: String(gp.rows[r][ga]), milex: v[0], milper: v[1], irst: v[2], pec: v[3],
                    tpop: v[4], upop: v[5],
                    cinc: cinc, militaryShare: count > 0 ? mil / count : 0, capital: String(cap.rows[c][capName]),
                    latitude: la, longitude: lo))
        }
        var dyadsByYear: [Int: [GreatPowerDyad]] = [:]
        let dy0 = try dy.column("year"), d1 = try dy.column("ccode1"), d2 = try dy.column("ccode2")
        let dk = try dy.column("capital_distance_km"), dc = try dy.column("contiguity"),
            dm = try dy.column("mindist_km"), dr = try dy.column("rivalry")
        for r in dy.rows.indices {
            guard let km = try dy.double(r, dk) else {
                throw HistoryError.malformed(table: "dyads", line: r + 2, message: "missing capital distance")
            }
            let d = GreatPowerDyad(
                year: try dy.int(r, dy0), ccode1: try dy.int(r, d1), ccode2: try dy.int(r, d2), capitalDistanceKm: km,
                contiguity: try dy.int(r, dc), minDistanceKm: try dy.double(r, dm), rivalry: try dy.flag(r, dr))
            dyadsByYear[d.year, default: []].append(d)
        }
        let first = powersByYear.keys.min() ?? 0, last = powersByYear.keys.max() ?? -1
        var table: [GreatPowerYear] = []
        for y in first...last {
            let powers = (powersByYear[y] ?? []).sorted { $0.ccode < $1.ccode }
            let dyads = (dyadsByYear[y] ?? []).sorted { ($0.ccode1, $0.ccode2) < ($1.ccode1, $1.ccode2) }
            guard dyads.count == powers.count * (powers.count - 1) / 2 else {
                throw HistoryError.malformed(
                    table: "dyads", line: 0, message: "\(y): \(dyads.count) pairs for \(powers.count) powers")
            }
            table.append(GreatPowerYear(year: y, powers: powers, dyads: dyads))
        }
        self.init(
            years: first...last, outcomeYears: 1816...1890, warYears: 1816...1890,
            alliances: try HistoryCSV.alliances(GreatPowerHistoryData.alliances, name: "alliances_1816_1890"),
            wars: try HistoryCSV.wars(GreatPowerHistoryData.wars, name: "wars_1816_1890"), yearTable: table)
    }

    /// The great-power system of a year. Throws ``HistoryError/yearOutOfRange(year:available:)`` outside ``years``. O(1).
    public func year(_ y: Int) throws -> GreatPowerYear {
        guard years.contains(y) else { throw HistoryError.yearOutOfRange(year: y, available: years) }
        return yearTable[y - years.lowerBound]
    }

    /// The alliance commitments (any flag) between great powers in a year with known outcomes; throws
    /// ``HistoryError/outcomesUnavailable(year:available:)`` for a held-out year. O(log rows + k).
    public func commitments(year y: Int) throws -> [AllianceCommitment] {
        _ = try year(y)
        guard outcomeYears.contains(y) else { throw HistoryError.outcomesUnavailable(year: y, available: outcomeYears) }
        var lo = 0, hi = alliances.count
        while lo < hi { let m = (lo + hi) / 2; if alliances[m].year < y { lo = m + 1 } else { hi = m } }
        var out: [AllianceCommitment] = []
        while lo < alliances.count && alliances[lo].year == y { out.append(alliances[lo]); lo += 1 }
        return out
    }

    /// The scored outcome for every pair of great powers of a year, in the order of ``GreatPowerYear/dyads``:
    /// `true` if the pair has a defense or offense commitment (ATOP). Throws for held-out years. O(n² + k).
    public func allianceOutcomes(year y: Int) throws -> [Bool] {
        let allied = try alliedPairs(year: y)
        return try year(y).dyads.map { allied.contains([$0.ccode1, $0.ccode2]) }
    }

    /// The pairs `[ccode1, ccode2]` (ccode1 < ccode2) of great powers of a year with a defense or offense commitment
    /// (ATOP): the `true` entries of ``allianceOutcomes(year:)``. Throws for held-out years. O(n² + k).
    public func alliedPairs(year y: Int) throws -> Set<[Int]> {
        let allied = Set(try commitments(year: y).filter(\.isAlliance).map { [$0.ccode1, $0.ccode2] })
        return Set(try year(y).dyads.map { [$0.ccode1, $0.ccode2] }.filter(allied.contains))
    }

    /// The great-power wars that started in a year range (all of them must lie in ``warYears``, else throws
    /// ``HistoryError/outcomesUnavailable(year:available:)``). O(wars).
    public func wars(startingIn range: ClosedRange<Int>) throws -> [GreatPowerWar] {
        for y in [range.lowerBound, range.upperBound] where !warYears.contains(y) {
            throw HistoryError.outcomesUnavailable(year: y, available: warYears)
        }
        return wars.filter { range.contains($0.startYear) }
    }

    /// The year as a ``Scenario`` named "history-YEAR": the great powers sorted by COW code, capability = published
    /// CINC, military share = mean share of world military expenditure and personnel (offensive emphasis =
    /// military share / CINC), capitals, capital distances, land contiguity (COW type 1) and the rivalries active that
    /// year; every actor status quo. Throws ``HistoryError/yearOutOfRange(year:available:)``. O(n²).
    public func scenario(year y: Int) throws -> Scenario {
        let gy = try year(y)
        let n = gy.powers.count
        let actors = gy.powers.map {
            Country(
                id: $0.abb, name: Self.names[$0.abb] ?? $0.abb, capability: $0.cinc, militaryShare: $0.militaryShare,
                type: .statusQuo, capital: (latitude: $0.latitude, longitude: $0.longitude))
        }
        var d = Matrix(rows: n, columns: n)
        var land = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        var riv = land
        let index = Dictionary(uniqueKeysWithValues: gy.powers.enumerated().map { ($0.element.ccode, $0.offset) })
        for p in gy.dyads {
            guard let i = index[p.ccode1], let j = index[p.ccode2] else { continue }
            d[i, j] = p.capitalDistanceKm; d[j, i] = p.capitalDistanceKm
            land[i][j] = p.landContiguous; land[j][i] = p.landContiguous
            riv[i][j] = p.rivalry; riv[j][i] = p.rivalry
        }
        do {
            return try Scenario(
                name: "history-\(y)", year: y, actors: actors, distances: d, landContiguous: land, rivalries: riv,
                sources: Self.citations)
        } catch let e as ScenarioError {
            // The history's own tables do not make a valid scenario for this year.
            throw HistoryError.malformed(table: "great powers \(y)", line: 0, message: e.description)
        }
    }

    /// The same inputs with outcomes supplied for held-out years (a held-out check): `alliances` rows replace the
    /// embedded ones in the years from the file's first to its last year, which must continue the known outcomes
    /// (first year ≤ last known + 1); the outcome coverage grows to the file's last year. `wars` replace the embedded
    /// wars with the same numbers and are added otherwise; when given, war coverage grows to the larger of the
    /// alliance coverage and the last start year in the file. O(rows log rows).
    public func withOutcomes(alliances supplied: [AllianceCommitment]?, wars suppliedWars: [WarParticipation]?) throws
        -> GreatPowerHistory
    {
        var outcomes = outcomeYears
        var merged = alliances
        if let s = supplied, let lo = s.map(\.year).min(), let hi = s.map(\.year).max() {
            guard years.contains(lo), years.contains(hi) else {
                throw HistoryError.yearOutOfRange(year: years.contains(lo) ? hi : lo, available: years)
            }
            guard lo <= outcomeYears.upperBound + 1 else {
                throw HistoryError.malformed(
                    table: "outcomes", line: 0,
                    message:
                        "the file starts in \(lo), leaving \(outcomeYears.upperBound + 1)\(lo - 1 > outcomeYears.upperBound + 1 ? "–\(lo - 1)" : "") without outcomes"
                )
            }
            merged = alliances.filter { !(lo...hi).contains($0.year) } + s
            outcomes = min(lo, outcomeYears.lowerBound)...max(hi, outcomeYears.upperBound)
        }
        var warRows = wars.flatMap(\.participants)
        var warCover = warYears
        if let w = suppliedWars {
            let numbers = Set(w.map(\.warnum))
            warRows = warRows.filter { !numbers.contains($0.warnum) } + w
            warCover =
                warYears.lowerBound...max(warYears.upperBound, outcomes.upperBound, w.map(\.startYear).max() ?? 0)
        }
        return GreatPowerHistory(
            years: years, outcomeYears: outcomes, warYears: warCover, alliances: merged, wars: warRows,
            yearTable: yearTable)
    }
}
