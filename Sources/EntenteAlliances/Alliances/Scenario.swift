import Foundation

/// A validation error in a scenario: which field and what is wrong.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offending field, e.g. `actors[2].capability` or `rivalries[0]`.
    public let field: String
    public let message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public var description: String { "\(field): \(message)" }
}

/// A system of states at one moment: actors, geography, intentions.
///
/// Every field is fixed at construction, which validates it; ``withTypes(_:)`` and ``reordered(_:)`` build new,
/// validated scenarios.
public struct Scenario: Sendable, Equatable {
    /// Scenario name (built-ins: e.g. "europe-1914").
    public let name: String
    /// The year the data describe, if any.
    public let year: Int?
    /// The actors, in display order.
    public let actors: [Country]
    /// Capital-to-capital distance in km (symmetric, zero diagonal).
    public let distances: Matrix
    /// Land contiguity (COW direct contiguity type 1): proximity uses distance 0 (Bennett & Stam 2000).
    public let landContiguous: [[Bool]]
    /// Active rivalries (intentions).
    public let rivalries: [[Bool]]
    /// Provenance to print with results.
    public let sources: [String]

    /// Validates and builds a scenario. Missing distances (NaN) are computed from capitals by the haversine
    /// formula (R = 6371.0088 km, rounded to 0.1 km). O(n²).
    public init(
        name: String, year: Int? = nil, actors: [Country], distances: Matrix? = nil,
        landContiguous: [[Bool]]? = nil, rivalries: [[Bool]]? = nil, sources: [String] = []
    ) throws {
        let n = actors.count
        guard n >= 1 else { throw ScenarioError(field: "actors", message: "a scenario needs at least one actor") }
        var seen = Set<String>()
        for (k, a) in actors.enumerated() {
            guard !a.id.isEmpty else { throw ScenarioError(field: "actors[\(k)].id", message: "empty id") }
            guard seen.insert(a.id).inserted else {
                throw ScenarioError(field: "actors[\(k)].id", message: "duplicate id \"\(a.id)\"")
            }
            guard a.capability.isFinite, a.capability >= 0 else {
                throw ScenarioError(
                    field: "actors[\(k)].capability",
                    message: "must be a finite non-negative number, got \(a.capability)")
            }
            guard a.militaryShare.isFinite, a.militaryShare >= 0 else {
                throw ScenarioError(
                    field: "actors[\(k)].military_share",
                    message: "must be a finite non-negative number, got \(a.militaryShare)")
            }
            let p = a.type.probabilityPowerAcquiring
            guard p.isFinite, p >= 0, p <= 1 else {
                throw ScenarioError(field: "actors[\(k)].type", message: "probability must be in [0, 1], got \(p)")
            }
            if let c = a.capital {
                guard c.latitude.isFinite, abs(c.latitude) <= 90, c.longitude.isFinite, abs(c.longitude) <= 180 else {
                    throw ScenarioError(
                        field: "actors[\(k)].capital",
                        message: "latitude must be in [-90, 90] and longitude in [-180, 180]")
                }
            }
        }
        guard actors.contains(where: { $0.capability > 0 }) else {
            throw ScenarioError(field: "actors", message: "at least one actor needs positive capability")
        }
        var d = distances ?? Matrix(rows: n, columns: n, repeating: .nan)
        guard d.rows == n, d.columns == n else { throw ScenarioError(field: "distances", message: "must be \(n)×\(n)") }
        // Given distances must be symmetric with a zero (or missing) diagonal: an asymmetric table has no meaning here.
        for i in 0..<n {
            guard d[i, i].isNaN || d[i, i] == 0 else {
                throw ScenarioError(field: "distances", message: "the distance of \(actors[i].id) to itself must be 0")
            }
            for j in (i + 1)..<max(i + 1, n) where !(d[i, j].isNaN && d[j, i].isNaN) {
                guard d[i, j] == d[j, i] else {
                    throw ScenarioError(
                        field: "distances",
                        message: "distance \(actors[i].id)–\(actors[j].id) is not symmetric (\(d[i, j]) and \(d[j, i]))"
                    )
                }
            }
        }
        for i in 0..<n {
            d[i, i] = 0
            for j in 0..<n where i != j {
                if d[i, j].isNaN {
                    guard let a = actors[i].capital, let b = actors[j].capital else {
                        throw ScenarioError(
                            field: "distances",
                            message:
                                "no distance between \(actors[i].id) and \(actors[j].id) and no capitals to compute it")
                    }
                    d[i, j] = Scenario.haversineKm(a, b)
                }
                guard d[i, j].isFinite || d[i, j] == .infinity, d[i, j] >= 0 else {
                    throw ScenarioError(
                        field: "distances", message: "distance \(actors[i].id)–\(actors[j].id) must be non-negative")
                }
            }
        }
        let land = landContiguous ?? [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        let riv = rivalries ?? [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        guard land.count == n, land.allSatisfy({ $0.count == n }) else {
            throw ScenarioError(field: "contiguous", message: "must be \(n)×\(n)")
        }
        guard riv.count == n, riv.allSatisfy({ $0.count == n }) else {
            throw ScenarioError(field: "rivalries", message: "must be \(n)×\(n)")
        }
        for (field, m) in [("contiguous", land), ("rivalries", riv)] {
            for i in 0..<n {
                guard !m[i][i] else {
                    throw ScenarioError(field: field, message: "\(actors[i].id) is paired with itself")
                }
                for j in (i + 1)..<max(i + 1, n) where m[i][j] != m[j][i] {
                    throw ScenarioError(field: field, message: "\(actors[i].id)–\(actors[j].id) is not symmetric")
                }
            }
        }
        self.init(
            validatedName: name, year: year, actors: actors, distances: d, landContiguous: land, rivalries: riv,
            sources: sources)
    }

    /// Stores fields that have already been validated.
    private init(
        validatedName name: String, year: Int?, actors: [Country], distances: Matrix, landContiguous: [[Bool]],
        rivalries: [[Bool]], sources: [String]
    ) {
        self.name = name
        self.year = year
        self.actors = actors
        self.distances = distances
        self.landContiguous = landContiguous
        self.rivalries = rivalries
        self.sources = sources
    }

    /// The same scenario with the actors at the given indices made status quo (`false`) or power-acquiring (`true`).
    /// Pure types are always valid, so nothing is re-checked; used for the type profiles of a private-types game. O(n).
    package func withPureTypes(_ powerAcquiring: [(index: Int, powerAcquiring: Bool)]) -> Scenario {
        var updated = actors
        for (i, p) in powerAcquiring { updated[i].type = p ? .powerAcquiring : .statusQuo }
        return Scenario(
            validatedName: name, year: year, actors: updated, distances: distances, landContiguous: landContiguous,
            rivalries: rivalries, sources: sources)
    }

    /// Number of actors.
    public var actorCount: Int { actors.count }

    /// Each actor's share of total capability, computed after dividing by the largest capability, so capabilities up
    /// to 1.8e308 give finite shares summing to 1 (all zeros if every capability is 0). O(n).
    public var capabilityShares: [Double] {
        let caps = actors.map(\.capability)
        let top = caps.max() ?? 0
        guard top > 0, top.isFinite else { return caps.map { _ in 0 } }
        let total = caps.reduce(0) { $0 + $1 / top }
        return caps.map { $0 / top / total }
    }
    /// Actor ids in order.
    public var ids: [String] { actors.map(\.id) }

    /// Index of an actor id.
    public func index(of id: String) -> Int? { actors.firstIndex { $0.id == id } }

    /// The same scenario with the actors sorted by id (distances, contiguity and rivalries permuted alike): a
    /// canonical order, so that a solver whose tie-breaking follows actor indices gives results that do not depend on
    /// the order in which actors were listed. O(n²).
    public func orderedByID() throws -> Scenario {
        let order = actors.indices.sorted { actors[$0].id < actors[$1].id }
        return order == Array(actors.indices) ? self : try reordered(order)
    }

    /// The same scenario with its actors in the order `order` (a permutation of the indices; actor `order[k]` becomes
    /// actor k), distances, contiguity and rivalries permuted alike. Throws ``ScenarioError`` if `order` is not a
    /// permutation. O(n²).
    public func reordered(_ order: [Int]) throws -> Scenario {
        let n = actorCount
        guard order.count == n, Set(order) == Set(0..<n) else {
            throw ScenarioError(field: "order", message: "must be a permutation of 0..<\(n)")
        }
        var d = Matrix(rows: n, columns: n)
        for a in 0..<n { for b in 0..<n { d[a, b] = distances[order[a], order[b]] } }
        return try Scenario(
            name: name, year: year, actors: order.map { actors[$0] }, distances: d,
            landContiguous: order.map { i in order.map { landContiguous[i][$0] } },
            rivalries: order.map { i in order.map { rivalries[i][$0] } }, sources: sources)
    }

    /// Great-circle distance (haversine, R = 6371.0088 km, the IUGG mean radius), rounded to 0.1 km.
    public static func haversineKm(
        _ a: (latitude: Double, longitude: Double), _ b: (latitude: Double, longitude: Double)
    ) -> Double {
        let r = 6371.0088
        let p1 = a.latitude * .pi / 180, p2 = b.latitude * .pi / 180
        let dp = p2 - p1, dl = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return (2 * r * asin(min(1, h.squareRoot())) * 10).rounded() / 10
    }

    /// The same scenario with some actors' types replaced (e.g. for the power-acquiring setting).
    /// Validated like the initialiser: an unknown id or a probability outside [0, 1] throws ``ScenarioError``. O(n²).
    public func withTypes(_ types: [String: ActorType]) throws -> Scenario {
        var updated = actors
        for (id, t) in types {
            guard let i = index(of: id) else {
                throw ScenarioError(field: "types", message: "unknown actor id \"\(id)\"")
            }
            updated[i].type = t
        }
        return try Scenario(
            name: name, year: year, actors: updated, distances: distances, landContiguous: landContiguous,
            rivalries: rivalries, sources: sources)
    }
}
