/// The scenario JSON format (docs/formats.md). Every field is validated; errors name the field.
///
///     {"name": "...", "year": 1914,
///      "actors": [{"id": "GMY", "name": "Germany", "capability": 0.158, "military_share": 0.14,
///                  "type": "powerAcquiring" | "statusQuo" | 0.3, "capital": {"lat": 52.5, "lng": 13.4}}, ...],
///      "distances_km": [["GMY", "FRN", 877.5], ...],     (optional: else computed from capitals)
///      "contiguous": [["FRN", "GMY"], ...],               (land contiguity, optional)
///      "rivalries": [["FRN", "GMY"], ...],                (optional)
///      "sources": ["..."]}
///
/// `capability` and `military_share` may be exact fractions in strings (`"1/3"`).
public enum ScenarioJSON {
    /// Largest number of actors in a scenario file (the reader builds n × n tables; analyses are O(n³) and more).
    public static let maxActors = 1000

    /// Parses and validates a scenario. Throws ``FileFormatError`` with the JSON path of the offending value (syntax
    /// errors carry the line and column instead).
    public static func parse(_ text: String) throws -> Scenario {
        let root = JSONReader(try JSONValue.parse(text))
        let name = try root.optionalMember("name")?.string() ?? "scenario"
        let year = try root.optionalMember("year")?.integer()
        var actors: [Country] = []
        let actorsR = try root.member("actors")
        let actorList = try actorsR.array()
        guard actorList.count <= maxActors else {
            // Checked before the n × n distance, contiguity and rivalry tables are allocated.
            throw FileFormatError(
                path: actorsR.path, message: "\(actorList.count) actors exceed the limit of \(maxActors) for a scenario"
            )
        }
        for a in actorList {
            let id = try a.member("id").string()
            let capR = try a.member("capability")
            let cap = try capR.numeric()
            guard cap >= 0 else {
                throw FileFormatError(path: capR.path, message: "capability must be non-negative, got \(cap)")
            }
            let mil = try a.optionalMember("military_share").map { r -> Double in
                let v = try r.numeric()
                guard v >= 0 else { throw FileFormatError(path: r.path, message: "must be non-negative, got \(v)") }
                return v
            }
            var type = ActorType.statusQuo
            if let t = try a.optionalMember("type") {
                switch t.value {
                case .string(let s):
                    switch s {
                    case "statusQuo", "status-quo", "sq": type = .statusQuo
                    case "powerAcquiring", "power-acquiring", "pa", "revisionist": type = .powerAcquiring
                    default:
                        // An exact probability such as "1/3".
                        guard let r = JSONReader.rational(s), !(r < .zero), !(Rational.one < r) else {
                            throw FileFormatError(
                                path: t.path,
                                message: "type must be \"statusQuo\", \"powerAcquiring\" or a probability in [0, 1]")
                        }
                        type = .uncertain(probabilityPowerAcquiring: r.doubleValue)
                    }
                case .number(let p):
                    guard p >= 0, p <= 1 else {
                        throw FileFormatError(
                            path: t.path, message: "probability of being power-acquiring must be in [0, 1], got \(p)")
                    }
                    type = .uncertain(probabilityPowerAcquiring: p)
                default: throw FileFormatError(path: t.path, message: "type must be a string or a probability")
                }
            }
            var capital: (latitude: Double, longitude: Double)?
            if let c = try a.optionalMember("capital") {
                capital = (try c.member("lat").number(), try c.member("lng").number())
            }
            actors.append(
                Country(
                    id: id, name: try a.optionalMember("name")?.string(), capability: cap, militaryShare: mil,
                    type: type, capital: capital))
        }
        let ids = actors.map(\.id)
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func index(_ r: JSONReader) throws -> Int {
            let id = try r.string()
            guard let i = position[id] else {
                throw FileFormatError(path: r.path, message: "unknown actor id \"\(id)\"")
            }
            return i
        }
        let n = actors.count
        var distances: Matrix? = nil
        if let d = try root.optionalMember("distances_km") {
            var m = Matrix(rows: n, columns: n, repeating: .nan)
            for row in try d.array() {
                let items = try row.array()
                guard items.count == 3 else { throw FileFormatError(path: row.path, message: "expected [id, id, km]") }
                let i = try index(items[0]), j = try index(items[1])
                guard i != j else { throw FileFormatError(path: row.path, message: "an actor paired with itself") }
                guard m[i, j].isNaN else { throw FileFormatError(path: row.path, message: "this pair is given twice") }
                let km = try items[2].number()
                guard km >= 0 else {
                    throw FileFormatError(path: items[2].path, message: "distance must be non-negative")
                }
                m[i, j] = km; m[j, i] = km
            }
            distances = m
        }
        func pairs(_ key: String) throws -> [[Bool]] {
            var m = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
            guard let list = try root.optionalMember(key) else { return m }
            for row in try list.array() {
                let items = try row.array()
                guard items.count == 2 else {
                    throw FileFormatError(path: row.path, message: "expected a pair of actor ids")
                }
                let i = try index(items[0]), j = try index(items[1])
                guard i != j else { throw FileFormatError(path: row.path, message: "an actor paired with itself") }
                guard !m[i][j] else { throw FileFormatError(path: row.path, message: "this pair is given twice") }
                m[i][j] = true; m[j][i] = true
            }
            return m
        }
        let sources = try root.optionalMember("sources")?.strings() ?? []
        let contiguous = try pairs("contiguous"), rivalries = try pairs("rivalries")
        do {
            return try Scenario(
                name: name, year: year, actors: actors, distances: distances, landContiguous: contiguous,
                rivalries: rivalries, sources: sources)
        } catch let e as ScenarioError {
            // Re-anchor to the JSON path of the field.
            throw FileFormatError(path: "$." + e.field, message: e.message)
        }
    }

