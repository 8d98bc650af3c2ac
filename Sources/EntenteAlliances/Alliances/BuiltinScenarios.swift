/// Scenarios built from the shipped Correlates of War extracts (NMC v6.0 capabilities computed with ``CINC``,
/// COW capitals, capital distances and direct contiguity, Thompson–Dreyer rivalries active that year).
///
/// Actor types are editable assumptions, not data: the power-acquiring (revisionist) actors marked here follow
/// common historiography (Prussia/Germany 1870; Germany and Austria-Hungary 1914; Germany, Italy and Japan 1939);
/// 1890 has none marked. Override them with `--types` or by editing the JSON (`entente scenario show`).
public enum BuiltinScenarios {
    /// A built-in scenario's name, description and content.
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
        let year: Int
        let states: [String]
        let revisionists: [String]
    }

    /// Every built-in scenario, in display order. The default is `europe-1914`.
    public static let all: [Entry] = [
        Entry(
            name: "europe-1870", summary: "Seven European powers on the eve of the Franco-Prussian War", year: 1870,
            states: ["UKG", "FRN", "RUS", "GMY", "AUH", "ITA", "TUR"], revisionists: ["GMY"]),
        Entry(
            name: "europe-1890", summary: "Seven European powers after Bismarck (Triple Alliance; Reinsurance lapsing)",
            year: 1890,
            states: ["UKG", "FRN", "RUS", "GMY", "AUH", "ITA", "TUR"], revisionists: []),
        Entry(
            name: "europe-1914", summary: "Seven European powers in 1914", year: 1914,
            states: ["UKG", "FRN", "RUS", "GMY", "AUH", "ITA", "TUR"], revisionists: ["GMY", "AUH"]),
        Entry(
            name: "great-powers-1914", summary: "The nine great powers of 1914 (with the USA and Japan)", year: 1914,
            states: ["USA", "GMY", "UKG", "RUS", "FRN", "AUH", "JPN", "ITA", "TUR"], revisionists: ["GMY", "AUH"]),
        Entry(
            name: "great-powers-1939", summary: "The seven great powers of 1939", year: 1939,
            states: ["USA", "GMY", "RUS", "UKG", "JPN", "FRN", "ITA"], revisionists: ["GMY", "ITA", "JPN"]),
    ]

    /// The default scenario of `entente analyze`.
    public static let defaultName = "europe-1914"

    /// Builds a named scenario. Throws ``ScenarioError`` for an unknown name.
    public static func scenario(named name: String) throws -> Scenario {
        guard let e = all.first(where: { $0.name == name }) else {
            throw ScenarioError(
                field: "name",
                message: "unknown built-in scenario \"\(name)\" (known: \(all.map(\.name).joined(separator: ", ")))")
        }
        return try fromData(year: e.year, states: e.states, name: e.name, revisionists: e.revisionists)
    }

    /// A scenario for any of the shipped years (1870, 1890, 1914, 1939) and any states with NMC data that year.
    public static func fromData(year: Int, states: [String], name: String? = nil, revisionists: [String] = []) throws
        -> Scenario
    {
        let records = CINC.builtinRecords(year: year)
        guard !records.isEmpty else {
            throw ScenarioError(field: "year", message: "no shipped data for \(year) (have 1870, 1890, 1914, 1939)")
        }
        let scores = CINC.scores(records)
        var actors: [Country] = []
        for s in states {
            guard let sc = scores[s] else {
                throw ScenarioError(field: "states", message: "no NMC record for \(s) in \(year)")
            }
            let cap = BuiltinData.capitals.first { $0.0 == year && $0.1 == s }
            actors.append(
                Country(
                    id: s, name: BuiltinData.names[s] ?? s, capability: sc.cinc, militaryShare: sc.militaryShare,
                    type: revisionists.contains(s) ? .powerAcquiring : .statusQuo,
                    capital: cap.map { (latitude: $0.3, longitude: $0.4) }))
        }
        let n = states.count
        var d = Matrix(rows: n, columns: n, repeating: .nan)
        var land = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        var riv = land
        for (y, a, b, km, cont) in BuiltinData.dyads where y == year {
            guard let i = states.firstIndex(of: a), let j = states.firstIndex(of: b) else { continue }
            d[i, j] = km; d[j, i] = km
            land[i][j] = cont == 1; land[j][i] = cont == 1
        }
        for (a, b, start, end, _) in BuiltinData.rivalries where start <= year && year <= end {
            guard let i = states.firstIndex(of: a), let j = states.firstIndex(of: b) else { continue }
            riv[i][j] = true; riv[j][i] = true
        }
        return try Scenario(
            name: name ?? "custom-\(year)", year: year, actors: actors, distances: d, landContiguous: land,
            rivalries: riv, sources: BuiltinScenarios.citations)
    }

    /// A scenario from NMC records supplied by the caller (for instance read from a CSV): CINC and military shares
    /// over **every** record (the system members of `year`), then `states` become the actors. Capitals come from
    /// `capitals`, else the shipped COW capitals for that year; names from `names`, else the shipped names;
    /// distances are haversine between capitals; land contiguity and rivalries come from the shipped data where the
    /// year is covered and are otherwise empty. O(records + shipped dyads). Throws ``ScenarioError`` for a state
    /// without a record or a capital.
    public static func fromRecords(
        _ records: [NMCRecord], year: Int, states: [String], names: [String: String] = [:],
        capitals: [String: (latitude: Double, longitude: Double)] = [:], name: String, sources: [String]
    ) throws -> Scenario {
        let scores = CINC.scores(records)
        var actors: [Country] = []
        for s in states {
            guard let sc = scores[s] else {
                throw ScenarioError(field: "states", message: "no row for \(s) in \(year)")
            }
            let builtin = BuiltinData.capitals.first { $0.0 == year && $0.1 == s }.map {
                (latitude: $0.3, longitude: $0.4)
            }
            guard let cap = capitals[s] ?? builtin else {
                throw ScenarioError(field: "states", message: "no capital for \(s) in \(year): add lat and lng columns")
            }
            actors.append(
                Country(
                    id: s, name: names[s] ?? BuiltinData.names[s] ?? s, capability: sc.cinc,
                    militaryShare: sc.militaryShare,
                    capital: cap))
        }
        let n = states.count
        var land = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        var riv = land
        for (y, a, b, _, cont) in BuiltinData.dyads where y == year && cont == 1 {
            if let i = states.firstIndex(of: a), let j = states.firstIndex(of: b) {
                land[i][j] = true; land[j][i] = true
            }
        }
        for (a, b, start, end, _) in BuiltinData.rivalries where start <= year && year <= end {
            if let i = states.firstIndex(of: a), let j = states.firstIndex(of: b) { riv[i][j] = true; riv[j][i] = true }
        }
        return try Scenario(
            name: name, year: year, actors: actors, landContiguous: land, rivalries: riv, sources: sources)
    }

    /// Dataset citations to print where the built-in data are used.
    public static let citations = [
        "Singer, Bremer & Stuckey (1972); Singer (1987): COW National Material Capabilities v6.0",
        "COW capitals and Direct Contiguity v3.2 via peacesciencer (Miller 2022)",
        "Thompson & Dreyer (2012), Handbook of International Rivalries",
    ]
}