    /// An actor type as the scenario format writes it: `"statusQuo"`, `"powerAcquiring"` or the probability of being
    /// power-acquiring as a number.
    public static func encode(_ type: ActorType) -> JSONValue {
        switch type {
        case .statusQuo: return .string("statusQuo")
        case .powerAcquiring: return .string("powerAcquiring")
        case .uncertain(let p): return .number(p)
        }
    }

    /// The scenario as JSON, in the format ``parse(_:)`` reads (round-trips exactly).
    public static func encode(_ s: Scenario) -> JSONValue {
        var actors: [JSONValue] = []
        for a in s.actors {
            var kv: [(String, JSONValue)] = [
                ("id", .string(a.id)), ("name", .string(a.name)), ("capability", .number(a.capability)),
                ("military_share", .number(a.militaryShare)),
            ]
            kv.append(("type", encode(a.type)))
            if let c = a.capital {
                kv.append(("capital", .object([("lat", .number(c.latitude)), ("lng", .number(c.longitude))])))
            }
            actors.append(.object(kv))
        }
        var dist: [JSONValue] = [], cont: [JSONValue] = [], riv: [JSONValue] = []
        for i in 0..<s.actorCount {
            for j in (i + 1)..<s.actorCount {
                dist.append(.array([.string(s.actors[i].id), .string(s.actors[j].id), .number(s.distances[i, j])]))
                if s.landContiguous[i][j] { cont.append(.strings([s.actors[i].id, s.actors[j].id])) }
                if s.rivalries[i][j] { riv.append(.strings([s.actors[i].id, s.actors[j].id])) }
            }
        }
        var root: [(String, JSONValue)] = [("name", .string(s.name))]
        if let y = s.year { root.append(("year", .number(Double(y)))) }
        root += [
            ("actors", .array(actors)), ("distances_km", .array(dist)), ("contiguous", .array(cont)),
            ("rivalries", .array(riv)),
            ("sources", .strings(s.sources)),
        ]
        return .object(root)
    }
}
